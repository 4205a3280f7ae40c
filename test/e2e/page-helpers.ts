/** What the e2e tests read from a page: through the DOM first, and through `window.papergraph` for the map. */
import type { Page } from 'playwright-core';

export async function openExplorer(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('html[data-rendered=true]', { state: 'attached', timeout: 60_000 });
}

/** Papers the map draws: in the graph, not hidden by the reducers. */
export function visiblePaperCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const { sigma, graph } = window.papergraph!;
    return graph.filterNodes((n, a) => a.kind === 'Paper' && !sigma.getNodeDisplayData(n)?.hidden).length;
  });
}

/**
 * Painted pixels in the node layer (WebGL) and the label layer (2D). The WebGL buffer is read in the
 * same task as a synchronous render, as the PNG export does.
 */
export function paintedPixels(page: Page): Promise<{ nodes: number; labels: number }> {
  return page.evaluate(() => {
    const { sigma } = window.papergraph!;
    sigma.refresh();
    const count = (source: HTMLCanvasElement) => {
      const c = document.createElement('canvas');
      c.width = source.width;
      c.height = source.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(source, 0, 0);
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
      return n;
    };
    const canvases = sigma.getCanvases();
    return { nodes: count(canvases.nodes!), labels: count(canvases.labels!) };
  });
}

/** Where a node sits on the page, for hovering and clicking it. */
export function nodePagePosition(page: Page, node: string): Promise<{ x: number; y: number }> {
  return page.evaluate((id) => {
    const { sigma, graph } = window.papergraph!;
    const a = graph.getNodeAttributes(id);
    const p = sigma.graphToViewport({ x: a.x, y: a.y });
    const box = sigma.getContainer().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, node);
}

export function cameraState(page: Page): Promise<{ x: number; y: number; ratio: number }> {
  return page.evaluate(() => {
    const { x, y, ratio } = window.papergraph!.sigma.getCamera().getState();
    return { x, y, ratio };
  });
}
