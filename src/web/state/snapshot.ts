/**
 * Reading a snapshot (graphology's serialization, DESIGN.md) into a graph, with a message a user can
 * act on when the file is not one. Pure: the network side lives in load-snapshot.ts.
 */
import Graph from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import type { SnapshotGraph } from './graph-types.ts';

export type SnapshotResult = { ok: true; graph: SnapshotGraph } | { ok: false; error: string };

function describeNode(n: unknown, i: number): string | null {
  if (typeof n !== 'object' || n === null) return `node ${i} is not an object`;
  const { key, attributes } = n as { key?: unknown; attributes?: Record<string, unknown> };
  if (typeof key !== 'string' && typeof key !== 'number') return `node ${i} has no key`;
  if (!attributes || typeof attributes.kind !== 'string') return `node "${String(key)}" has no "kind" attribute`;
  if (typeof attributes.name !== 'string') return `node "${String(key)}" has no "name" attribute`;
  if (typeof attributes.x !== 'number' || typeof attributes.y !== 'number') return `node "${String(key)}" has no x/y position`;
  return null;
}

/** Parses and checks the snapshot text; `source` names the file in messages. */
export function parseSnapshot(text: string, source: string): SnapshotResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `${source} is not valid JSON (${(err as Error).message}).` };
  }
  if (typeof data !== 'object' || data === null || !Array.isArray((data as { nodes?: unknown }).nodes)) {
    return { ok: false, error: `${source} is not a papergraph snapshot: expected an object with a "nodes" array.` };
  }
  const nodes = (data as { nodes: unknown[] }).nodes;
  for (let i = 0; i < nodes.length; i++) {
    const problem = describeNode(nodes[i], i);
    if (problem) return { ok: false, error: `${source} is not a papergraph snapshot: ${problem}.` };
  }
  try {
    const graph = Graph.from(data as SerializedGraph) as SnapshotGraph;
    if (!Array.isArray(graph.getAttribute('clusters'))) graph.setAttribute('clusters', []);
    return { ok: true, graph };
  } catch (err) {
    return { ok: false, error: `${source} could not be read as a graph: ${(err as Error).message}` };
  }
}

export function countPapers(graph: SnapshotGraph): number {
  let n = 0;
  graph.forEachNode((_, a) => {
    if (a.kind === 'Paper') n++;
  });
  return n;
}
