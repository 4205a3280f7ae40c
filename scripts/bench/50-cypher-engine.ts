/**
 * The gallery queries (graph/queries) on the 2,700-paper corpus (../shared/data/real-formats plus
 * ml-abstracts.jsonl, or the snapshot folder in BENCH_SNAPSHOT), in the same run:
 *   - the built-in engine in Node (runQuery, as `papergraph query --snapshot` and the server use it);
 *   - the built-in engine in headless Chromium, in its Web Worker from the built app (dist/), timed
 *     inside the worker and round trip from the page;
 *   - the baseline: the bundled Neo4j (a scratch server with its own home, on the test ports
 *     PAPERGRAPH_TEST_BOLT_PORT, default 17710), through runReadQuery as the server does.
 * Each query runs BENCH_RUNS times (default 30) after 3 warm-up runs; figures are p50 and p95 in ms.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { paramsFromJson, runQuery } from '../../src/cypher/engine.ts';
import { graphFromSnapshot } from '../../src/cypher/snapshot-graph.ts';
import { buildKnowledgeGraph, readRecords } from '../../src/pipeline.ts';
import { startServer } from '../../src/server/server.ts';
import { snapshotRoutes } from '../../src/server/snapshot-routes.ts';
import { readExampleQueries } from '../../src/store/neo4j/cypher-files.ts';
import { openDriver } from '../../src/store/neo4j/driver.ts';
import { loadSnapshotIntoNeo4j } from '../../src/store/neo4j/load.ts';
import { defaultLocalServer, isInstalled, startLocalServer, stopLocalServer } from '../../src/store/neo4j/local-server.ts';
import { REPO_ROOT } from '../../src/store/neo4j/paths.ts';
import { runReadQuery } from '../../src/store/neo4j/query.ts';
import type { Snapshot } from '../../src/model/snapshot.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const SHARED = resolve(REPO_ROOT, '..', 'shared');
const CHROMIUM_ARGS = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const f = (ms: number) => ms.toFixed(1).padStart(7);

async function snapshotToMeasure(): Promise<{ snapshot: Snapshot; snapshotText: string }> {
  if (process.env.BENCH_SNAPSHOT) {
    const text = readFileSync(join(process.env.BENCH_SNAPSHOT, 'graph.json'), 'utf8');
    return { snapshot: JSON.parse(text) as Snapshot, snapshotText: text };
  }
  const { records } = await readRecords([join(SHARED, 'data', 'real-formats'), join(SHARED, 'corpus', 'ml-abstracts.jsonl')]);
  const snapshot = buildKnowledgeGraph(records).export() as Snapshot;
  return { snapshot, snapshotText: JSON.stringify(snapshot) };
}

async function timed(run: () => Promise<unknown> | unknown): Promise<number[]> {
  for (let i = 0; i < 3; i++) await run();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run();
    out.push(performance.now() - t);
  }
  return out;
}

/** Runs in the page: each query through the built worker, timed inside it and round trip. */
const IN_PAGE = `async ({ worker, queries, runs }) => {
  const w = new Worker('assets/' + worker, { type: 'module' });
  let id = 0;
  const ask = (query, params) => new Promise((done) => {
    const mine = ++id;
    const on = (e) => {
      if (e.data.id !== mine) return;
      w.removeEventListener('message', on);
      done(e.data);
    };
    w.addEventListener('message', on);
    w.postMessage({ type: 'run', id: mine, query, params, snapshotUrl: new URL('graph.json', location.href).href, limits: { timeoutMs: 10000, maxRows: 1000 } });
  });
  const out = [];
  for (const q of queries) {
    const inWorker = [];
    const roundTrip = [];
    for (let i = 0; i < runs + 3; i++) {
      const t = performance.now();
      const a = await ask(q.text, q.params);
      if (!a.ok) throw new Error(q.name + ': ' + JSON.stringify(a.error));
      if (i >= 3) {
        roundTrip.push(performance.now() - t);
        inWorker.push(a.result.summary.timeMs);
      }
    }
    out.push([q.name, { inWorker, roundTrip }]);
  }
  w.terminate();
  return out;
}`;

