/**
 * The user's own library (a BibTeX file or a Zotero CSV export, read like any input): a paper of
 * the corpus is owned when a library entry has its DOI, its arXiv id or its normalised title.
 */
import type { PaperRecord } from '../model/paper.ts';
import { normaliseTitle } from '../merge/merge.ts';
import type { PaperGraph } from './graph.ts';

function keysOf(r: { doi?: string | undefined; arxivId?: string | undefined; title?: string | undefined; name?: string | undefined }): string[] {
  const keys: string[] = [];
  if (r.doi) keys.push(`doi:${r.doi.toLowerCase()}`);
  if (r.arxivId) keys.push(`arxiv:${r.arxivId.replace(/v\d+$/, '')}`);
  const t = normaliseTitle(r.title ?? r.name ?? '');
  if (t) keys.push(`title:${t}`);
  return keys;
}

export interface LibraryMatch {
  entries: number;
  /** Library entries found among the corpus's papers. */
  matched: number;
  /** Papers marked owned. */
  owned: number;
}

export function markLibrary(g: PaperGraph, library: readonly PaperRecord[]): LibraryMatch {
  const entryOf = new Map<string, number>();
  library.forEach((r, i) => {
    for (const k of keysOf(r)) if (!entryOf.has(k)) entryOf.set(k, i);
  });
  const found = new Set<number>();
  let owned = 0;
  g.forEachNode((id, a) => {
    if (a.kind !== 'Paper') return;
    const hits = keysOf(a).map((k) => entryOf.get(k)).filter((i): i is number => i !== undefined);
    if (hits.length === 0) return;
    hits.forEach((i) => found.add(i));
    g.mergeNodeAttributes(id, { owned: true });
    owned++;
  });
  return { entries: library.length, matched: found.size, owned };
}
