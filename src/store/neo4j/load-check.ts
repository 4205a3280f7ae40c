/**
 * The loader's first pass over a snapshot: every node and edge checked as the rows it becomes, and
 * what the write pass and the prune need kept: each node's label and out-degree (one number per
 * id), the clusters, and the counts Neo4j must hold afterwards.
 */
import type { SnapshotSource } from '../snapshot-stream.ts';
import { KEEP_SEPARATOR, NODE_LABELS, SnapshotError, clusterRowOf, edgeRowOf, nodeRowOf, unlistedClusterRow, type EdgeRow, type Label, type LoadPlan, type NodeRow, type RelType } from '../../model/load-rows.ts';

const LABEL_BITS = 16; // more than NODE_LABELS.length: label and degree share one number

export class NodeIndex {
  /** id -> label index + LABEL_BITS * out-degree (IN_CLUSTER included). */
  private readonly nodes = new Map<string, number>();
  readonly clusters = new Map<number, NodeRow>();
  private readonly types: LoadPlan['expected']['types'] = {};
  private readonly labels: LoadPlan['expected']['labels'] = {};

  add(id: string, label: Label): void {
    if (this.nodes.has(id)) throw new SnapshotError(`node "${id}" appears twice`);
    this.nodes.set(id, NODE_LABELS.indexOf(label));
    this.labels[label] = (this.labels[label] ?? 0) + 1;
  }

  link(source: string, type: keyof LoadPlan['expected']['types']): void {
    this.nodes.set(source, this.nodes.get(source)! + LABEL_BITS);
    this.types[type] = (this.types[type] ?? 0) + 1;
  }

  labelOf(id: string): Label | undefined {
    const v = this.nodes.get(id);
    return v === undefined ? undefined : NODE_LABELS[v % LABEL_BITS];
  }

  has(label: Label, id: string): boolean {
    return label === 'Cluster' ? this.clusters.has(Number(id)) : this.nodes.has(id);
  }

  get size(): number {
    return this.nodes.size;
  }

  /** Every node with its label and out-degree, in insertion order. */
  *entries(): Generator<{ id: string; label: Label; degree: number }> {
    for (const [id, v] of this.nodes) yield { id, label: NODE_LABELS[v % LABEL_BITS]!, degree: Math.floor(v / LABEL_BITS) };
  }

  expected(): LoadPlan['expected'] {
    const labels = { ...this.labels };
    if (this.clusters.size > 0) labels.Cluster = this.clusters.size;
    return { labels, types: { ...this.types } };
  }
}

/** Rows as the check sees them, for a caller that needs more than the index (the CSV export's column types). */
export interface RowObserver {
  node?(label: Label, row: NodeRow): void;
  edge?(type: RelType, row: EdgeRow): void;
}

export async function checkSnapshot(source: SnapshotSource, batchSize: number, onProgress: (done: number) => void, observe: RowObserver = {}): Promise<NodeIndex> {
  const index = new NodeIndex();
  let nodeNo = 0;
  let edgeNo = 0;
  // A graph that allows parallel edges could repeat one, which MERGE would fold: only then is every link remembered.
  let seen: Set<string> | undefined;
  await source.read(
    {
      header({ options, attributes }) {
        if (options?.multi) seen = new Set();
        for (const c of attributes?.clusters ?? []) index.clusters.set(c.id, clusterRowOf(c));
      },
      nodes(batch, done) {
        for (const node of batch) {
          const { label, row, cluster } = nodeRowOf(node, nodeNo++);
          index.add(node.key, label);
          observe.node?.(label, row);
          if (cluster !== undefined) {
            if (!index.clusters.has(cluster)) index.clusters.set(cluster, unlistedClusterRow(cluster));
            index.link(node.key, 'IN_CLUSTER');
          }
        }
        onProgress(done);
      },
      edges(batch, done) {
        for (const edge of batch) {
          const { type, row } = edgeRowOf(edge, edgeNo++, (k) => index.labelOf(k));
          observe.edge?.(type, row);
          if (seen) {
            const k = `${edge.source}${KEEP_SEPARATOR}${type}${KEEP_SEPARATOR}${edge.target}`;
            if (seen.has(k)) throw new SnapshotError(`edge ${edge.key !== undefined ? `"${edge.key}"` : `#${edgeNo - 1}`} (${edge.source} -> ${edge.target}): a second ${type} edge between the same two nodes`);
            seen.add(k);
          }
          index.link(edge.source, type);
        }
        onProgress(done);
      },
    },
    { batchSize },
  );
  return index;
}
