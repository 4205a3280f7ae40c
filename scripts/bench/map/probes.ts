/**
 * What the map view's benchmark reads from the page: the JS heap, where the first paint's time
 * went, opening a cluster by a real click (timed inside the page), and the visible graph with the
 * camera it was drawn with, for bare Sigma to draw the same picture.
 */
import type { Page } from 'playwright-core';

/** The page's own V8 heap in use after a full collection (CDP Runtime.getHeapUsage), in MB. */
export async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 2 ** 20;
}

/** The first paint's way, in ms since navigation: each request's start and end, and the page's marks. */
export async function paintBreakdown(page: Page): Promise<string> {
  return page.evaluate(() => {
    const short = (url: string) => url.replace(/^https?:\/\/[^/]+\//, '').replace(/-[\w-]{8}\.(js|css)$/, '.$1');
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const requests = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => `${short(r.name)} ${Math.round(r.startTime)}-${Math.round(r.responseEnd)}`);
    const marks = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('papergraph:')).map((m) => `${m.name.slice(11)} ${Math.round(m.startTime)}`);
    return [`html 0-${Math.round(nav.responseEnd)}`, ...requests, `scripts run by ${Math.round(nav.domContentLoadedEventEnd)}`, ...marks].join(', ');
  });
}

export interface Opened {
  id: string;
  papers: number;
  /** From the mouse release, as the page received it, to the first frame drawn with the disc's next level in its place. */
  inPageMs: number;
  /** The same from the bench's side: the click sent, until the page reports the frame (adds the input's round trips). */
  wallMs: number;
  /** Its file's request, in ms after the release (null if it was already loaded). */
  request: { start: number; end: number; bytes: number } | null;
  /** When the map view had filled its graph with the next level, in ms after the release. */
  filledMs: number;
}

/**
 * Clicks the disc with most papers in view (among the clusters under `under`, if given) and waits
 * until a frame is drawn without it: its children, or for a leaf its papers, in its place.
 */
export async function openLargestDisc(page: Page, under: string | null): Promise<Opened | null> {
  await page.waitForFunction(() => !window.papergraph!.sigma.getCamera().isAnimated(), null, { timeout: 30_000 });
  await page.waitForTimeout(400);
  const target = await page.evaluate((prefix) => {
    const { sigma, graph } = window.papergraph!;
    const { width, height } = sigma.getDimensions();
    let best = '';
    let most = -1;
    graph.forEachNode((n, a) => {
      const papers = (a as unknown as { papers?: number }).papers ?? -1;
      if (!n.startsWith(prefix) || papers <= most) return;
      const v = sigma.graphToViewport({ x: a.x, y: a.y });
      if (v.x > 0 && v.y > 0 && v.x < width && v.y < height) [best, most] = [n, papers];
    });
    if (!best) return null;
    const w = window as unknown as { __open: { released: number; drawn: number } };
    w.__open = { released: NaN, drawn: NaN };
    window.addEventListener('mouseup', (e) => (w.__open.released = e.timeStamp), { capture: true, once: true });
    const drawn = () => {
      if (graph.hasNode(best) || graph.order === 0) return;
      w.__open.drawn = performance.now();
      sigma.off('afterRender', drawn);
    };
    sigma.on('afterRender', drawn);
    const a = graph.getNodeAttributes(best);
    const box = sigma.getContainer().getBoundingClientRect();
    const v = sigma.graphToViewport({ x: a.x, y: a.y });
    return { id: best.slice('cluster:'.length), papers: most, x: v.x + box.left, y: v.y + box.top };
  }, under === null ? 'cluster:' : `cluster:${under}.`);
  if (!target) return null;
  const started = Date.now();
  await page.mouse.click(target.x, target.y);
  await page.waitForFunction(() => !Number.isNaN((window as unknown as { __open: { drawn: number } }).__open.drawn), null, { polling: 'raf', timeout: 60_000 });
  const wallMs = Date.now() - started;
  const { inPageMs, filledMs, request } = await page.evaluate((id) => {
    const o = (window as unknown as { __open: { released: number; drawn: number } }).__open;
    const r = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) => e.name.endsWith(`/map/c/${id}.json`) && e.startTime >= o.released);
    const filled = performance.getEntriesByName('papergraph:map-filled').filter((m) => m.startTime >= o.released && m.startTime <= o.drawn).at(-1);
    return { inPageMs: o.drawn - o.released, filledMs: filled ? filled.startTime - o.released : NaN, request: r ? { start: r.startTime - o.released, end: r.responseEnd - o.released, bytes: r.decodedBodySize } : null };
  }, target.id);
  return { id: target.id, papers: target.papers, inPageMs, wallMs, request, filledMs };
}

/** The graph the page draws now, with its container size, extent and camera (read by bench.html); every edge a `line`. */
export async function visibleView(page: Page): Promise<string> {
  return page.evaluate(() => {
    const { sigma, graph } = window.papergraph!;
    const g = graph.export();
    // The map view draws every relationship type with Sigma's line program; bare Sigma knows only `line`.
    for (const e of g.edges) if (e.attributes) (e.attributes as { type?: string }).type = 'line';
    const bbox = sigma.getCustomBBox() ?? sigma.getBBox();
    return JSON.stringify({ ...g, attributes: { ...g.attributes, benchView: { size: sigma.getDimensions(), bbox, camera: sigma.getCamera().getState() } } });
  });
}
