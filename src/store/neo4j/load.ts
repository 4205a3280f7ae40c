/**
 * Writes a snapshot into Neo4j over Bolt: schema first, then batched `UNWIND $rows AS row MERGE ...`
 * in a few concurrent write transactions (write-pool.ts), each batch all-or-nothing. The snapshot
 * streams past twice (snapshot-stream.ts): once to check it and learn each node's label, once to
 * write it, so a snapshot of any size loads with memory for one id per node, not the graph.
 *
 * Idempotent, and so resumable: a node or relationship whose properties already equal the
 * snapshot's is not touched, so a load killed halfway (papergraph or Neo4j) and run again ends with
 * exactly the snapshot, and a second load reports zero changes. Re-loading a changed snapshot
 * updates what changed and deletes the outgoing links that the new snapshot no longer has
 * (load-prune.ts).
 */
import type { Driver } from 'neo4j-driver';
import { snapshotInMemory, type SnapshotSource } from '../snapshot-stream.ts';
import { resolveNeo4jConfig, type Neo4jConfig } from './config.ts';
import { openDriver } from './driver.ts';
import { checkSnapshot } from './load-check.ts';
import { pruneStaleLinks } from './load-prune.ts';
import { mergeNodesQuery, mergeRelationshipsQuery, propsToNeo4j, toNeo4j } from './load-queries.ts';
import { CLUSTER_INTEGER_PROPERTIES, INTEGER_PROPERTIES, SnapshotError, edgeRowOf, nodeRowOf, type EdgeRow, type Label, type LoadPlan, type NodeRow } from '../../model/load-rows.ts';
import { applySchema } from './schema.ts';
import type { Snapshot } from '../../model/snapshot.ts';
import { WritePool, type Statement } from './write-pool.ts';
import { addCounters, type LoadCounters } from './load-counters.ts';

export { addCounters, type LoadCounters };

export interface LoadProgress {
  phase: 'check' | 'schema' | 'nodes' | 'relationships' | 'prune';
  done: number;
  total: number;
  unit: 'bytes' | 'items';
}

export interface LoadOptions {
  /** An open driver (not closed here); otherwise one is opened from `config` or the environment. */
  driver?: Driver;
  config?: Neo4jConfig;
  database?: string;
  batchSize?: number;
  /** Write transactions in flight at once (default DEFAULT_CONCURRENCY). */
  concurrency?: number;
  onProgress?: (p: LoadProgress) => void;
}


export interface LoadSummary {
  expected: LoadPlan['expected'];
  nodes: number;
  relationships: number;
  rows: number;
  batches: number;
  concurrency: number;
  ms: number;
  rowsPerSecond: number;
  counters: LoadCounters;
  schema: { statements: number; changes: number };
}

export const DEFAULT_BATCH_SIZE = 2_000;
/** Two cores run both papergraph and Neo4j: a few transactions in flight keep the server busy without thrashing. */
export const DEFAULT_CONCURRENCY = 4;

/** For `papergraph ingest --neo4j` and `papergraph load`: the whole load, schema included. */
export async function loadSnapshotIntoNeo4j(snapshot: Snapshot | SnapshotSource, options: LoadOptions = {}): Promise<LoadSummary> {
  const source = 'read' in snapshot ? snapshot : inMemory(snapshot);
  const config = options.driver ? undefined : (options.config ?? resolveNeo4jConfig());
  const driver = options.driver ?? openDriver(config!, { maxTransactionRetryTime: 30_000 });
  try {
    return await runLoad(driver, source, options.database ?? config?.database, options);
  } finally {
    if (!options.driver) await driver.close();
  }
}

function inMemory(snapshot: Snapshot): SnapshotSource {
  if (!snapshot || !Array.isArray(snapshot.nodes) || !Array.isArray(snapshot.edges)) {
    throw new SnapshotError('not a graph snapshot: expected {attributes, nodes: [...], edges: [...]} (graphology serialization)');
  }
  return snapshotInMemory(snapshot);
}


