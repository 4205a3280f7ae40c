/**
 * Loading resumes: `papergraph load` killed with SIGKILL halfway, and separately the Neo4j server
 * killed halfway, then run again, leaves exactly the snapshot's counts and nothing twice. Also the
 * automatic path: an empty bundled database is loaded through neo4j-admin import. Each case runs
 * against a scratch server of the bundled Neo4j on its own ports and home (never the developer's).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import neo4j, { type Driver } from 'neo4j-driver';
import { buildKnowledgeGraph } from '../../src/pipeline.ts';
import { openSnapshotFile } from '../../src/store/snapshot-stream.ts';
import { writeSnapshot } from '../../src/store/snapshot.ts';
import { checkSnapshot } from '../../src/store/neo4j/load-check.ts';
import { defaultLocalServer, isInstalled, localServerInfo, startLocalServer, stopLocalServer, type LocalServerSpec } from '../../src/store/neo4j/local-server.ts';
import { generateCorpus } from '../../scripts/generate-corpus.ts';
import { TEST_SERVER } from '../setup/neo4j.ts';
import { contents, spawnLoad, waitForProgress } from '../support/load-faults.ts';

const scratch = mkdtempSync(join(tmpdir(), 'papergraph-resume-'));
const spec: LocalServerSpec = { ...defaultLocalServer({}), home: join(scratch, 'home'), boltPort: TEST_SERVER.boltPort + 200, heap: '512m', pageCache: '128m' };
const snapshotDir = join(scratch, 'snap');
/** The CLI pointed at the scratch server as its bundled server (so --via auto may choose neo4j-admin). */
const env = { PAPERGRAPH_NEO4J_HOME: spec.home, PAPERGRAPH_NEO4J_BOLT_PORT: String(spec.boltPort), NEO4J_URI: `bolt://127.0.0.1:${spec.boltPort}` };
let expected: { labels: Record<string, number>; types: Record<string, number> };
let driver: Driver | undefined;

async function connect(): Promise<Driver> {
  await driver?.close();
  // Recovery after a SIGKILL can take minutes on a busy two-core machine.
  const server = await startLocalServer(spec, { timeoutMs: 600_000 });
  driver = neo4j.driver(server.uri, neo4j.auth.basic('neo4j', server.password));
  return driver;
}

/**
 * An empty database but for one node outside the snapshot (so the load goes over Bolt), and a load
 * in small batches that has written a fifth of its relationships.
 */
async function loadUntilHalfway(): Promise<{ d: Driver; load: ReturnType<typeof spawnLoad> }> {
  const d = await connect();
  await d.executeQuery('MATCH (n) DETACH DELETE n');
  await d.executeQuery('CREATE (:Concept {id: "concept:outside-the-snapshot", name: "outside"})');
  const load = spawnLoad([snapshotDir, '--batch-size', '100', '--concurrency', '2'], env);
  await waitForProgress(load, 'relationships', 20);
  return { d, load };
}

const snapshotPlusOutsider = () => ({ labels: { ...expected.labels, Concept: (expected.labels.Concept ?? 0) + 1 }, types: expected.types, duplicateIds: 0, duplicateRelationships: 0 });

beforeAll(async () => {
  if (!isInstalled(spec)) return;
  const records = [...generateCorpus(800, 3)].map((p, i) => ({ title: p.title, abstract: p.abstract, year: p.year, source: { file: 'generated', line: i + 1, format: 'jsonl' as const } }));
  await writeSnapshot(snapshotDir, buildKnowledgeGraph(records));
  expected = (await checkSnapshot(await openSnapshotFile(snapshotDir), 2_000, () => {})).expected() as typeof expected;
}, 900_000);

afterAll(async () => {
  await driver?.close();
  await stopLocalServer(spec);
  rmSync(scratch, { recursive: true, force: true });
});

describe.skipIf(!isInstalled(spec))('a load killed halfway, then run again', () => {
  it('an empty bundled database is loaded with neo4j-admin import, to the exact counts', async () => {
    await connect();
    const load = spawnLoad([snapshotDir], env);
    expect(await load.exit).toBe(0);
    expect(load.stdout()).toMatch(/with neo4j-admin import \(the database was empty\)/);
    const d = await connect();
    expect(await contents(d)).toEqual({ ...expected, duplicateIds: 0, duplicateRelationships: 0 });
    const constraints = await d.executeQuery('SHOW CONSTRAINTS YIELD name RETURN count(*) AS c');
    expect(Number(constraints.records[0]!.get('c'))).toBeGreaterThan(0);
  }, 900_000);

  it('papergraph killed with SIGKILL mid-load: the rerun ends with exactly the snapshot, nothing twice', async () => {
    const { d, load } = await loadUntilHalfway();
    load.child.kill('SIGKILL');
    expect(await load.exit).toBe(null);
    const partial = await contents(d);
    const total = (t: Record<string, number>) => Object.values(t).reduce((a, b) => a + b, 0);
    expect(total(partial.types)).toBeGreaterThan(0);
    expect(total(partial.types)).toBeLessThan(total(expected.types)); // killed halfway indeed

    const rerun = spawnLoad([snapshotDir], env);
    expect(await rerun.exit, rerun.stderr()).toBe(0);
    expect(rerun.stdout()).not.toMatch(/neo4j-admin/);
    expect(await contents(d)).toEqual(snapshotPlusOutsider());

    // The count of duplicates sees one: a second copy of a relationship the load wrote.
    const type = Object.keys(expected.types).find((t) => /^[A-Z_]+$/.test(t))!;
    await d.executeQuery(`MATCH (a)-[:${type}]->(b) WITH a, b LIMIT 1 CREATE (a)-[:${type}]->(b)`);
    expect((await contents(d)).duplicateRelationships).toBe(1);
  }, 900_000);

  it('Neo4j killed with SIGKILL mid-load: after a restart, the rerun ends with exactly the snapshot, nothing twice', async () => {
    const { load } = await loadUntilHalfway();
    const pid = localServerInfo(spec).pid!;
    process.kill(pid, 'SIGKILL');
    // papergraph gives up on the dead server with a one-line error, not a stack trace.
    const code = await load.exit;
    expect(code).not.toBe(0);
    expect(load.stderr()).toMatch(/^papergraph load: .*(Neo4j|connect|unavailable|reach)/im);
    expect(load.stderr()).not.toMatch(/\n\s+at /);

    const restarted = await connect();
    const rerun = spawnLoad([snapshotDir], env);
    expect(await rerun.exit, rerun.stderr()).toBe(0);
    expect(await contents(restarted)).toEqual(snapshotPlusOutsider());
  }, 900_000);
});
