/**
 * The level-of-detail map view at 100,000 and 1,000,000 papers (part of `npm run bench -- 30-explorer`).
 * The snapshots are generated directly in papergraph's shape (snapshot.ts), not ingested; the
 * map stage then runs on them as ingest runs it. Measured in headless Chromium against
 * `papergraph serve`'s server: the first meaningful paint (the top level drawn with its labels),
 * the JS heap, frame time while panning and zooming against bare Sigma drawing the same visible
 * graph in the same run, and the time to open a cluster (click to its next level drawn).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startServer } from '../../../src/server/server.ts';
import { writeMap } from '../../../src/store/map/write-map.ts';
import { writeMapSnapshot } from './snapshot.ts';
import { measure } from '../30-explorer.ts';

const heapMb = async (page: Page) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 2 ** 20;
};

async function openBiggestCluster(page: Page): Promise<{ ms: number; id: string }> {
  const target = await page.evaluate(() => {
    const { sigma, graph } = window.papergraph!;
    let best = '';
    let most = -1;
    graph.forEachNode((n, a) => {
      const papers = (a as unknown as { papers?: number }).papers ?? -1;
      if (n.startsWith('cluster:') && papers > most) [best, most] = [n, papers];
    });
    const a = graph.getNodeAttributes(best);
    sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1 });
    sigma.refresh();
    const box = sigma.getContainer().getBoundingClientRect();
    const v = sigma.graphToViewport({ x: a.x, y: a.y });
    return { id: best.slice('cluster:'.length), x: v.x + box.left, y: v.y + box.top };
  });
  const started = Date.now();
  await page.mouse.click(target.x, target.y);
  await page.waitForFunction((id) => window.papergraph!.graph.someNode((n) => n.startsWith(`cluster:${id}.`) || !n.startsWith('cluster:')), target.id, { polling: 'raf', timeout: 60_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  return { ms: Date.now() - started, id: target.id };
}

/**
 * Each size is generated and mapped in a temporary folder, unless `BENCH_MAP_DIRS=<n>=<dir>,...`
 * names a folder already holding that size's graph.json and map/ (from an earlier run, or any
 * snapshot with `papergraph map`), which is then measured as it is and kept.
 */
export async function measureMapView(browser: Browser, sizes: number[]): Promise<void> {
  const f = (n: number) => n.toFixed(1);
  const given = new Map((process.env.BENCH_MAP_DIRS ?? '').split(',').filter(Boolean).map((kv) => kv.split('=') as [string, string]).map(([n, d]) => [Number(n), d]));
  for (const papers of sizes) {
    const dir = given.get(papers) ?? mkdtempSync(join(tmpdir(), 'papergraph-bench-map-'));
    const bare = mkdtempSync(join(tmpdir(), 'papergraph-bench-map-bare-'));
    try {
      if (given.has(papers)) console.log(`\nmap view, ${papers.toLocaleString('en')} papers, measured in ${dir} (BENCH_MAP_DIRS)`);
      else {
        let t = performance.now();
        const gen = await writeMapSnapshot(dir, papers);
        console.log(`\nmap view, ${papers.toLocaleString('en')} generated papers (${gen.nodes.toLocaleString('en')} nodes, ${gen.edges.toLocaleString('en')} edges, written directly, not ingested) in ${f((performance.now() - t) / 1000)} s`);
        t = performance.now();
        const map = await writeMap(dir);
        console.log(`map stage: ${map.fields} fields, ${map.clusters} clusters, ${map.leaves} leaves in ${f((performance.now() - t) / 1000)} s; bench process RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`);
      }
      const server = await startServer({ snapshotDir: dir, port: 0 });
      const bareServer = await startServer({ snapshotDir: bare, port: 0 });
      try {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        await context.addInitScript('window.__name = (f) => f');
        const page = await context.newPage();
        const explorer = await measure(page, `${server.url}?map=1`);
        const paint = await page.evaluate(() => performance.getEntriesByName('papergraph:labels-drawn')[0]?.startTime ?? NaN);
        const heapTop = await heapMb(page);
        const visible = await page.evaluate(() => JSON.stringify(window.papergraph!.graph.export()));
        const opened = await openBiggestCluster(page);
        const heapOpen = await heapMb(page);
        await context.close();
        // Bare Sigma, default settings, drawing exactly the graph the map view drew at its top level.
        writeFileSync(join(bare, 'graph.json'), visible);
        const bareContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        await bareContext.addInitScript('window.__name = (f) => f');
        const b = await measure(await bareContext.newPage(), `${bareServer.url}bench.html`);
        await bareContext.close();
        console.log(`first meaningful paint (top level with labels): ${f(paint)} ms since navigation (goal <= 3000)`);
        console.log(`JS heap: ${f(heapTop)} MB at the top level, ${f(heapOpen)} MB with cluster ${opened.id} open (goal <= 500)`);
        console.log(`frame time panning/zooming: map view ${f(explorer.frameMean)} ms (p95 ${f(explorer.frameP95)}), bare Sigma on the same visible graph ${f(b.frameMean)} ms (p95 ${f(b.frameP95)}): ratio ${(explorer.frameMean / b.frameMean).toFixed(2)}x (goal <= 1.3x)`);
        console.log(`open a cluster (click to its next level drawn): ${opened.ms} ms (goal <= 1000)`);
      } finally {
        await server.close();
        await bareServer.close();
      }
    } finally {
      if (!given.has(papers)) rmSync(dir, { recursive: true, force: true });
      rmSync(bare, { recursive: true, force: true });
    }
  }
}
