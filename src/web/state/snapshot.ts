/**
 * Reading a snapshot (graphology's serialization, DESIGN.md) into a graph, with a message a user can
 * act on when the file is not one. Pure: the network side lives in load-snapshot.ts.
 */
import Graph from 'graphology';
import { parseSnapshotText, SnapshotError } from '../../model/snapshot.ts';
import type { SnapshotGraph } from './graph-types.ts';

export type SnapshotResult = { ok: true; graph: SnapshotGraph } | { ok: false; error: string };

/** Parses and checks the snapshot text with the shared check; `source` names the file in messages. */
export function parseSnapshot(text: string, source: string): SnapshotResult {
  try {
    const graph = Graph.from(parseSnapshotText(text, source)) as SnapshotGraph;
    if (!Array.isArray(graph.getAttribute('clusters'))) graph.setAttribute('clusters', []);
    return { ok: true, graph };
  } catch (err) {
    return { ok: false, error: err instanceof SnapshotError ? `${err.message}.` : `${source} could not be read as a graph: ${(err as Error).message}` };
  }
}

export function countPapers(graph: SnapshotGraph): number {
  let n = 0;
  graph.forEachNode((_, a) => {
    if (a.kind === 'Paper') n++;
  });
  return n;
}
