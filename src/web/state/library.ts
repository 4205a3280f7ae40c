/**
 * The user's library on the map (`ingest --library`): which papers are owned, a filter showing
 * owned or new papers apart, and the new papers sharing a benchmark with the library.
 */
import type { PaperNodeAttributes } from '../../model/schema.ts';
import type { Ranked } from './details.ts';
import { type SnapshotGraph, otherEnd } from './graph-types.ts';

export type LibraryView = 'all' | 'owned' | 'new';

const isPaper = (graph: SnapshotGraph, id: string) => graph.getNodeAttribute(id, 'kind') === 'Paper';
export const isOwned = (graph: SnapshotGraph, id: string) => isPaper(graph, id) && (graph.getNodeAttributes(id) as PaperNodeAttributes).owned === true;

export function hasLibrary(graph: SnapshotGraph): boolean {
  return graph.getAttribute('library') !== undefined;
}

export function libraryCounts(graph: SnapshotGraph): { owned: number; new: number } {
  let owned = 0;
  let fresh = 0;
  graph.forEachNode((id, a) => {
    if (a.kind !== 'Paper') return;
    if ((a as PaperNodeAttributes).owned) owned++;
    else fresh++;
  });
  return { owned, new: fresh };
}

/** The visible set narrowed to owned or new papers (other kinds stay as the other filters left them). */
export function restrictToLibrary(graph: SnapshotGraph, visible: Set<string> | null, view: LibraryView): Set<string> | null {
  if (view === 'all') return visible;
  const out = new Set<string>();
  graph.forEachNode((id, a) => {
    if (visible && !visible.has(id)) return;
    if (a.kind === 'Paper' && ((a as PaperNodeAttributes).owned === true) !== (view === 'owned')) return;
    out.add(id);
  });
  return out;
}

const EVALUATION = new Set(['EVALUATED_ON', 'INTRODUCES']);

/** Papers not owned that are evaluated on a dataset or benchmark some owned paper is evaluated on, most shared first. */
export function newPapersSharingBenchmark(graph: SnapshotGraph, limit = 20): Ranked[] {
  const benchmarks = new Set<string>();
  graph.forEachNode((id) => {
    if (!isOwned(graph, id)) return;
    graph.forEachOutEdge(id, (_e, a, _s, t) => {
      if (EVALUATION.has(a.type)) benchmarks.add(t);
    });
  });
  const tally = new Map<string, Set<string>>();
  for (const b of benchmarks) {
    const name = graph.getNodeAttribute(b, 'name');
    graph.forEachEdge(b, (_e, a, s, t) => {
      const other = otherEnd(s, t, b);
      if (!EVALUATION.has(a.type) || !isPaper(graph, other) || isOwned(graph, other)) return;
      (tally.get(other) ?? tally.set(other, new Set()).get(other)!).add(name);
    });
  }
  return [...tally.entries()]
    .map(([id, via]) => ({ id, name: graph.getNodeAttribute(id, 'name'), kind: 'Paper', count: via.size, via: [...via].sort(), score: via.size }))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, limit);
}
