/**
 * Whether a shared phrase is a term of the field or a description that happens to recur. In a
 * corpus large enough to count in, a discovered phrase is a term when the field has given it an
 * acronym, or when it has the marks of a term: a word everyday English hardly uses ("submodular",
 * "saliency"; "provable guarantees" has none, nor "mobile devices"), first word and head that meet
 * in it far more often than their own frequencies predict (pointwise mutual information over
 * papers: "classification algorithms" fails, both words pair with everything), and enough papers.
 */
import { isRareWord } from '../extract/lexicon.ts';
import { wordKey } from '../extract/stem.ts';

/** Below this many papers, counts are too small to tell a collocation from chance. */
export const MIN_COUNTED_CORPUS = 200;
/** log2 of how much more often first word and head meet than chance would have them. */
const MIN_ASSOCIATION = 3;
/** Papers per extra paper a term needs: 3 in a corpus of 2,000. */
const PAPERS_PER_DF = 700;

export interface PhraseCounts {
  /** The papers that use the phrase, each once. */
  docs: readonly number[];
  head: string;
  words: number;
  /** One way the phrase is written, for its first word and the everyday-word test. */
  surface: string;
}

export type TermTest = (key: string, s: PhraseCounts) => boolean;

const lead = (surface: string) => wordKey(surface.split(/\s+/)[0] ?? '');

/** The test for one corpus of `papers` papers, whose phrase counts are `stats`. */
export function termTest(stats: ReadonlyMap<string, PhraseCounts>, papers: number, acronymed: ReadonlySet<string>, minDf: number): TermTest {
  if (papers < MIN_COUNTED_CORPUS) return () => true;
  const byHead = new Map<string, Set<number>>();
  const byLead = new Map<string, Set<number>>();
  const union = (m: Map<string, Set<number>>, k: string, docs: readonly number[]) => {
    const set = m.get(k) ?? m.set(k, new Set()).get(k)!;
    for (const d of docs) set.add(d);
  };
  for (const s of stats.values()) {
    if (s.words < 2) continue;
    union(byHead, wordKey(s.head), s.docs);
    union(byLead, lead(s.surface), s.docs);
  }
  const needDf = Math.max(minDf, Math.round(papers / PAPERS_PER_DF));
  return (key, s) => {
    if (acronymed.has(key)) return true;
    if (s.docs.length < needDf || !s.surface.split(/[\s-]+/).some(isRareWord)) return false;
    const h = byHead.get(wordKey(s.head))?.size ?? 0;
    const l = byLead.get(lead(s.surface))?.size ?? 0;
    return h > 0 && l > 0 && Math.log2((s.docs.length * papers) / (h * l)) >= MIN_ASSOCIATION;
  };
}
