/** Loading the demo corpus into the real Neo4j: counts, idempotence, changed abstracts, bad snapshots. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { loadSnapshotIntoNeo4j, type LoadSummary } from '../../src/store/neo4j/load.ts';
import { SnapshotError } from '../../src/model/load-rows.ts';
import type { Snapshot } from '../../src/model/snapshot.ts';
import type { PaperRecord } from '../../src/model/paper.ts';
import { corpusSnapshot, countsInDatabase, linkEdges, expectedCounts, linksInDatabase, linksInSnapshot, lockDatabase, snapshotFrom, testDriver, testNeo4j, wipe } from './neo4j-helpers.ts';

let driver: Driver;
let release: () => void;
let snapshot: Snapshot;
let records: PaperRecord[];
let first: LoadSummary;

const zero = { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0, labelsAdded: 0 };

beforeAll(async () => {
  driver = testDriver();
  release = await lockDatabase();
  ({ snapshot, records } = await corpusSnapshot());
  await wipe(driver);
  first = await loadSnapshotIntoNeo4j(snapshot, { driver, database: testNeo4j().database, batchSize: 100 });
});

afterAll(async () => {
  release?.();
  await driver?.close();
});

describe('loading the demo corpus', () => {
  it('holds as many nodes per label and relationships per type as the snapshot', async () => {
    const expected = expectedCounts(snapshot);
    expect(expected.labels.Paper).toBe(58);
    expect(await countsInDatabase(driver)).toEqual(expected);
    expect(first.counters.nodesCreated).toBe(Object.values(expected.labels).reduce((a, b) => a + b, 0));
    expect(first.counters.relationshipsCreated).toBe(Object.values(expected.types).reduce((a, b) => a + b, 0));
    expect(first.rowsPerSecond).toBeGreaterThan(0);
  });

  it('holds exactly the snapshot links, endpoint for endpoint', async () => {
    expect(await linksInDatabase(driver)).toEqual(linksInSnapshot(snapshot));
  });

  it('keeps paper properties and the evidence of every link', async () => {
    const paper = snapshot.nodes.find((n) => n.attributes!.kind === 'Paper' && (n.attributes as { year?: number }).year !== undefined) ?? snapshot.nodes[0]!;
    const r = await driver.executeQuery('MATCH (p:Paper {id: $id}) RETURN p.title AS title, p.abstract AS abstract, p.year AS year, p.cluster AS cluster', { id: paper.key }, { database: testNeo4j().database });
    const a = paper.attributes as unknown as { name: string; abstract: string; year?: number; cluster: number };
    expect(r.records[0]!.get('title')).toBe(a.name);
    expect(r.records[0]!.get('abstract')).toBe(a.abstract);
    expect(r.records[0]!.get('cluster').toNumber()).toBe(a.cluster);
    const withEvidence = linkEdges(snapshot);
    expect(withEvidence.length).toBeGreaterThan(100);
    const ev = await driver.executeQuery('MATCH (a)-[r]->(b) WHERE r.evidence IS NOT NULL RETURN a.id + " " + type(r) + " " + b.id AS k, r.evidence AS evidence', {}, { database: testNeo4j().database });
    const stored = new Map(ev.records.map((x) => [x.get('k') as string, JSON.parse(x.get('evidence') as string)]));
    expect(stored.size).toBe(withEvidence.length);
    for (const e of withEvidence) expect(stored.get(`${e.source} ${e.attributes!.type} ${e.target}`)).toEqual(e.attributes!.evidence);
  });

  it('changes nothing when the same snapshot is loaded again', async () => {
    const again = await loadSnapshotIntoNeo4j(snapshot, { driver, database: testNeo4j().database });
    expect(again.counters).toEqual(zero);
    expect(again.schema.changes).toBe(0);
    expect(await countsInDatabase(driver)).toEqual(expectedCounts(snapshot));
  });

  it('refuses a snapshot whose kind is not a schema label, before writing anything', async () => {
    const bad = structuredClone(snapshot);
    (bad.nodes[3]!.attributes as { kind: string }).kind = 'Paper) DETACH DELETE (x';
    await expect(loadSnapshotIntoNeo4j(bad, { driver, database: testNeo4j().database })).rejects.toThrow(SnapshotError);
    await expect(loadSnapshotIntoNeo4j(bad, { driver })).rejects.toThrow(/is not one of Paper, Dataset/);
    expect(await countsInDatabase(driver)).toEqual(expectedCounts(snapshot));
  });
});

describe('re-ingesting after a paper abstract changed', () => {
  it('updates that paper, drops its stale links and leaves no duplicate', async () => {
    // A KILT paper whose new abstract no longer names KILT.
    const kiltLinks = snapshot.edges.filter((e) => e.target === 'benchmark:kilt' && e.attributes!.type === 'EVALUATED_ON');
    expect(kiltLinks.length).toBeGreaterThanOrEqual(3);
    const paperId = kiltLinks[0]!.source;
    const title = (snapshot.nodes.find((n) => n.key === paperId)!.attributes as { name: string }).name;
    const newAbstract = 'We study object detection on COCO with a vision transformer and report average precision.';
    const changed = records.map((r) => (r.title === title ? { ...r, abstract: newAbstract } : r));
    const next = snapshotFrom(changed);
    expect(next.edges.some((e) => e.source === paperId && e.target === 'benchmark:kilt')).toBe(false);

    const summary = await loadSnapshotIntoNeo4j(next, { driver, database: testNeo4j().database });
    expect(summary.counters.relationshipsDeleted).toBeGreaterThan(0);
    const p = await driver.executeQuery('MATCH (p:Paper {id: $id}) RETURN p.abstract AS abstract, EXISTS { (p)-[:EVALUATED_ON]->(:Benchmark {id: "benchmark:kilt"}) } AS kilt', { id: paperId }, { database: testNeo4j().database });
    expect(p.records[0]!.get('abstract')).toBe(newAbstract);
    expect(p.records[0]!.get('kilt')).toBe(false);
    expect(await countsInDatabase(driver)).toEqual(expectedCounts(next));
    expect(await linksInDatabase(driver)).toEqual(linksInSnapshot(next));

    // And back: the original corpus again, exactly.
    await loadSnapshotIntoNeo4j(snapshot, { driver, database: testNeo4j().database });
    expect(await linksInDatabase(driver)).toEqual(linksInSnapshot(snapshot));
    expect(await countsInDatabase(driver)).toEqual(expectedCounts(snapshot));
  });
});