async function runLoad(driver: Driver, source: SnapshotSource, database: string | undefined, options: LoadOptions): Promise<LoadSummary> {
  const t0 = performance.now();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const progress = options.onProgress ?? (() => {});
  const at = (phase: LoadProgress['phase']) => (done: number) => progress({ phase, done, total: source.size, unit: source.unit });

  // Everything is checked before anything is written: a bad snapshot changes nothing.
  const index = await checkSnapshot(source, batchSize, at('check'));
  progress({ phase: 'schema', done: 0, total: 1, unit: 'items' });
  const schema = await applySchema(driver, database);
  const tData = performance.now();

  const counters: LoadCounters = { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0, labelsAdded: 0 };
  let rows = 0;
  let batches = 0;
  const pool = new WritePool(driver, database, concurrency);
  const submit = (statements: Statement[], n: number) =>
    pool.submit(statements, (results) => {
      for (const r of results) addCounters(counters, r.summary.counters.updates());
      rows += n;
      batches++;
    });
  try {
    let nodesDone = false;
    let nodeNo = 0;
    await source.read(
      {
        // Clusters first: a node's IN_CLUSTER link is written in the same transaction as the node.
        header: async () => {
          const clusters = [...index.clusters.values()];
          for (let i = 0; i < clusters.length; i += batchSize) await submit([nodesStatement('Cluster', clusters.slice(i, i + batchSize))], Math.min(batchSize, clusters.length - i));
          await pool.drain();
        },
        nodes: async (batch, done) => {
          const byLabel = new Map<Label, NodeRow[]>();
          const inCluster = new Map<Label, EdgeRow[]>();
          for (const node of batch) {
            const { label, row, cluster } = nodeRowOf(node, nodeNo++);
            group(byLabel, label, row);
            if (cluster !== undefined) group(inCluster, label, { source: node.key, target: cluster, props: {} });
          }
          const statements = [...byLabel].map(([label, r]) => nodesStatement(label, r));
          for (const [label, r] of inCluster) statements.push(relationshipsStatement('IN_CLUSTER', label, 'Cluster', r));
          await submit(statements, batch.length);
          at('nodes')(done);
        },
        edges: async (batch, done) => {
          // Every node is committed before the first relationship needs it.
          if (!nodesDone) await pool.drain();
          nodesDone = true;
          const groups = new Map<string, { type: string; from: Label; to: Label; rows: EdgeRow[] }>();
          batch.forEach((edge, i) => {
            const { type, from, to, row } = edgeRowOf(edge, i, (k) => index.labelOf(k));
            const key = `${type} ${from} ${to}`;
            const g = groups.get(key) ?? { type, from, to, rows: [] };
            g.rows.push(row);
            groups.set(key, g);
          });
          await submit([...groups.values()].map((g) => relationshipsStatement(g.type as never, g.from, g.to, g.rows)), batch.length);
          at('relationships')(done);
        },
      },
      { batchSize },
    );
    await pool.drain();
  } finally {
    await pool.close();
  }
  const pruned = await pruneStaleLinks(driver, database, source, index, { batchSize, onProgress: (done, total) => progress({ phase: 'prune', done, total, unit: 'items' }) });
  addCounters(counters, pruned.counters);
  rows += pruned.rows;
  batches += pruned.batches;

  const ms = performance.now() - t0;
  const expected = index.expected();
  const nodes = Object.values(expected.labels).reduce((a, b) => a + (b ?? 0), 0);
  const relationships = Object.values(expected.types).reduce((a, b) => a + (b ?? 0), 0);
  // Throughput of the data phase only: the check reads the file, the schema step waits for index population.
  const rowsPerSecond = rows / ((performance.now() - tData) / 1000);
  return { expected, nodes, relationships, rows, batches, concurrency, ms, rowsPerSecond, counters, schema };
}

function group<V>(map: Map<Label, V[]>, key: Label, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function nodesStatement(label: Label, rows: NodeRow[]): Statement {
  const ints = label === 'Cluster' ? CLUSTER_INTEGER_PROPERTIES : INTEGER_PROPERTIES;
  return { query: mergeNodesQuery(label), params: { rows: rows.map((r) => ({ id: toNeo4j(r.id), props: propsToNeo4j(r.props, ints) })) } };
}

function relationshipsStatement(type: Parameters<typeof mergeRelationshipsQuery>[0], from: Label, to: Label, rows: EdgeRow[]): Statement {
  return {
    query: mergeRelationshipsQuery(type, from, to),
    params: { rows: rows.map((r) => ({ source: r.source, target: toNeo4j(r.target), props: propsToNeo4j(r.props, INTEGER_PROPERTIES) })) },
  };
}
