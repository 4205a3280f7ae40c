/** A paper's citations within the corpus (CITES edges), from the graph alone. */
import type { PaperNodeAttributes } from '../../model/schema.ts';
import { nodeRef, type NodeRef } from './details.ts';
import type { SnapshotGraph } from './graph-types.ts';

export interface PaperCitations {
  cites: NodeRef[];
  citedBy: NodeRef[];
  /** References the source listed that point outside the corpus; undefined when it listed none. */
  outside?: number;
}

/** null when neither the paper nor the corpus has citation data (nothing to show). */
export function paperCitations(graph: SnapshotGraph, paper: string): PaperCitations | null {
  const cites: NodeRef[] = [];
  const citedBy: NodeRef[] = [];
  graph.forEachOutEdge(paper, (_e, a, _s, t) => {
    if (a.type === 'CITES') cites.push(nodeRef(graph, t));
  });
  graph.forEachInEdge(paper, (_e, a, s) => {
    if (a.type === 'CITES') citedBy.push(nodeRef(graph, s));
  });
  const outside = (graph.getNodeAttributes(paper) as PaperNodeAttributes).referencesOutside;
  if (!cites.length && !citedBy.length && outside === undefined) return null;
  const byName = (a: NodeRef, b: NodeRef) => a.name.localeCompare(b.name);
  return { cites: cites.sort(byName), citedBy: citedBy.sort(byName), ...(outside !== undefined ? { outside } : {}) };
}
