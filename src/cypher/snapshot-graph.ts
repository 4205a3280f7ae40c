/**
 * A snapshot -> the property graph the engine reads, holding exactly what `papergraph load` writes
 * to Neo4j: the loader's own row functions (src/model/load-rows.ts, pure) give labels, properties
 * (Paper `title`, evidence as a JSON string, Cluster nodes and IN_CLUSTER links), and the same
 * properties are integers there as here.
 *
 * Built batch by batch as the snapshot streams past (SnapshotGraphBuilder), so the graph is the
 * only copy held: a million-paper file no longer needs graphology's graph, its export and the
 * loader's row plan in memory beside it.
 */
import { CLUSTER_INTEGER_PROPERTIES, INTEGER_PROPERTIES, KEEP_SEPARATOR, SnapshotError, clusterRowOf, edgeRowOf, nodeRowOf, unlistedClusterRow, type Label, type NodeRow, type Props } from '../model/load-rows.ts';
import type { Snapshot } from '../model/snapshot.ts';
import { type MapValue, type NodeRec, PropertyGraph } from './graph-store.ts';

function values(props: Props, ints: ReadonlySet<string>): MapValue {
  const out: MapValue = {};
  for (const [k, v] of Object.entries(props)) {
    out[k] = ints.has(k) && typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : Array.isArray(v) ? [...v] : v;
  }
  return out;
}

/**
 * Takes a snapshot's header, then its nodes, then its edges, in batches (the shape of a
 * SnapshotSource's handlers). Clusters and IN_CLUSTER links come last, once every member is known.
 */
export class SnapshotGraphBuilder {
  private readonly graph = new PropertyGraph();
  private readonly byId = new Map<string, NodeRec>();
  private readonly labels = new Map<string, Label>();
  private readonly clusters = new Map<number, NodeRow>();
  /** Each member node with its cluster, in node order. */
  private readonly members: [NodeRec, number][] = [];
  // A graph that allows parallel edges could repeat one, which Neo4j's MERGE would fold: only then is every link remembered.
  private seen: Set<string> | undefined;
  private nodeNo = 0;
  private edgeNo = 0;

  header({ options, attributes }: { options?: Snapshot['options']; attributes?: Partial<Snapshot['attributes']> }): void {
    if (options?.multi) this.seen = new Set();
    for (const c of attributes?.clusters ?? []) this.clusters.set(c.id, clusterRowOf(c));
  }

  nodes(batch: readonly Snapshot['nodes'][number][]): void {
    for (const node of batch) {
      const { label, row, cluster } = nodeRowOf(node, this.nodeNo++);
      if (this.byId.has(node.key)) throw new SnapshotError(`node "${node.key}" appears twice`);
      const rec = this.graph.addNode([label], values(row.props, INTEGER_PROPERTIES));
      this.byId.set(node.key, rec);
      this.labels.set(node.key, label);
      if (cluster !== undefined) {
        this.members.push([rec, cluster]);
        if (!this.clusters.has(cluster)) this.clusters.set(cluster, unlistedClusterRow(cluster));
      }
    }
  }

  edges(batch: readonly Snapshot['edges'][number][]): void {
    for (const edge of batch) {
      const { type, row } = edgeRowOf(edge, this.edgeNo++, (k) => this.labels.get(k));
      if (this.seen) {
        const k = `${edge.source}${KEEP_SEPARATOR}${type}${KEEP_SEPARATOR}${edge.target}`;
        if (this.seen.has(k)) throw new SnapshotError(`edge ${edge.key !== undefined ? `"${edge.key}"` : `#${this.edgeNo - 1}`} (${edge.source} -> ${edge.target}): a second ${type} edge between the same two nodes`);
        this.seen.add(k);
      }
      this.graph.addRel(type, this.byId.get(row.source)!, this.byId.get(String(row.target))!, values(row.props, INTEGER_PROPERTIES));
    }
  }

  /** The graph; the builder is spent. */
  finish(): PropertyGraph {
    const clusterNodes = new Map<number, NodeRec>();
    for (const row of [...this.clusters.values()].sort((a, b) => Number(a.id) - Number(b.id))) clusterNodes.set(Number(row.id), this.graph.addNode(['Cluster'], values(row.props, CLUSTER_INTEGER_PROPERTIES)));
    for (const [rec, cluster] of this.members) this.graph.addRel('IN_CLUSTER', rec, clusterNodes.get(cluster)!, {});
    return this.graph;
  }
}

export function graphFromSnapshot(snapshot: Snapshot): PropertyGraph {
  if (!snapshot || !Array.isArray(snapshot.nodes) || !Array.isArray(snapshot.edges)) {
    throw new SnapshotError('not a graph snapshot: expected {attributes, nodes: [...], edges: [...]} (graphology serialization)');
  }
  const builder = new SnapshotGraphBuilder();
  builder.header(snapshot);
  builder.nodes(snapshot.nodes);
  builder.edges(snapshot.edges);
  return builder.finish();
}
