/** The graph the explorer holds: the snapshot as graphology reads it, typed by the shared schema. */
import type Graph from 'graphology';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../../model/schema.ts';

export type SnapshotGraph = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** Kinds a user can filter by, in the order the filter panel lists them. */
export const FILTER_KINDS = ['Paper', 'Dataset', 'Benchmark', 'Task', 'Concept'] as const;

/** The node at the other end of an edge, whatever its direction. */
export function otherEnd(source: string, target: string, node: string): string {
  return source === node ? target : source;
}
