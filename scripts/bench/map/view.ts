/**
 * The level-of-detail map view at 100,000 and 1,000,000 papers (part of `npm run bench -- 30-explorer`).
 * The snapshots are generated directly in papergraph's shape (snapshot.ts), not ingested; the
 * map stage then runs on them as ingest runs it. Measured in headless Chromium against
 * `papergraph serve`'s server: the first meaningful paint (the top level drawn with its labels)
 * and the requests on its way, the JS heap at each level, the time to open a cluster at each level
 * (a real click, timed in the page from the release to the frame with the next level), and frame
 * time while panning against bare Sigma drawing the same view (graph, sizes, extent, camera) in
 * the same run, at the top level and with a leaf open.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer } from '../../../src/server/server.ts';
import { writeMap } from '../../../src/store/map/write-map.ts';
import { writeMapSnapshot } from './snapshot.ts';
import { load, playInput } from '../explorer/page-timing.ts';
import { heapMb, openLargestDisc, paintBreakdown, visibleView, type Opened } from './probes.ts';

const f = (n: number) => n.toFixed(1);

async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // tsx keeps function names with a __name helper the page does not have.
  await context.addInitScript('window.__name = (f) => f');
  return context;
}

/** Bare Sigma, default settings, opened on a view the map page drew (same graph, sizes, extent, camera). */
async function openBare(context: BrowserContext, url: string, dir: string, view: string): Promise<Page> {
  writeFileSync(join(dir, 'graph.json'), view);
  const page = await context.newPage();
  await load(page, `${url}bench.html`);
  return page;
}

const ROUNDS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The same drag on the map page and on bare Sigma in turn, ROUNDS times each after one uncounted, so that both meet the same load on a shared machine. */
async function panBoth(map: Page, bare: Page): Promise<string> {
  const rounds: { map: number[]; bare: number[] } = { map: [], bare: [] };
  // One drag on each first, not counted: the first frames after a load or an open pay for warm-up.
  for (const page of [map, bare]) await playInput(page, { zoom: false });
  for (let i = 0; i < ROUNDS; i++) {
    rounds.map.push((await playInput(map, { zoom: false })).frameMean);
    rounds.bare.push((await playInput(bare, { zoom: false })).frameMean);
  }
  const [m, b] = [median(rounds.map), median(rounds.bare)];
  const list = (xs: number[]) => xs.map(f).join(', ');
  return `map view ${f(m)} ms (rounds ${list(rounds.map)}), bare Sigma on the same view ${f(b)} ms (rounds ${list(rounds.bare)}): ratio of medians ${(m / b).toFixed(2)}x (goal <= 1.3x)`;
}

/** A bound on the clicks down, should a map ever hold a chain of clusters deeper than any built so far. */
const MAX_LEVELS = 24;

/**
 * Each size is generated and mapped in a temporary folder, unless `BENCH_MAP_DIRS=<n>=<dir>,...`
 * names a folder already holding that size's graph.json and map/ (from an earlier run, or any
 * snapshot with `papergraph map`), which is then measured as it is and kept.
 */
export async function measureMapView(browser: Browser, sizes: number[]): Promise<void> {
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
        console.log(`map stage: ${map.fields} fields, ${map.clusters} clusters, ${map.leaves} leaves, ${map.levels} levels in ${f((performance.now() - t) / 1000)} s; bench process peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
      }
      const server = await startServer({ snapshotDir: dir, port: 0 });
      const bareServer = await startServer({ snapshotDir: bare, port: 0 });
      try {
        const context = await newContext(browser);
        const bareContext = await newContext(browser);
        const page = await context.newPage();
        await load(page, `${server.url}?map=1`);
        const paint = await page.evaluate(() => performance.getEntriesByName('papergraph:labels-drawn')[0]?.startTime ?? NaN);
        const breakdown = await paintBreakdown(page);
        const heapTop = await heapMb(page);
        const topFrames = await panBoth(page, await openBare(bareContext, bareServer.url, bare, await visibleView(page)));
        // Down the largest clusters in view, a click per level, until a leaf's papers are drawn
        // (a leaf has no discs under it); the map has as many levels as its size needs.
        const opened: Opened[] = [];
        const heaps: number[] = [];
        for (let under: string | null = null, o: Opened | null; opened.length < MAX_LEVELS && (o = await openLargestDisc(page, under)); under = o.id) {
          opened.push(o);
          heaps.push(await heapMb(page));
        }
        const deepNodes = await page.evaluate(() => window.papergraph!.graph.order);
        const deepFrames = await panBoth(page, await openBare(bareContext, bareServer.url, bare, await visibleView(page)));
        await context.close();
        await bareContext.close();
        console.log(`first meaningful paint (top level with labels): ${f(paint)} ms since navigation (goal <= 3000)`);
        console.log(`  on the way: ${breakdown}`);
        console.log(`JS heap: ${f(heapTop)} MB at the top level, ${opened.map((o, i) => `${f(heaps[i]!)} MB with ${o.id} open`).join(', ')} (goal <= 500)`);
        for (const o of opened) {
          const file = o.request ? `; its file (${Math.round(o.request.bytes / 1024)} kB) requested at ${Math.round(o.request.start)} ms, received at ${Math.round(o.request.end)} ms, graph filled at ${Math.round(o.filledMs)} ms` : '';
          console.log(`open cluster ${o.id} (${o.papers.toLocaleString('en')} papers) by a click: ${Math.round(o.inPageMs)} ms from the mouse release to its next level drawn, ${o.wallMs} ms with the bench's input round trips (goal <= 1000)${file}`);
        }
        console.log(`frame time panning (mean per round), top level: ${topFrames}`);
        console.log(`frame time panning (mean per round), ${opened.at(-1)?.id ?? 'top'} open (${deepNodes} nodes drawn): ${deepFrames}`);
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
