/**
 * Cluster colours: the snapshot's own (chosen at ingest) when present, else a fixed palette of
 * well-separated hues, cycled. Faded nodes and edges use one neutral grey.
 */
import type { SnapshotGraph } from './graph-types.ts';

const FALLBACK = ['#3b6fd4', '#e0582d', '#2e9e57', '#a04fc9', '#d4a017', '#1aa3a3', '#d0437b', '#6b8e23', '#8c5a2b', '#5566aa', '#c0392b', '#2f4f4f'];

export const FADED_NODE = '#e3e5e8';
export const FADED_EDGE = '#f0f1f3';
export const EDGE_COLOR = '#c6cad1';

export function clusterColors(graph: SnapshotGraph): Map<number, string> {
  const colors = new Map<number, string>();
  for (const c of graph.getAttribute('clusters') ?? []) if (c.color) colors.set(c.id, c.color);
  graph.forEachNode((_, a) => {
    if (!colors.has(a.cluster)) colors.set(a.cluster, FALLBACK[Math.abs(a.cluster) % FALLBACK.length]!);
  });
  return colors;
}
