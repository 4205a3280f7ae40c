/**
 * Cluster colours: the snapshot's own (chosen at ingest) when present, else a fixed palette of
 * well-separated hues, cycled. Faded nodes and edges use one neutral grey.
 */
import type { SnapshotGraph } from './graph-types.ts';
import { CLUSTER_PALETTE } from '../../analyze/palette.ts';

export const FADED_NODE = '#e3e5e8';
export const FADED_EDGE = '#f0f1f3';
export const EDGE_COLOR = '#c6cad1';

export function clusterColors(graph: SnapshotGraph): Map<number, string> {
  const colors = new Map<number, string>();
  for (const c of graph.getAttribute('clusters') ?? []) if (c.color) colors.set(c.id, c.color);
  graph.forEachNode((_, a) => {
    // Snapshots carry their colours; a hand-made one falls back on the ingest's palette.
    if (!colors.has(a.cluster)) colors.set(a.cluster, CLUSTER_PALETTE[Math.abs(a.cluster) % CLUSTER_PALETTE.length]!);
  });
  return colors;
}
