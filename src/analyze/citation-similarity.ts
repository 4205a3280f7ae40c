/**
 * Two citation signals of paper-paper similarity: bibliographic coupling (Kessler, 1963: two papers
 * citing the same works, counted over all their references, inside the corpus or not) and
 * co-citation (Small, 1973: two papers cited together by papers of the corpus). Each is a cosine,
 * shared count over the geometric mean of the two papers' counts, so it lies in [0, 1].
 */
import type { PaperGraph } from '../assemble/graph.ts';

export interface CitationLink {
  /** Shared count and its cosine. */
  count: number;
  score: number;
}

/** For every paper, the papers it shares something with and how much. */
export type CitationNeighbours = Map<string, Map<string, CitationLink>>;

/**
 * Groups larger than `maxGroup` (a classic every paper cites, a survey citing everything) are
 * skipped, as entities used by too many papers are for entity similarity: they tell papers apart
 * poorly and cost the square of their size.
 */
function cosinePairs(groups: Iterable<readonly string[]>, sizeOf: (p: string) => number, maxGroup: number): CitationNeighbours {
  const shared = new Map<string, Map<string, number>>();
  for (const group of groups) {
    if (group.length < 2 || group.length > maxGroup) continue;
    for (const a of group)
      for (const b of group) {
        if (a === b) continue;
        const row = shared.get(a) ?? shared.set(a, new Map()).get(a)!;
        row.set(b, (row.get(b) ?? 0) + 1);
      }
  }
  const out: CitationNeighbours = new Map();
  for (const [a, row] of shared) {
    const links = new Map<string, CitationLink>();
    for (const [b, count] of row) links.set(b, { count, score: count / Math.sqrt(sizeOf(a) * sizeOf(b)) });
    out.set(a, links);
  }
  return out;
}

/** Coupling from each paper's full reference list (keys as the sources give them). */
export function bibliographicCoupling(references: ReadonlyMap<string, readonly string[]>, maxGroup: number): CitationNeighbours {
  const citing = new Map<string, string[]>();
  for (const [paper, refs] of references) for (const r of new Set(refs)) (citing.get(r) ?? citing.set(r, []).get(r)!).push(paper);
  const sizes = new Map([...references].map(([p, refs]) => [p, new Set(refs).size]));
  return cosinePairs(citing.values(), (p) => sizes.get(p)!, maxGroup);
}

/** Co-citation from the CITES edges of the graph. */
export function coCitation(g: PaperGraph, maxGroup: number): CitationNeighbours {
  const cited = new Map<string, string[]>();
  const citedBy = new Map<string, number>();
  g.forEachEdge((_, a, s, t) => {
    if (a.type !== 'CITES') return;
    (cited.get(s) ?? cited.set(s, []).get(s)!).push(t);
    citedBy.set(t, (citedBy.get(t) ?? 0) + 1);
  });
  return cosinePairs(cited.values(), (p) => citedBy.get(p) ?? 1, maxGroup);
}
