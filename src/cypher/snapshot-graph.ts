/**
 * A snapshot -> the property graph the engine reads, holding exactly what `papergraph load` writes
 * to Neo4j: the loader's own row plan (src/model/load-rows.ts, pure) gives labels, properties
 * (Paper `title`, evidence as a JSON string, Cluster nodes and IN_CLUSTER links), and the same
 * properties are integers there as here.
 */
import { CLUSTER_INTEGER_PROPERTIES, INTEGER_PROPERTIES, planLoad, type Props } from '../model/load-rows.ts';
import type { Snapshot } from '../model/snapshot.ts';
import { type MapValue, type NodeRec, PropertyGraph } from './graph-store.ts';

function values(props: Props, ints: ReadonlySet<string>): MapValue {
  const out: MapValue = {};
  for (const [k, v] of Object.entries(props)) {
    out[k] = ints.has(k) && typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : Array.isArray(v) ? [...v] : v;
  }
  return out;
}

export function graphFromSnapshot(snapshot: Snapshot): PropertyGraph {
  const plan = planLoad(snapshot);
  const graph = new PropertyGraph();
  const byId = new Map<string, NodeRec>();
  for (const [label, rows] of plan.nodes) {
    const ints = label === 'Cluster' ? CLUSTER_INTEGER_PROPERTIES : INTEGER_PROPERTIES;
    for (const row of rows) byId.set(`${label === 'Cluster' ? 'cluster:' : ''}${row.id}`, graph.addNode([label], values(row.props, ints)));
  }
  for (const group of plan.edges) {
    for (const row of group.rows) {
      const start = byId.get(row.source)!;
      const end = byId.get(group.to === 'Cluster' ? `cluster:${row.target}` : String(row.target))!;
      graph.addRel(group.type, start, end, values(row.props, INTEGER_PROPERTIES));
    }
  }
  return graph;
}
