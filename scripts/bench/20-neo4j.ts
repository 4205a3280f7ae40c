/**
 * Neo4j load throughput on the generated corpus (scripts/generate-corpus.ts, BENCH_PAPERS papers,
 * default 100,000), two ways in the same run, each into a fresh scratch server of the bundled
 * Neo4j (its own home and ports, so the developer's database is never touched):
 *   - Bolt: `loadSnapshotIntoNeo4j`, batched UNWIND ... MERGE in write transactions;
 *   - the baseline for bulk loads: `papergraph export --format neo4j-admin` + `neo4j-admin database import full`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from '../generate-corpus.ts';
import { buildKnowledgeGraph } from '../../src/pipeline.ts';
import type { PaperRecord } from '../../src/model/paper.ts';
import { writeAdminImportFiles } from '../../src/store/neo4j/admin-csv.ts';
import { importWithNeo4jAdmin } from '../../src/store/neo4j/admin-import.ts';
import { openDriver } from '../../src/store/neo4j/driver.ts';
import { loadSnapshotIntoNeo4j } from '../../src/store/neo4j/load.ts';
import { defaultLocalServer, isInstalled, startLocalServer, stopLocalServer, type LocalServerSpec } from '../../src/store/neo4j/local-server.ts';
import type { Snapshot } from '../../src/store/neo4j/snapshot.ts';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const SELF = fileURLToPath(import.meta.url);

/**
 * The 100,000-paper graph, its JSON form and the load rows need more than Node's default heap: the
 * measurement runs in a child process with room for them (the machines have 24 GB).
 */
export async function run(): Promise<void> {
  const child = spawn(process.execPath, ['--max-old-space-size=16384', '--import', 'tsx', SELF, '--measure'], { stdio: 'inherit' });
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  if (code !== 0) throw new Error(`the Neo4j load benchmark failed (exit ${code})`);
}

if (process.argv.includes('--measure')) await measure();

async function measure(): Promise<void> {
  const base = defaultLocalServer({});
  if (!isInstalled(base)) {
    console.log('skipped: the bundled Neo4j is not installed (npm run neo4j:install)');
    return;
  }
  const n = Number(process.env.BENCH_PAPERS ?? 100_000);
  const records: PaperRecord[] = [];
  for (const p of generateCorpus(n, 1)) {
    records.push({ title: p.title, abstract: p.abstract, year: p.year, source: { file: 'generated', line: records.length + 1, format: 'jsonl' } });
  }
  let t = performance.now();
  const snapshot = buildKnowledgeGraph(records).export() as Snapshot;
  records.length = 0;
  console.log(`corpus: ${fmt(n)} generated papers -> ${fmt(snapshot.nodes.length)} nodes, ${fmt(snapshot.edges.length)} edges (+ clusters and IN_CLUSTER) built in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const scratch = mkdtempSync(join(tmpdir(), 'pg-bench-neo4j-'));
  const spec = (name: string, port: number): LocalServerSpec => ({ ...base, home: join(scratch, name), boltPort: port, heap: '1g', pageCache: '512m' });
  const bolt = spec('bolt', 17987);
  const admin = spec('admin', 17997);
  try {
    // Bolt: a fresh server, schema, then every row through batched MERGE.
    const server = await startLocalServer(bolt);
    const driver = openDriver({ uri: server.uri, user: 'neo4j', password: server.password, passwordSource: 'bench' });
    let summary;
    try {
      summary = await loadSnapshotIntoNeo4j(snapshot, { driver });
    } finally {
      await driver.close();
    }
    await stopLocalServer(bolt);
    const dataSeconds = summary.rows / summary.rowsPerSecond;
    const boltSeconds = summary.ms / 1000;
    console.log(`Bolt load:         ${fmt(summary.nodes)} nodes + ${fmt(summary.relationships)} relationships in ${boltSeconds.toFixed(1)} s (schema and indexes included)`);
    console.log(`                   ${fmt(summary.nodes / boltSeconds)} nodes/s, ${fmt(summary.relationships / boltSeconds)} relationships/s; data phase ${fmt(summary.rowsPerSecond)} rows/s over ${fmt(summary.rows)} rows in ${summary.batches} batches (${dataSeconds.toFixed(1)} s)`);

    // neo4j-admin: CSV export, then the offline import into another fresh home.
    t = performance.now();
    const files = await writeAdminImportFiles(snapshot, join(scratch, 'csv'));
    const exportMs = performance.now() - t;
    const imported = await importWithNeo4jAdmin(admin, files);
    const adminSeconds = (exportMs + imported.ms) / 1000;
    console.log(`neo4j-admin:       CSV export ${(exportMs / 1000).toFixed(1)} s + import ${(imported.ms / 1000).toFixed(1)} s (JVM start included) = ${adminSeconds.toFixed(1)} s`);
    console.log(`                   ${fmt(summary.nodes / adminSeconds)} nodes/s, ${fmt(summary.relationships / adminSeconds)} relationships/s`);
    console.log(`ratio:             neo4j-admin is ${(boltSeconds / adminSeconds).toFixed(1)}x faster than Bolt end to end (import alone ${(boltSeconds / (imported.ms / 1000)).toFixed(1)}x)`);
  } finally {
    await stopLocalServer(bolt);
    await stopLocalServer(admin);
    rmSync(scratch, { recursive: true, force: true });
  }
}