/** The engine in headless Chromium: the built worker, fed the snapshot by the page's own server. */
async function inChromium(snapshotText: string, queries: ReturnType<typeof readExampleQueries>): Promise<Map<string, { inWorker: number[]; roundTrip: number[] }>> {
  const dist = join(REPO_ROOT, 'dist');
  const worker = readdirSync(join(dist, 'assets')).find((f) => f.startsWith('engine-worker-'));
  if (!worker) throw new Error('dist/ has no engine worker: run `npm run build` first');
  const dir = mkdtempSync(join(tmpdir(), 'pg-bench-engine-'));
  writeFileSync(join(dir, 'graph.json'), snapshotText);
  const server = await startServer({ port: 0, host: '127.0.0.1', snapshotDir: dir, distDir: dist, modules: [snapshotRoutes] });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage();
    await page.goto(new URL('bench.html', server.url).href);
    // Plain JavaScript text: tsx would add helpers to a function's source that the page lacks.
    const answer = await page.evaluate(`(${IN_PAGE})(${JSON.stringify({ worker, queries: queries.map((q) => ({ name: q.name, text: q.text, params: q.params })), runs: RUNS })})`);
    return new Map(answer as [string, { inWorker: number[]; roundTrip: number[] }][]);
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const { snapshot, snapshotText } = await snapshotToMeasure();
  const papers = snapshot.nodes.filter((n) => n.attributes?.kind === 'Paper').map((n) => n.key).sort();
  // The gallery's defaults name demo papers and KILT: on another corpus its own busiest paper and
  // benchmark stand in, so that every query has rows to find.
  const stand = standIns(snapshot);
  const queries = readExampleQueries().map((q) => ({ ...q, params: Object.fromEntries(Object.entries(q.params).map(([k, v]) => [k, k in stand && v !== null ? stand[k as keyof typeof stand] : v])) }));
  console.log(`parameters on this corpus: ${JSON.stringify(stand)}`);
  let t = performance.now();
  const graph = graphFromSnapshot(snapshot);
  console.log(`corpus: ${papers.length} papers, ${graph.nodes.length} nodes, ${graph.rels.length} relationships; engine graph built in ${(performance.now() - t).toFixed(0)} ms; ${RUNS} runs a query`);

  const node = new Map<string, number[]>();
  for (const q of queries) {
    t = performance.now();
    runQuery(graph, q.text, paramsFromJson(q.params));
    const cold = performance.now() - t;
    node.set(q.name, await timed(() => runQuery(graph, q.text, paramsFromJson(q.params))));
    const rows = runQuery(graph, q.text, paramsFromJson(q.params)).rows.length;
    console.log(`  node ${q.name}: first run (parse included) ${cold.toFixed(0)} ms, ${rows} rows`);
  }
  const browser = await inChromium(snapshotText, queries);

  const neo = new Map<string, number[]>();
  const base = defaultLocalServer({});
  if (isInstalled(base)) {
    const home = mkdtempSync(join(tmpdir(), 'pg-bench-cypher-neo4j-'));
    const port = Number(process.env.PAPERGRAPH_TEST_BOLT_PORT ?? 17710);
    const spec = { ...base, home, boltPort: port };
    try {
      const server = await startLocalServer(spec);
      const driver = openDriver({ uri: server.uri, user: 'neo4j', password: server.password, passwordSource: 'bench' });
      try {
        await loadSnapshotIntoNeo4j(snapshot, { driver });
        for (const q of queries) neo.set(q.name, await timed(() => runReadQuery(driver, q.text, q.params, { timeoutMs: 60_000, maxRows: 1_000 })));
      } finally {
        await driver.close();
      }
    } finally {
      await stopLocalServer(spec);
      rmSync(home, { recursive: true, force: true });
    }
  } else console.log('  (the bundled Neo4j is not installed: no baseline; npm run neo4j:install)');

  console.log(`\n${'query'.padEnd(34)} | node p50 |  p95    | chromium worker p50 | p95    | round trip p95 | neo4j p50 | p95    | node p95 / neo4j p95`);
  for (const q of queries) {
    const n = node.get(q.name)!;
    const b = browser.get(q.name)!;
    const j = neo.get(q.name);
    console.log(
      `${q.name.padEnd(34)} | ${f(pct(n, 50))} | ${f(pct(n, 95))} | ${f(pct(b.inWorker, 50)).padStart(19)} | ${f(pct(b.inWorker, 95))} | ${f(pct(b.roundTrip, 95)).padStart(14)} | ${j ? f(pct(j, 50)).padStart(9) : '      n/a'} | ${j ? f(pct(j, 95)) : '    n/a'} | ${j ? (pct(n, 95) / pct(j, 95)).toFixed(2) : 'n/a'}`,
    );
  }
}

/**
 * Parameters for this corpus: the paper with the most evaluation links (ties: most citations) for
 * `paper` and `from`, the busiest such paper in another cluster for `to`, the dataset or benchmark
 * most papers evaluate on for `benchmark`.
 */
function standIns(snapshot: Snapshot): { paper: string; from: string; to: string; benchmark: string } {
  const evaluations = new Map<string, number>();
  const cites = new Map<string, number>();
  const usedBy = new Map<string, number>();
  for (const e of snapshot.edges) {
    const type = (e.attributes as { type?: string } | undefined)?.type;
    if (type === 'EVALUATED_ON' || type === 'INTRODUCES') {
      evaluations.set(e.source, (evaluations.get(e.source) ?? 0) + 1);
      usedBy.set(e.target, (usedBy.get(e.target) ?? 0) + 1);
    } else if (type === 'CITES') {
      cites.set(e.source, (cites.get(e.source) ?? 0) + 1);
      cites.set(e.target, (cites.get(e.target) ?? 0) + 1);
    }
  }
  const byKey = new Map(snapshot.nodes.map((n) => [n.key, n.attributes as { kind?: string; cluster?: number; name?: string }]));
  const ranked = [...evaluations.keys()].sort((a, b) => evaluations.get(b)! - evaluations.get(a)! || (cites.get(b) ?? 0) - (cites.get(a) ?? 0) || (a < b ? -1 : 1));
  const paper = ranked[0]!;
  const to = ranked.find((p) => byKey.get(p)?.cluster !== byKey.get(paper)?.cluster) ?? ranked[1]!;
  const benchmark = [...usedBy.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
  return { paper, from: paper, to, benchmark };
}
