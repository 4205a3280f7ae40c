/**
 * The map's cluster levels into Neo4j, after the snapshot's own load: a `Cluster` node for every
 * area and topic (`id` "3.1", "3.1.0"; `level` 2 or 3; the fields are the snapshot's Cluster nodes,
 * level 1, integer ids), `(:Cluster)-[:PARENT]->(:Cluster)` to the cluster it lies in, and
 * `(:Cluster)-[:CONTAINS]->(:Paper)` for the papers at each of those levels. The links run from the
 * sub-clusters, so the snapshot's own load, which prunes the outgoing links of snapshot nodes, never
 * sees them. Idempotent: MERGE, and what a changed map no longer has is deleted.
 */
import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import neo4j, { type Driver } from 'neo4j-driver';
import { clusterPath, type MapCluster } from '../../model/map.ts';

const CLUSTERS = `
UNWIND $rows AS row
MERGE (c:Cluster {id: row.id})
SET c.level = row.level, c.label = row.label, c.size = row.size, c.top = row.top, c.color = row.color
WITH c, row
MATCH (p:Cluster {id: row.parent})
MERGE (c)-[:PARENT]->(p)`;

const MEMBERS = `
UNWIND $rows AS row
MATCH (c:Cluster {id: row.cluster})
OPTIONAL MATCH (c)-[old:CONTAINS]->(q:Paper) WHERE NOT q.id IN row.papers
DELETE old
WITH DISTINCT c, row
UNWIND row.papers AS id
MATCH (p:Paper {id: id})
MERGE (c)-[:CONTAINS]->(p)`;

const STALE = `
MATCH (c:Cluster) WHERE c.level >= 2 AND NOT c.id IN $ids
DETACH DELETE c`;

export interface HierarchyLoad {
  clusters: number;
  memberships: number;
}

/** Loads `<snapshot>/map/` when it is there; undefined when the snapshot has no map. */
export async function loadHierarchy(driver: Driver, database: string | undefined, mapDir: string): Promise<HierarchyLoad | undefined> {
  if (!existsSync(join(mapDir, 'clusters.json'))) return undefined;
  const all = JSON.parse(await readFile(join(mapDir, 'clusters.json'), 'utf8')) as MapCluster[];
  const subs = all.filter((c) => c.level >= 2).sort((a, b) => a.level - b.level);
  const rows = subs.map((c) => ({ id: c.id, level: neo4j.int(c.level), label: c.label, size: neo4j.int(c.papers), top: c.top, color: c.color, parent: c.level === 2 ? neo4j.int(Number(c.parent)) : c.parent }));
  const papersOf = new Map<string, string[]>();
  for await (const line of createInterface({ input: createReadStream(join(mapDir, 'membership.tsv')), crlfDelay: Infinity })) {
    const [paper, leaf] = line.split('\t');
    if (!paper || !leaf) continue;
    for (const c of clusterPath(leaf).slice(1)) (papersOf.get(c) ?? papersOf.set(c, []).get(c)!).push(paper);
  }
  const session = driver.session({ database });
  let memberships = 0;
  try {
    await session.executeWrite((tx) => tx.run(STALE, { ids: subs.map((c) => c.id) }));
    for (let i = 0; i < rows.length; i += 500) await session.executeWrite((tx) => tx.run(CLUSTERS, { rows: rows.slice(i, i + 500) }));
    const members = subs.map((c) => ({ cluster: c.id, papers: papersOf.get(c.id) ?? [] }));
    for (let i = 0; i < members.length; i += 50) {
      const batch = members.slice(i, i + 50);
      await session.executeWrite((tx) => tx.run(MEMBERS, { rows: batch }));
      memberships += batch.reduce((s, m) => s + m.papers.length, 0);
    }
  } finally {
    await session.close();
  }
  return { clusters: subs.length, memberships };
}
