/** What the e2e tests read from a page: through the DOM first, and through `window.papergraph` for the map. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

/**
 * The dataset most papers are evaluated on (or introduced by) in a snapshot folder, its papers,
 * and the top-level clusters holding them, from the map's search rows (id -> leaf path).
 */
export function mostUsedDataset(dir: string, leafOf: ReadonlyMap<string, string>): { name: string; links: string[]; papers: Set<string>; fields: Set<string> } {
  const snapshot = JSON.parse(readFileSync(join(dir, 'graph.json'), 'utf8')) as { nodes: { key: string; attributes: { name: string } }[]; edges: { source: string; target: string; attributes: { type: string } }[] };
  const on = new Map<string, string[]>();
  for (const e of snapshot.edges) if (e.attributes.type === 'EVALUATED_ON' || e.attributes.type === 'INTRODUCES') (on.get(e.target) ?? on.set(e.target, []).get(e.target)!).push(e.source);
  const [dataset, links] = [...on].sort((a, b) => b[1].length - a[1].length)[0]!;
  const papers = new Set(links);
  const name = snapshot.nodes.find((n) => n.key === dataset)!.attributes.name;
  const fields = new Set([...papers, dataset].map((id) => `cluster:${leafOf.get(id)!.split('.')[0]}`));
  return { name, links, papers, fields };
}

/** Runs the gallery's "papers on benchmark" from the open console with Ctrl+Enter, and waits for its answer. */
export async function runPapersOnBenchmark(page: Page, benchmark: string, timeout: number): Promise<void> {
  await page.getByRole('button', { name: 'Cypher console' }).click();
  await page.getByRole('navigation', { name: 'Example queries' }).getByRole('button', { name: 'papers on benchmark' }).click();
  await page.getByLabel('Parameters (JSON)').fill(JSON.stringify({ benchmark }));
  await page.getByRole('textbox', { name: /Cypher query/ }).click();
  await page.keyboard.press('Control+Enter');
  await page.getByTestId('result-summary').waitFor({ timeout });
}

/** The map's cluster discs drawn in their own colour (lit), the others being faded. */
export function litClusters(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { sigma, graph } = window.papergraph!;
    return graph.filterNodes((n) => n.startsWith('cluster:') && sigma.getNodeDisplayData(n)!.color === graph.getNodeAttribute(n, 'color' as never));
  });
}
