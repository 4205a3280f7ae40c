/**
 * How the map view draws its graph, through Sigma's reducers (the graph itself is never edited):
 * the kind filters hide loaded papers and entities (a disc stands for a cluster and is never
 * hidden by them), the selected node is in front, and a Cypher result lights its nodes and the
 * discs that hold its unloaded nodes while the rest fades.
 */
import type Graph from 'graphology';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { Counts } from '../state/filters.ts';
import { countVisible, visibleNodes } from '../state/filters.ts';
import type { SnapshotGraph } from '../state/graph-types.ts';
import { FADED_NODE } from '../state/palette.ts';
import type { MapHighlight } from './map-highlight.ts';

export interface MapLook {
  selected: string | null;
  /** null: every node is shown. */
  visible: Set<string> | null;
  highlight: MapHighlight | null;
}

const LIT_EDGE = '#6b7380';

/** The nodes the filters leave on the map; discs always stay. */
export function visibleOnMap(graph: Graph, hiddenKinds: string[], minDegree: number): Set<string> | null {
  const shown = visibleNodes(graph as unknown as SnapshotGraph, { hiddenKinds, hiddenClusters: [], minDegree });
  if (!shown) return null;
  graph.forEachNode((node, a) => {
    if (a.kind === 'Cluster') shown.add(node);
  });
  return shown;
}

/** The filter panel's counts, over loaded papers and entities only. */
export function countOnMap(graph: Graph, visible: Set<string> | null): Counts {
  const counts = countVisible(graph as unknown as SnapshotGraph, visible);
  const byKind = counts.byKind.filter((k) => k.kind !== 'Cluster');
  const discs = counts.byKind.find((k) => k.kind === 'Cluster');
  return { visible: counts.visible - (discs?.visible ?? 0), total: counts.total - (discs?.total ?? 0), byKind };
}

export function reduceMapNode(look: MapLook, node: string, a: Record<string, unknown>): Partial<NodeDisplayData> {
  const { selected, visible, highlight } = look;
  const lit = highlight ? highlight.nodes.has(node) || highlight.discs.has(node) : false;
  // A query's answer shows through the filters: the user asked for exactly these nodes.
  if (visible && !visible.has(node) && !lit) return { ...a, hidden: true };
  if (node === selected) return { ...a, highlighted: true, zIndex: 3 };
  if (!highlight) return a;
  return lit ? { ...a, highlighted: a.kind !== 'Cluster', zIndex: 2 } : { ...a, color: FADED_NODE, zIndex: 0 };
}

export function reduceMapEdge(graph: Graph, look: MapLook, edge: string, a: Record<string, unknown>): Partial<EdgeDisplayData> {
  const { visible, highlight } = look;
  if (highlight?.edges.has(edge)) return { ...a, color: LIT_EDGE, size: 1.5, zIndex: 1 };
  if (visible) {
    const [s, t] = graph.extremities(edge);
    if (!visible.has(s) || !visible.has(t)) return { ...a, hidden: true };
  }
  return highlight ? { ...a, hidden: true } : a;
}
