/**
 * Load test of the Cypher API on loopback: a fresh scratch Neo4j (bundled, own home and ports) with
 * the demo corpus, `papergraph serve`'s API in a child process, then 20 concurrent clients posting the
 * example queries of graph/queries to POST /api/cypher for 30 s (bounded in time and count).
 * Prints requests/s, p50/p95/p99 latency, errors and the server's peak memory, against a baseline
 * measured in the same run: the same queries, same concurrency, straight through the driver.
 * BENCH_LOAD_SECONDS and BENCH_LOAD_CLIENTS change the duration and the concurrency.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { buildKnowledgeGraph, readRecords } from '../../src/pipeline.ts';
import { readExampleQueries } from '../../src/store/neo4j/cypher-files.ts';
import { openDriver } from '../../src/store/neo4j/driver.ts';
import { loadSnapshotIntoNeo4j } from '../../src/store/neo4j/load.ts';
import { defaultLocalServer, isInstalled, residentBytes, startLocalServer, stopLocalServer } from '../../src/store/neo4j/local-server.ts';
import { REPO_ROOT } from '../../src/store/neo4j/paths.ts';
import { runReadQuery } from '../../src/store/neo4j/query.ts';
import type { Snapshot } from '../../src/model/snapshot.ts';

const SELF = fileURLToPath(import.meta.url);
const MAX_REQUESTS = 200_000;

// Child mode: serve the API and print its URL.
if (process.argv.includes('--serve-api')) {
  const { startServer } = await import('../../src/server/server.ts');
  const { neo4jRoutes } = await import('../../src/server/api/routes.ts');
  const server = await startServer({ port: 0, host: '127.0.0.1', modules: [neo4jRoutes()] });
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const mb = (b: number | undefined) => (b === undefined ? '?' : `${Math.round(b / (1 << 20))} MB`);

function peakRss(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** `clients` loops calling `once(i)` until the deadline or the request cap; latencies in ms. */
async function hammer(clients: number, seconds: number, once: (i: number) => Promise<boolean>) {
  const latencies: number[] = [];
  let errors = 0;
  let issued = 0;
  const deadline = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = c; performance.now() < deadline && issued < MAX_REQUESTS; i += clients) {
        issued++;
        const t = performance.now();
        const ok = await once(i).catch(() => false);
        latencies.push(performance.now() - t);
        if (!ok) errors++;
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, errors, perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) };
}

export async function run(): Promise<void> {
  const base = defaultLocalServer({});
  if (!isInstalled(base)) {
    console.log('skipped: the bundled Neo4j is not installed (npm run neo4j:install)');
    return;
  }
  const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
  const clients = Number(process.env.BENCH_LOAD_CLIENTS ?? 20);
  const scratch = mkdtempSync(join(tmpdir(), 'pg-bench-cypher-'));
  const spec = { ...base, home: join(scratch, 'neo4j'), boltPort: 17907 };
  const neo = await startLocalServer(spec);
  const config = { uri: neo.uri, user: 'neo4j', password: neo.password, passwordSource: 'bench' };
  const driver = openDriver(config);
  let child: ReturnType<typeof spawn> | undefined;
  try {
    const { records } = await readRecords([resolve(REPO_ROOT, '..', 'shared', 'corpus', 'trending-papers.txt')]);
    await loadSnapshotIntoNeo4j(buildKnowledgeGraph(records).export() as Snapshot, { driver });
    const queries = readExampleQueries();
    console.log(`${clients} clients, ${seconds} s, the ${queries.length} example queries in turn, on the demo corpus`);

    // Warm-up, so that neither measurement pays for query planning and JIT compilation.
    for (let round = 0; round < 3; round++) for (const q of queries) await runReadQuery(driver, q.text, q.params, { timeoutMs: 15_000, maxRows: 1_000 });
    // Baseline: the same work through the driver, no HTTP, in this process.
    const direct = await hammer(clients, Math.min(seconds, 10), async (i) => {
      const q = queries[i % queries.length]!;
      await runReadQuery(driver, q.text, q.params, { timeoutMs: 15_000, maxRows: 1_000 });
      return true;
    });

    child = spawn(process.execPath, ['--import', 'tsx', SELF, '--serve-api'], {
      cwd: REPO_ROOT,
      env: { ...process.env, NEO4J_URI: neo.uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: neo.password },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const line = await new Promise<string>((ok, fail) => {
      createInterface({ input: child!.stdout! }).once('line', ok);
      child!.once('exit', (code) => fail(new Error(`the API server exited (${code}) before it listened`)));
    });
    const url = new URL('/api/cypher', (JSON.parse(line) as { url: string }).url);
    const bodies = queries.map((q) => JSON.stringify({ query: q.text, params: q.params }));
    let rssPeak = 0;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, residentBytes(child!.pid!) ?? 0)), 100);
    const api = await hammer(clients, seconds, async (i) => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodies[i % bodies.length] });
      await res.arrayBuffer();
      return res.status === 200;
    });
    clearInterval(sampler);
    const serverPeak = Math.max(rssPeak, peakRss(child.pid!) ?? 0);
    const fmt = (r: typeof api) => `${Math.round(r.perSecond)} req/s; p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms; ${r.requests} requests, ${r.errors} errors`;
    console.log(`HTTP API:      ${fmt(api)}`);
    console.log(`driver direct: ${fmt(direct)} (baseline, ${Math.min(seconds, 10)} s)`);
    console.log(`ratio:         the API serves ${(api.perSecond / direct.perSecond).toFixed(2)}x the driver-direct rate`);
    console.log(`memory:        API server peak RSS ${mb(serverPeak)}; Neo4j peak RSS ${mb(peakRss(neo.pid!))}`);
  } finally {
    child?.kill('SIGTERM');
    await driver.close();
    await stopLocalServer(spec);
    rmSync(scratch, { recursive: true, force: true });
  }
}
