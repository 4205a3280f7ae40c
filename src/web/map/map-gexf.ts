/**
 * The map view's GEXF: what is loaded now, as drawn. Papers and entities of opened clusters with
 * their relationships, and every cluster still shown as a disc as a `Cluster` node (with its
 * papers) linked to related clusters by `CLUSTER_LINK` edges naming the entities they share.
 */
import type Graph from 'graphology';
import { toGexf } from '../export/gexf.ts';
import type { SnapshotGraph } from '../state/graph-types.ts';

export function mapGexf(graph: Graph): string {
  const copy = graph.copy();
  // The discs' links carry Sigma's program name in `type`; in the file it says what they are.
  copy.forEachEdge((edge, a) => {
    if (edge.startsWith('link:')) copy.mergeEdgeAttributes(edge, { type: 'CLUSTER_LINK', shared: a.shared ?? [] });
  });
  return toGexf(copy as unknown as SnapshotGraph, (a) => String((a as { color?: string }).color ?? '#888888'));
}
