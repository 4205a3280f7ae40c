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
 * Papers are numbered; each belongs to groups (the citers of one reference, or the list of one
 * citing paper), and two papers share as many groups as they are both in. Groups larger than
 * `maxGroup` (a classic every paper cites, a survey citing everything) are skipped, as entities used
 * by too many papers are for entity similarity: they tell papers apart poorly and cost the square of
 * their size. Counting runs through one typed array, so the work is the sum of the group sizes met.
 */
function cosinePairs(names: readonly string[], groupsOf: readonly number[][], groups: readonly number[][], size: ArrayLike<number>, maxGroup: number): CitationNeighbours {
  const counts = new Int32Array(names.length);
  const touched: number[] = [];
  const out: CitationNeighbours = new Map();
  names.forEach((name, a) => {
    for (const g of groupsOf[a]!) {
      const members = groups[g]!;
      if (members.length < 2 || members.length > maxGroup) continue;
      for (const b of members) {
        if (b === a) continue;
        if (counts[b] === 0) touched.push(b);
        counts[b] = counts[b]! + 1;
      }
    }
    if (!touched.length) return;
    const links = new Map<string, CitationLink>();
    for (const b of touched) {
      links.set(names[b]!, { count: counts[b]!, score: counts[b]! / Math.sqrt(size[a]! * size[b]!) });
      counts[b] = 0;
    }
    touched.length = 0;
    out.set(name, links);
  });
  return out;
}

/** Coupling from each paper's full reference list (keys as the sources give them). */
export function bibliographicCoupling(references: ReadonlyMap<string, readonly string[]>, maxGroup: number): CitationNeighbours {
  const names = [...references.keys()];
  const groupIndex = new Map<string, number>();
  const groups: number[][] = [];
  const groupsOf = names.map((p, a) =>
    [...new Set(references.get(p))].map((ref) => {
      let g = groupIndex.get(ref);
      if (g === undefined) groupIndex.set(ref, (g = groups.push([]) - 1));
      groups[g]!.push(a);
      return g;
    }),
  );
  return cosinePairs(names, groupsOf, groups, groupsOf.map((gs) => gs.length), maxGroup);
}

/** Co-citation from the CITES edges of the graph. */
export function coCitation(g: PaperGraph, maxGroup: number): CitationNeighbours {
  const index = new Map<string, number>();
  const names: string[] = [];
  const number = (p: string) => index.get(p) ?? (index.set(p, names.push(p) - 1), names.length - 1);
  const citedListOf = new Map<string, number[]>();
  g.forEachEdge((_, a, s, t) => {
    if (a.type !== 'CITES') return;
    const list = citedListOf.get(s) ?? citedListOf.set(s, []).get(s)!;
    list.push(number(t));
  });
  const groups = [...citedListOf.values()];
  const groupsOf: number[][] = names.map(() => []);
  groups.forEach((members, gi) => members.forEach((b) => groupsOf[b]!.push(gi)));
  return cosinePairs(names, groupsOf, groups, groupsOf.map((gs) => gs.length), maxGroup);
}
