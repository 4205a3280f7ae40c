/**
 * The map's levels in the real Neo4j: after the snapshot's own load, areas and topics become Cluster
 * nodes with a PARENT link and CONTAINS links to their papers, matching map/clusters.json and
 * map/membership.tsv; loading again changes nothing, and the snapshot's own reload still finds no
 * stale links.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MapCluster } from '../../src/model/map.ts';
import type { Snapshot } from '../../src/model/snapshot.ts';
import { loadSnapshotIntoNeo4j } from '../../src/store/neo4j/load.ts';
import { loadHierarchy } from '../../src/store/neo4j/load-hierarchy.ts';
import { writeMap } from '../../src/store/map/write-map.ts';
import { corpusSnapshot, lockDatabase, testDriver, testNeo4j, wipe } from './neo4j-helpers.ts';

let driver: Driver;
let release: () => void;
let snapshot: Snapshot;
let dir: string;
let subs: MapCluster[];

const query = async (text: string, params: Record<string, unknown> = {}) => (await driver.executeQuery(text, params, { database: testNeo4j().database })).records.map((r) => r.toObject());

beforeAll(async () => {
  driver = testDriver();
  release = await lockDatabase();
  ({ snapshot } = await corpusSnapshot());
  dir = mkdtempSync(join(tmpdir(), 'papergraph-map-levels-'));
  writeFileSync(join(dir, 'graph.json'), JSON.stringify(snapshot));
  // The demo corpus is small: a low leaf size makes its fields split into areas.
  await writeMap(dir, { leafPapers: 8 });
  subs = (JSON.parse(readFileSync(join(dir, 'map', 'clusters.json'), 'utf8')) as MapCluster[]).filter((c) => c.level >= 2);
  await wipe(driver);
  await loadSnapshotIntoNeo4j(snapshot, { driver, database: testNeo4j().database, batchSize: 200 });
  await loadHierarchy(driver, testNeo4j().database, join(dir, 'map'));
}, 120_000);

afterAll(async () => {
  release?.();
  await driver?.close();
});

describe('map levels in Neo4j', () => {
  it('has one Cluster node per area and topic, each linked to its parent', async () => {
    expect(subs.length).toBeGreaterThan(2);
    const rows = await query('MATCH (c:Cluster) WHERE c.level >= 2 OPTIONAL MATCH (c)-[:PARENT]->(p:Cluster) RETURN c.id AS id, c.level AS level, collect(toString(p.id)) AS parents ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual(subs.map((c) => c.id).sort());
    for (const r of rows) expect(r.parents).toEqual([subs.find((c) => c.id === r.id)!.parent]);
  });

  it('links each sub-cluster to exactly the papers membership.tsv puts below it', async () => {
    const expected = new Map<string, Set<string>>();
    for (const line of readFileSync(join(dir, 'map', 'membership.tsv'), 'utf8').split('\n').filter(Boolean)) {
      const [paper, leaf] = line.split('\t') as [string, string];
      const parts = leaf.split('.');
      for (let i = 2; i <= parts.length; i++) {
        const id = parts.slice(0, i).join('.');
        (expected.get(id) ?? expected.set(id, new Set()).get(id)!).add(paper);
      }
    }
    const rows = await query('MATCH (c:Cluster)-[:CONTAINS]->(p:Paper) RETURN c.id AS id, collect(p.id) AS papers');
    const got = new Map(rows.map((r) => [r.id as string, new Set(r.papers as string[])]));
    expect(got).toEqual(expected);
    for (const c of subs) expect(got.get(c.id)?.size ?? 0).toBe(c.papers);
  });

  it('changes nothing when loaded again, and leaves the snapshot reload with no stale links', async () => {
    const count = async () => (await query('MATCH (c:Cluster)-[r]->() WHERE c.level >= 2 RETURN count(r) AS n'))[0]!.n;
    const before = await count();
    await loadHierarchy(driver, testNeo4j().database, join(dir, 'map'));
    expect(await count()).toEqual(before);
    const again = await loadSnapshotIntoNeo4j(snapshot, { driver, database: testNeo4j().database, batchSize: 200 });
    expect(again.counters.relationshipsDeleted).toBe(0);
    expect(again.counters.nodesDeleted).toBe(0);
    expect(await count()).toEqual(before);
  });
});
