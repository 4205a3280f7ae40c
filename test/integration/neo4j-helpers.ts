/**
 * Shared by the Neo4j suites: the connection from the test setup, a cross-process lock so that
 * suites which wipe and load the one database never overlap, the demo corpus built by the real
 * pipeline, and counts computed independently from the snapshot (not through the loader's plan).
 */
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import { buildKnowledgeGraph, readRecords } from '../../src/pipeline.ts';
import type { PaperRecord } from '../../src/model/paper.ts';
import type { Neo4jConfig } from '../../src/store/neo4j/config.ts';
import type { Snapshot } from '../../src/model/snapshot.ts';
import { REPO_ROOT } from '../../src/store/neo4j/paths.ts';
import { loadSnapshotIntoNeo4j } from '../../src/store/neo4j/load.ts';
import { lockFile, type TestNeo4j } from '../setup/neo4j.ts';
import { isLinkEdge, type LinkEdgeAttributes } from '../../src/model/schema.ts';

/** The snapshot's text links (those that carry evidence). */
export function linkEdges(snapshot: Snapshot) {
  return snapshot.edges.flatMap((e) => (e.attributes && isLinkEdge(e.attributes) ? [{ ...e, attributes: e.attributes as LinkEdgeAttributes }] : []));
}

export const CORPUS = resolve(REPO_ROOT, '..', 'shared', 'corpus', 'trending-papers.txt');

export function testNeo4j(): TestNeo4j {
  const provided = inject('neo4j');
  if ('unavailable' in provided) throw new Error(provided.unavailable);
  return provided;
}

export function testConfig(): Neo4jConfig {
  const t = testNeo4j();
  return { uri: t.uri, user: t.user, password: t.password, database: t.database, passwordSource: 'test setup' };
}

/** The environment a CLI run in the tests sees: pointed at the test database. */
export function testEnv(): NodeJS.ProcessEnv {
  const t = testNeo4j();
  return { NEO4J_URI: t.uri, NEO4J_USER: t.user, NEO4J_PASSWORD: t.password, ...(t.database ? { NEO4J_DATABASE: t.database } : {}) };
}

export function testDriver(): Driver {
  const c = testConfig();
  return neo4j.driver(c.uri, neo4j.auth.basic(c.user, c.password));
}

/** Holds the database for one suite at a time (vitest runs files in parallel workers, and runs may overlap). */
export function lockDatabase(): Promise<() => void> {
  return lockFile(join(tmpdir(), `papergraph-neo4j-test-${Buffer.from(testNeo4j().uri).toString('hex')}.lock`));
}

export async function wipe(driver: Driver): Promise<void> {
  await driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: testNeo4j().database });
}

let corpus: Promise<{ records: PaperRecord[]; snapshot: Snapshot }> | undefined;

/** The demo corpus through the real pipeline (read, extract, resolve, build, analyze). */
export function corpusSnapshot(): Promise<{ records: PaperRecord[]; snapshot: Snapshot }> {
  corpus ??= readRecords([CORPUS]).then(({ records }) => ({ records, snapshot: buildKnowledgeGraph(records).export() as Snapshot }));
  return corpus;
}

export function snapshotFrom(records: PaperRecord[]): Snapshot {
  return buildKnowledgeGraph(records).export() as Snapshot;
}

export interface Counts {
  labels: Record<string, number>;
  types: Record<string, number>;
}

/** What the database should hold for a snapshot, counted straight from its JSON. */
export function expectedCounts(s: Snapshot): Counts {
  const labels: Record<string, number> = {};
  const types: Record<string, number> = {};
  const clusters = new Set<number>((s.attributes?.clusters ?? []).map((c) => c.id));
  for (const n of s.nodes) {
    labels[n.attributes!.kind] = (labels[n.attributes!.kind] ?? 0) + 1;
    const c = n.attributes!.cluster;
    if (typeof c === 'number' && c >= 0) {
      clusters.add(c);
      types.IN_CLUSTER = (types.IN_CLUSTER ?? 0) + 1;
    }
  }
  if (clusters.size) labels.Cluster = clusters.size;
  for (const e of s.edges) types[e.attributes!.type] = (types[e.attributes!.type] ?? 0) + 1;
  return { labels, types };
}

export async function countsInDatabase(driver: Driver): Promise<Counts> {
  const database = testNeo4j().database;
  const l = await driver.executeQuery('MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS c', {}, { database });
  const t = await driver.executeQuery('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS c', {}, { database });
  return {
    labels: Object.fromEntries(l.records.map((r) => [r.get('label'), Number(r.get('c'))])),
    types: Object.fromEntries(t.records.map((r) => [r.get('type'), Number(r.get('c'))])),
  };
}

/** Every outgoing link in the database as "source TYPE target", sorted, for exact comparisons. */
export async function linksInDatabase(driver: Driver): Promise<string[]> {
  const r = await driver.executeQuery('MATCH (a)-[r]->(b) RETURN a.id + " " + type(r) + " " + toString(b.id) AS link', {}, { database: testNeo4j().database });
  return r.records.map((x) => x.get('link') as string).sort();
}

export function linksInSnapshot(s: Snapshot): string[] {
  const links = s.edges.map((e) => `${e.source} ${e.attributes!.type} ${e.target}`);
  for (const n of s.nodes) if (typeof n.attributes!.cluster === 'number' && n.attributes!.cluster >= 0) links.push(`${n.key} IN_CLUSTER ${n.attributes!.cluster}`);
  return links.sort();
}

/** The usual start of a suite: hold the database, wipe it, load the demo corpus into it. */
export async function loadCorpusExclusively(driver: Driver): Promise<{ release: () => void; snapshot: Snapshot }> {
  const release = await lockDatabase();
  const { snapshot } = await corpusSnapshot();
  await wipe(driver);
  await loadSnapshotIntoNeo4j(snapshot, { driver, database: testNeo4j().database });
  return { release, snapshot };
}
