/**
 * Which nodes the filters leave visible, and the counts the filter panel shows. Computed once per
 * filter change so Sigma's reducers only do a set lookup per node.
 */
import { FILTER_KINDS, type SnapshotGraph } from './graph-types.ts';
import type { ViewState } from './view.ts';

/** null means every node is visible (the common case costs nothing in the reducers). */
export function visibleNodes(graph: SnapshotGraph, view: Pick<ViewState, 'hiddenKinds' | 'hiddenClusters' | 'minDegree'>): Set<string> | null {
  if (!view.hiddenKinds.length && !view.hiddenClusters.length && view.minDegree <= 0) return null;
  const kinds = new Set(view.hiddenKinds);
  const clusters = new Set(view.hiddenClusters);
  const visible = new Set<string>();
  graph.forEachNode((node, a) => {
    if (kinds.has(a.kind) || clusters.has(a.cluster)) return;
    if (view.minDegree > 0 && graph.degree(node) < view.minDegree) return;
    visible.add(node);
  });
  return visible;
}

export interface KindCount {
  kind: string;
  visible: number;
  total: number;
}

export interface Counts {
  visible: number;
  total: number;
  byKind: KindCount[];
}

export function countVisible(graph: SnapshotGraph, visible: Set<string> | null): Counts {
  const byKind = new Map<string, KindCount>(FILTER_KINDS.map((k) => [k, { kind: k, visible: 0, total: 0 }]));
  let shown = 0;
  graph.forEachNode((node, a) => {
    let c = byKind.get(a.kind);
    if (!c) byKind.set(a.kind, (c = { kind: a.kind, visible: 0, total: 0 }));
    c.total++;
    if (!visible || visible.has(node)) {
      c.visible++;
      shown++;
    }
  });
  return { visible: shown, total: graph.order, byKind: [...byKind.values()].filter((c) => c.total > 0 || FILTER_KINDS.includes(c.kind as never)) };
}

export function maxDegree(graph: SnapshotGraph): number {
  let max = 0;
  graph.forEachNode((node) => {
    max = Math.max(max, graph.degree(node));
  });
  return max;
}
