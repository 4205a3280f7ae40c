/**
 * Neo4j load throughput on the generated corpus (scripts/generate-corpus.ts, BENCH_PAPERS papers,
 * default 100,000), the ways `papergraph load` has, in the same run, each into a fresh scratch
 * server of the bundled Neo4j (its own home and ports, so the developer's database is never touched),
 * all reading the snapshot file as a stream:
 *   - neo4j-admin: what `papergraph load` does for an empty bundled database (CSV, offline import,
 *     restart, schema);
 *   - Bolt, parallel: batched UNWIND ... MERGE, BENCH_CONCURRENCY (default 4) transactions at a time;
 *   - the fault test: `papergraph load` killed with SIGKILL at 30% of its relationships, and Neo4j
 *     killed likewise, each run again, then counted against the snapshot (and for duplicates);
 *   - Bolt, one batch at a time: the baseline, last as it is the slowest (skip with BENCH_BOLT_BASELINE=0);
 *   - BENCH_FAULT_ONLY=1: only the two kill-and-rerun fault tests.
 * BENCH_SNAPSHOT=<folder or graph.json> measures that snapshot instead of building one (BENCH_PAPERS
 * is then unused), e.g. the one `BENCH_OUT=<dir> npm run bench -- scale` keeps, or a bench
 * generator's (scripts/bench/map/snapshot.ts).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { generateCorpus } from '../generate-corpus.ts';
import { buildKnowledgeGraph } from '../../src/pipeline.ts';
import type { PaperRecord } from '../../src/model/paper.ts';
import { loadWithNeo4jAdmin } from '../../src/store/neo4j/admin-load.ts';
import { openDriver } from '../../src/store/neo4j/driver.ts';
import { loadSnapshotIntoNeo4j, type LoadSummary } from '../../src/store/neo4j/load.ts';
import { checkSnapshot } from '../../src/store/neo4j/load-check.ts';
import { defaultLocalServer, isInstalled, localServerInfo, startLocalServer, stopLocalServer, type LocalServerSpec } from '../../src/store/neo4j/local-server.ts';
import { openSnapshotFile } from '../../src/store/snapshot-stream.ts';
import { snapshotPath, writeSnapshot } from '../../src/store/snapshot.ts';
import { contents, spawnLoad, waitForProgress } from '../../test/support/load-faults.ts';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const SELF = fileURLToPath(import.meta.url);

/** Building the 100,000-paper graph needs more than Node's default heap: the measurement runs in a child process with room. */
export async function run(): Promise<void> {
  const child = spawn(process.execPath, ['--max-old-space-size=16384', '--import', 'tsx', SELF, '--measure'], { stdio: 'inherit' });
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  if (code !== 0) throw new Error(`the Neo4j load benchmark failed (exit ${code})`);
}

if (process.argv.includes('--measure')) await measure();

async function buildSnapshot(n: number, dir: string): Promise<string> {
  const records: PaperRecord[] = [];
  for (const p of generateCorpus(n, 1)) records.push({ title: p.title, abstract: p.abstract, year: p.year, source: { file: 'generated', line: records.length + 1, format: 'jsonl' } });
  return writeSnapshot(dir, buildKnowledgeGraph(records));
}

