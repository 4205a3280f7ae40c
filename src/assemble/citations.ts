/**
 * CITES edges between papers of the corpus. A reference is one identifier ("openalex:W…", "s2:…",
 * "doi:…", "arxiv:…"); it becomes an edge when some paper of the corpus carries that identifier,
 * and is otherwise counted on the citing paper as a reference outside the corpus.
 */
import type { IdentifiedPaper } from '../model/paper.ts';
import type { PaperGraph } from './paper-graph.ts';

/** Every identifier a paper answers to, in the namespaces references use. */
export function identifiersOf(p: IdentifiedPaper): string[] {
  const r = p.record;
  const keys = [...(r.ids ?? [])];
  if (r.doi) keys.push(`doi:${r.doi.toLowerCase()}`);
  if (r.arxivId) keys.push(`arxiv:${r.arxivId.replace(/v\d+$/, '')}`);
  return keys;
}

function normaliseReference(key: string): string {
  if (key.startsWith('doi:')) return key.toLowerCase();
  if (key.startsWith('arxiv:')) return key.replace(/v\d+$/, '');
  return key;
}

export interface CitationCounts {
  edges: number;
  outside: number;
}

export function addCitations(g: PaperGraph, papers: readonly IdentifiedPaper[]): CitationCounts {
  const owner = new Map<string, string>();
  for (const p of papers) for (const k of identifiersOf(p)) if (!owner.has(k)) owner.set(k, p.id);
  const counts: CitationCounts = { edges: 0, outside: 0 };
  for (const p of papers) {
    const refs = p.record.references;
    if (!refs) continue;
    const targets = new Set<string>();
    let outside = 0;
    for (const ref of new Set(refs.map(normaliseReference))) {
      const target = owner.get(ref);
      if (target === undefined) outside++;
      else if (target !== p.id) targets.add(target);
    }
    g.mergeNodeAttributes(p.id, { referenceCount: refs.length, referencesOutside: outside });
    // Sorted so that the snapshot's edge order does not depend on the order of a source's list.
    for (const t of [...targets].sort()) g.mergeEdgeWithKey(`CITES:${p.id}->${t}`, p.id, t, { type: 'CITES' });
    counts.edges += targets.size;
    counts.outside += outside;
  }
  return counts;
}
