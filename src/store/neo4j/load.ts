/**
 * Writes a snapshot into Neo4j: schema first, then batched `UNWIND $rows AS row MERGE ...`, one write
 * transaction per batch (all-or-nothing per batch). Idempotent: a node or relationship whose
 * properties already equal the snapshot's is not touched, so a second load reports zero changes.
 * Re-loading a changed snapshot updates what changed and deletes the outgoing links of the
 * snapshot's nodes that the new snapshot no longer has (and entities left with no link at all).
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { resolveNeo4jConfig, type Neo4jConfig } from './config.ts';
import { openDriver } from './driver.ts';
import {
  CLUSTER_INTEGER_PROPERTIES,
  INTEGER_PROPERTIES,
  KEEP_SEPARATOR,
  isLabel,
  isRelType,
  planLoad,
  type Label,
  type LoadPlan,
  type Props,
  type RelType,
} from './rows.ts';
import { applySchema } from './schema.ts';
import type { SnapshotEntries } from '../../model/snapshot.ts';

export interface LoadProgress {
  phase: 'schema' | 'nodes' | 'relationships' | 'prune';
  done: number;
  total: number;
}

export interface LoadOptions {
  /** An open driver (not closed here); otherwise one is opened from `config` or the environment. */
  driver?: Driver;
  config?: Neo4jConfig;
  database?: string;
  batchSize?: number;
  onProgress?: (p: LoadProgress) => void;
}

export interface LoadCounters {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
  labelsAdded: number;
}

export interface LoadSummary {
  expected: LoadPlan['expected'];
  nodes: number;
  relationships: number;
  rows: number;
  batches: number;
  ms: number;
  rowsPerSecond: number;
  counters: LoadCounters;
  schema: { statements: number; changes: number };
}

export const DEFAULT_BATCH_SIZE = 2_000;

/** For `papergraph ingest --neo4j` and `papergraph load`: the whole load, schema included. */
export async function loadSnapshotIntoNeo4j(snapshot: SnapshotEntries, options: LoadOptions = {}): Promise<LoadSummary> {
  const plan = planLoad(snapshot);
  const config = options.driver ? undefined : (options.config ?? resolveNeo4jConfig());
  const driver = options.driver ?? openDriver(config!);
  const database = options.database ?? config?.database;
  try {
    return await runPlan(driver, plan, database, options);
  } finally {
    if (!options.driver) await driver.close();
  }
}

async function runPlan(driver: Driver, plan: LoadPlan, database: string | undefined, options: LoadOptions): Promise<LoadSummary> {
  const t0 = performance.now();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const progress = options.onProgress ?? (() => {});
  const counters: LoadCounters = { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0, labelsAdded: 0 };
  progress({ phase: 'schema', done: 0, total: plan.rowCount });
  const schema = await applySchema(driver, database);
  const tData = performance.now();
  let done = 0;
  let batches = 0;
  const session = driver.session({ database });
  try {
    // Rows are converted to driver values one batch at a time, so a million-row group is never copied whole.
    const write = async <R>(phase: LoadProgress['phase'], query: string, rows: R[], onResult?: (records: Record<string, unknown>[]) => void, convert: (r: R) => unknown = (r) => r) => {
      for (let i = 0; i < rows.length; i += batchSize) {
        const batch = rows.slice(i, i + batchSize).map(convert);
        const result = await session.executeWrite((tx: ManagedTransaction) => tx.run(query, { rows: batch, sep: KEEP_SEPARATOR }));
        const u = result.summary.counters.updates();
        counters.nodesCreated += u.nodesCreated;
        counters.nodesDeleted += u.nodesDeleted;
        counters.relationshipsCreated += u.relationshipsCreated;
        counters.relationshipsDeleted += u.relationshipsDeleted;
        counters.propertiesSet += u.propertiesSet;
        counters.labelsAdded += u.labelsAdded;
        onResult?.(result.records.map((r) => r.toObject()));
        batches++;
        done += batch.length;
        progress({ phase, done, total: plan.rowCount });
      }
    };

    for (const [label, rows] of plan.nodes) {
      const ints = label === 'Cluster' ? CLUSTER_INTEGER_PROPERTIES : INTEGER_PROPERTIES;
      await write('nodes', mergeNodesQuery(label), rows, undefined, (r) => ({ id: toNeo4j(r.id), props: propsToNeo4j(r.props, ints) }));
    }
    for (const g of plan.edges) {
      await write('relationships', mergeRelationshipsQuery(g.type, g.from, g.to), g.rows, undefined, (r) => ({
        source: r.source,
        target: toNeo4j(r.target),
        props: propsToNeo4j(r.props, INTEGER_PROPERTIES),
      }));
    }
    // Stale links: outgoing relationships of the snapshot's nodes that the snapshot no longer has.
    const orphanCandidates = new Map<Label, Set<string>>();
    const byLabel = new Map<Label, { id: string; keep: string[] }[]>();
    for (const k of plan.keep) {
      const list = byLabel.get(k.label) ?? [];
      list.push({ id: k.id, keep: k.keep });
      byLabel.set(k.label, list);
    }
    for (const [label, rows] of byLabel) {
      await write('prune', pruneQuery(label), rows, (records) => {
        for (const r of records) {
          const l = r.label as string;
          if (!isLabel(l) || l === 'Paper') continue;
          const set = orphanCandidates.get(l) ?? new Set();
          set.add(String(r.id));
          orphanCandidates.set(l, set);
        }
      });
    }
    // Entities a changed snapshot no longer names, and that nothing else links to any more.
    const inSnapshot = new Set([...plan.nodes.values()].flatMap((rows) => rows.map((r) => String(r.id))));
    for (const [label, ids] of orphanCandidates) {
      const gone = [...ids].filter((id) => !inSnapshot.has(id));
      if (gone.length > 0) {
        const rows = gone.map((id) => ({ id: label === 'Cluster' ? neo4j.int(Number(id)) : id }));
        await session.executeWrite((tx) => tx.run(deleteOrphansQuery(label), { rows })).then((r) => {
          counters.nodesDeleted += r.summary.counters.updates().nodesDeleted;
        });
      }
    }
  } finally {
    await session.close();
  }
  const ms = performance.now() - t0;
  const nodes = Object.values(plan.expected.labels).reduce((a, b) => a + (b ?? 0), 0);
  const relationships = Object.values(plan.expected.types).reduce((a, b) => a + (b ?? 0), 0);
  // Throughput of the data phase only: the schema step waits for index population, not for rows.
  const rowsPerSecond = done / ((performance.now() - tData) / 1000);
  return { expected: plan.expected, nodes, relationships, rows: done, batches, ms, rowsPerSecond, counters, schema };
}

// Labels and types are spliced into query text only after this check against the fixed whitelist.
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
function deleteOrphansQuery(l: Label): string {
  return `UNWIND $rows AS row
MATCH (n:${label(l)} {id: row.id})
WHERE NOT EXISTS { MATCH (n)-[r]-() WHERE type(r) <> 'IN_CLUSTER' OR startNode(r) <> n }
DETACH DELETE n`;
}

function toNeo4j(v: string | number): unknown {
  return typeof v === 'number' ? neo4j.int(v) : v;
}

function propsToNeo4j(props: Props, ints: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) out[k] = ints.has(k) && typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v;
  return out;
}