async function measure(): Promise<void> {
  const base = defaultLocalServer({});
  if (!isInstalled(base)) {
    console.log('skipped: the bundled Neo4j is not installed (npm run neo4j:install)');
    return;
  }
  const n = Number(process.env.BENCH_PAPERS ?? 100_000);
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 4);
  const scratch = mkdtempSync(join(tmpdir(), 'pg-bench-neo4j-'));
  const spec = (name: string, port: number): LocalServerSpec => ({ ...base, home: join(scratch, name), boltPort: port, heap: '1g', pageCache: '512m' });
  const servers: LocalServerSpec[] = [];
  const fresh = async (name: string, port: number) => {
    const s = spec(name, port);
    servers.push(s);
    const server = await startLocalServer(s);
    return { s, server, driver: openDriver({ uri: server.uri, user: 'neo4j', password: server.password, passwordSource: 'bench' }, { maxTransactionRetryTime: 30_000 }) };
  };
  try {
    let t = performance.now();
    const given = process.env.BENCH_SNAPSHOT;
    const file = given ? snapshotPath(given) : await buildSnapshot(n, join(scratch, 'snap'));
    const source = await openSnapshotFile(file);
    const expected = (await checkSnapshot(source, 2_000, () => {})).expected();
    const total = (o: Partial<Record<string, number>>) => Object.values(o).reduce((a: number, b) => a + (b ?? 0), 0);
    const nodes = total(expected.labels);
    const rels = total(expected.types);
    console.log(`corpus: ${given ? file : `${fmt(n)} generated papers`} -> snapshot of ${(source.size / 2 ** 20).toFixed(0)} MB, ${fmt(nodes)} nodes and ${fmt(rels)} relationships (clusters and IN_CLUSTER included), built in ${sec(performance.now() - t)}`);

    const bolt = async (name: string, port: number, c: number): Promise<LoadSummary> => {
      const f = await fresh(name, port);
      try {
        return await loadSnapshotIntoNeo4j(source, { driver: f.driver, concurrency: c });
      } finally {
        await f.driver.close();
        await stopLocalServer(f.s);
      }
    };
    const describe = (s: LoadSummary) => `${sec(s.ms)} in all (check pass and schema included); data ${fmt(s.rowsPerSecond)} rows/s over ${fmt(s.rows)} rows in ${s.batches} batches`;
    // BENCH_FAULT_ONLY=1 runs the fault test alone (at a million papers the whole bench takes over an hour).
    const faultOnly = process.env.BENCH_FAULT_ONLY === '1';
    let parallel: LoadSummary | undefined;
    if (!faultOnly) {
      // neo4j-admin, as `papergraph load` runs it for an empty bundled database.
      const admin = await fresh('admin', 17987);
      await admin.driver.close();
      const a = await loadWithNeo4jAdmin(admin.s, source);
      console.log(`neo4j-admin:        ${sec(a.ms)} in all: CSV ${sec(a.exportMs)}, import ${sec(a.importMs)}, server stop/start and schema ${sec(a.serverMs)}; ${fmt(nodes / (a.ms / 1000))} nodes/s, ${fmt(rels / (a.ms / 1000))} relationships/s`);
      await stopLocalServer(admin.s);
      parallel = await bolt('bolt', 17997, concurrency);
      console.log(`Bolt, ${concurrency} at a time:   ${describe(parallel)}`);
      console.log(`ratio:              parallel Bolt took ${(parallel.ms / a.ms).toFixed(2)}x the time of neo4j-admin end to end`);
    }
    // The fault test at this size: a Bolt load into a database that holds data, killed at 30% of its relationships.
    const f = await fresh('fault', 18017);
    const env = { PAPERGRAPH_NEO4J_HOME: f.s.home, PAPERGRAPH_NEO4J_BOLT_PORT: String(f.s.boltPort), NEO4J_URI: f.server.uri };
    await f.driver.executeQuery('CREATE (:Concept {id: "concept:outside-the-snapshot", name: "outside"})');
    const want = { labels: { ...expected.labels, Concept: (expected.labels.Concept ?? 0) + 1 }, types: expected.types, duplicateIds: 0, duplicateRelationships: 0 };
    const report = (what: string, got: Awaited<ReturnType<typeof contents>>, ms: number) => {
      const eq = (x: Record<string, number | undefined>, y: Record<string, number | undefined>) => Object.keys({ ...x, ...y }).every((k) => x[k] === y[k]);
      const same = eq(got.labels, want.labels) && eq(got.types, want.types) && got.duplicateIds === 0 && got.duplicateRelationships === 0;
      console.log(`fault, ${what}: rerun ${sec(ms)}; ${fmt(total(got.labels))} nodes, ${fmt(total(got.types))} relationships, ${got.duplicateIds} duplicate ids, ${got.duplicateRelationships} duplicate relationships: ${same ? 'exactly the snapshot' : `DIFFERENT from the snapshot (${JSON.stringify(got)})`}`);
    };
    let load = spawnLoad([file, '--concurrency', String(concurrency)], env);
    await waitForProgress(load, 'relationships', 30, 3_600_000);
    load.child.kill('SIGKILL');
    await load.exit;
    t = performance.now();
    load = spawnLoad([file, '--concurrency', String(concurrency)], env);
    if ((await load.exit) !== 0) throw new Error(`rerun failed: ${load.stderr()}`);
    report('papergraph killed (SIGKILL) at 30% of relationships', await contents(f.driver), performance.now() - t);

    // Empty again but for the outside node, in pieces (one transaction per piece). Relationships go
    // first: DETACH DELETE of 20,000 nodes takes every link of each along, and a cluster's or a common
    // entity's links alone outgrow the 256 MB a transaction may use at a million papers.
    const inPieces = async (query: string) => {
      for (;;) {
        const r = await f.driver.executeQuery(query);
        if (Number(r.records[0]!.get('c')) === 0) break;
      }
    };
    await inPieces('MATCH ()-[r]->() WITH r LIMIT 20000 DELETE r RETURN count(*) AS c');
    await inPieces('MATCH (n) WHERE n.id <> "concept:outside-the-snapshot" WITH n LIMIT 20000 DELETE n RETURN count(*) AS c');
    load = spawnLoad([file, '--concurrency', String(concurrency)], env);
    await waitForProgress(load, 'relationships', 30, 3_600_000);
    process.kill(localServerInfo(f.s).pid!, 'SIGKILL');
    await load.exit;
    await f.driver.close();
    t = performance.now();
    const restarted = await startLocalServer(f.s, { timeoutMs: 600_000 });
    const restartMs = performance.now() - t;
    t = performance.now();
    load = spawnLoad([file, '--concurrency', String(concurrency)], env);
    if ((await load.exit) !== 0) throw new Error(`rerun failed: ${load.stderr()}`);
    const d = neo4j.driver(restarted.uri, neo4j.auth.basic('neo4j', restarted.password));
    report(`Neo4j killed (SIGKILL) at 30% of relationships, restarted with recovery in ${sec(restartMs)}`, await contents(d), performance.now() - t);
    await d.close();
    await stopLocalServer(f.s);

    if (parallel && process.env.BENCH_BOLT_BASELINE !== '0') {
      const serial = await bolt('serial', 18007, 1);
      console.log(`Bolt, 1 at a time:  ${describe(serial)}`);
      console.log(`ratio:              ${concurrency} at a time is ${(serial.ms / parallel.ms).toFixed(2)}x faster end to end, ${(parallel.rowsPerSecond / serial.rowsPerSecond).toFixed(2)}x in rows/s`);
    }
  } finally {
    for (const s of servers) await stopLocalServer(s);
    rmSync(scratch, { recursive: true, force: true });
  }
}
