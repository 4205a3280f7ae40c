/** The Cypher of the Bolt loader. Labels and types are spliced in only after a check against the fixed whitelist. */
import neo4j from 'neo4j-driver';
import { isLabel, isRelType, type Label, type Props, type RelType } from '../../model/load-rows.ts';

function label(l: string): string {
  if (!isLabel(l)) throw new Error(`not a schema label: ${l}`);
  return l;
}
function relType(t: string): string {
  if (!isRelType(t)) throw new Error(`not a schema relationship type: ${t}`);
  return t;
}

export function mergeNodesQuery(l: Label): string {
  return `UNWIND $rows AS row
MERGE (n:${label(l)} {id: row.id})
WITH n, row WHERE properties(n) <> row.props
SET n = row.props`;
}

export function mergeRelationshipsQuery(t: RelType, from: Label, to: Label): string {
  return `UNWIND $rows AS row
MATCH (a:${label(from)} {id: row.source})
MATCH (b:${label(to)} {id: row.target})
MERGE (a)-[r:${relType(t)}]->(b)
WITH r, row WHERE properties(r) <> row.props
SET r = row.props`;
}

/**
 * The nodes with more outgoing links in the database than in the snapshot: after every snapshot
 * link is merged, only they can hold stale links, so only their links are compared one by one.
 */
export function moreLinksQuery(l: Label): string {
  return `UNWIND $rows AS row
MATCH (n:${label(l)} {id: row.id})
WITH n, row WHERE COUNT { (n)-->() } > row.degree
RETURN n.id AS id`;
}

/** Deletes the outgoing links not in row.keep, and names their targets so orphans can be removed. */
export function pruneQuery(l: Label): string {
  return `UNWIND $rows AS row
MATCH (n:${label(l)} {id: row.id})-[r]->(t)
WHERE NOT (type(r) + $sep + toString(t.id)) IN row.keep
WITH r, t, labels(t)[0] AS label
DELETE r
RETURN DISTINCT label, toString(t.id) AS id`;
}

/** An entity the snapshot no longer names, left with no link but its own cluster membership. */
export function deleteOrphansQuery(l: Label): string {
  return `UNWIND $rows AS row
MATCH (n:${label(l)} {id: row.id})
WHERE NOT EXISTS { MATCH (n)-[r]-() WHERE type(r) <> 'IN_CLUSTER' OR startNode(r) <> n }
DETACH DELETE n`;
}

export function toNeo4j(v: string | number): unknown {
  return typeof v === 'number' ? neo4j.int(v) : v;
}

export function propsToNeo4j(props: Props, ints: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) out[k] = ints.has(k) && typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v;
  return out;
}
