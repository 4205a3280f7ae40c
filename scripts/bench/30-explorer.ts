/**
 * Explorer benchmark: time to first render and frame time while panning and zooming, for generated
 * graphs of 10,000 and 50,000 nodes in headless Chromium (software WebGL), for the explorer and for
 * bare Sigma with default settings (bench.html) drawing the same snapshot in the same run.
 *
 * Both pages get the same input: a mouse drag (pan) then wheel steps (zoom), through real input
 * events. Frame time is the interval between animation frames while the input plays (what a user
 * feels); render time is Sigma's own render call (beforeRender -> afterRender). Needs `npm run build`.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Graph from 'graphology';
import { DEFAULT_DIST } from '../../src/server/config.ts';
import { startServer } from '../../src/server/server.ts';
import { launchChromium } from '../../test/e2e/browser.ts';
import { seededRandom } from '../../src/analyze/rng.ts';
import { measureMapView } from './map/view.ts';
import { measure, type Measure } from './explorer/page-timing.ts';

/** `BENCH_EXPLORER_SIZES=10000,50000` (the default): the whole-graph explorer's generated graphs; empty to skip. */
const SIZES = (process.env.BENCH_EXPLORER_SIZES ?? '10000,50000').split(',').filter(Boolean).map(Number);
const EDGES_PER_NODE = 2;
const CLUSTERS = 24;
const KINDS = ['Paper', 'Paper', 'Paper', 'Dataset', 'Benchmark', 'Task', 'Concept'];

/** Seeded (the project's mulberry32), so every run draws the same graph. */
const rng = seededRandom;

/** Clustered graph in the snapshot's shape: blobs of nodes, most edges inside a blob. */
export function generateSnapshot(n: number, seed = 7): Graph {
  const random = rng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  const g = new Graph({ type: 'directed', multi: false });
  const centres = Array.from({ length: CLUSTERS }, () => ({ x: random() * 2000 - 1000, y: random() * 2000 - 1000 }));
  const members: number[][] = centres.map(() => []);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(random() * CLUSTERS);
    members[c]!.push(i);
    const kind = KINDS[Math.floor(random() * KINDS.length)]!;
    const name = `${kind} ${i}`;
    g.addNode(`n${i}`, {
      kind,
      name,
      label: name, // so bare Sigma draws labels too, as a user of it would
      aliases: [],
      cluster: c,
      x: centres[c]!.x + gauss() * 120,
      y: centres[c]!.y + gauss() * 120,
      size: 2 + random() * 6,
    });
  }
  for (let i = 0; i < n * EDGES_PER_NODE; i++) {
    const s = Math.floor(random() * n);
    const c = g.getNodeAttribute(`n${s}`, 'cluster') as number;
    const pool = random() < 0.9 ? members[c]! : members[Math.floor(random() * CLUSTERS)]!;
    const t = pool[Math.floor(random() * pool.length)]!;
    if (s !== t && !g.hasEdge(`n${s}`, `n${t}`)) g.addEdge(`n${s}`, `n${t}`, {});
  }
  g.setAttribute('schemaVersion', 1);
  g.setAttribute('generator', 'scripts/bench/30-explorer.ts');
  g.setAttribute(
    'clusters',
    centres.map((_, id) => ({ id, label: `cluster ${id}`, size: members[id]!.length, top: [], color: `hsl(${(id * 360) / CLUSTERS}, 65%, 45%)` })),
  );
  return g;
}

const fmt = (n: number) => n.toFixed(1).padStart(8);

export async function run(): Promise<void> {
  if (!existsSync(join(DEFAULT_DIST, 'bench.html'))) throw new Error(`${join(DEFAULT_DIST, 'bench.html')} is missing: run \`npm run build\` first`);
  const browser = await launchChromium();
  try {
    console.log('nodes   edges   page        first render ms   frame mean ms   frame p95 ms   frames   sigma render ms');
    for (const n of SIZES) {
      const dir = mkdtempSync(join(tmpdir(), 'papergraph-bench-'));
      const graph = generateSnapshot(n);
      writeFileSync(join(dir, 'graph.json'), JSON.stringify(graph.export()));
      const server = await startServer({ snapshotDir: dir, port: 0 });
      try {
        const results: Record<string, Measure> = {};
        for (const [name, path] of [
          ['bare sigma', 'bench.html'],
          ['explorer', ''],
        ] as const) {
          const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
          // tsx keeps function names with a __name helper the page does not have.
          await context.addInitScript('window.__name = (f) => f');
          const page = await context.newPage();
          results[name] = await measure(page, server.url + path);
          await context.close();
          const r = results[name]!;
          console.log(
            `${String(n).padEnd(7)} ${String(graph.size).padEnd(7)} ${name.padEnd(11)} ${fmt(r.firstRenderMs)}          ${fmt(r.frameMean)}        ${fmt(r.frameP95)}     ${String(r.frames).padStart(5)}   ${fmt(r.renderMean)}`,
          );
        }
        const e = results.explorer!;
        console.log(`${String(n).padEnd(7)} explorer first render, ms since navigation: ${Object.entries(e.marks).map(([k, v]) => `${k} ${v}`).join(', ')}, drawn ${Math.round(e.firstRenderMs)}`);
        const b = results['bare sigma']!;
        console.log(
          `${String(n).padEnd(7)} ratio explorer / bare: first render ${(e.firstRenderMs / b.firstRenderMs).toFixed(2)}x, frame time ${(e.frameMean / b.frameMean).toFixed(2)}x (goal <= 1.3x), sigma render ${(e.renderMean / b.renderMean).toFixed(2)}x`,
        );
      } finally {
        await server.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }
    await measureMapView(browser, MAP_SIZES);
  } finally {
    await browser.close();
  }
}

/** `BENCH_MAP_SIZES=100000,1000000` (the default) or any other list: the map view's generated corpora. */
const MAP_SIZES = (process.env.BENCH_MAP_SIZES ?? '100000,1000000').split(',').filter(Boolean).map(Number);
