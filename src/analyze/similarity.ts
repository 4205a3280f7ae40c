/**
 * Paper-paper similarity by shared entities, each weighted by its rarity (inverse document
 * frequency): two papers sharing a benchmark used by three papers are closer than two sharing a
 * concept used by thirty.
 */
import type { PaperGraph } from '../assemble/graph.ts';
import { bibliographicCoupling, coCitation, type CitationLink, type CitationNeighbours } from './citation-similarity.ts';

export interface SimilarPair {
  a: string;
  b: string;
  score: number;
  /** Where citations exist: references shared, and papers citing both. */
  coupling?: number;
  cocitation?: number;
}

const KNOWLEDGE = new Set(['EVALUATED_ON', 'INTRODUCES', 'USES', 'ADDRESSES', 'MENTIONS']);

/** Candidates rescored per neighbour kept: a pair's full score can rank it above a first guess. */
const CANDIDATES_PER_NEIGHBOUR = 3;

export interface SimilarityOptions {
  /** Neighbours kept per paper. */
  topK?: number;
  /** Entities linked to more papers than this are too common to tell papers apart (and quadratic). */
  maxEntityDf?: number;
  /** Only a paper's rarest entities are followed to find its neighbours (bounds the work per paper). */
  rarestPerPaper?: number;
  /** Each paper's full reference list, where the sources give one (bibliographic coupling). */
  references?: ReadonlyMap<string, readonly string[]>;
  /**
   * Only these papers look for neighbours (among all papers): adding papers to a snapshot costs
   * their own search, not the corpus's. Default: every paper.
   */
  seekers?: ReadonlySet<string>;
}

export function paperSimilarities(g: PaperGraph, options: SimilarityOptions = {}): SimilarPair[] {
  const topK = options.topK ?? 5;
  const papers = g.filterNodes((_, a) => a.kind === 'Paper');
  const n = papers.length;
  const maxDf = options.maxEntityDf ?? Math.max(30, Math.min(100, Math.ceil(n * 0.02)));
  const rarest = options.rarestPerPaper ?? 12;
  const entitiesOf = new Map<string, string[]>();
  const df = new Map<string, number>();
  for (const p of papers) {
    const ents: string[] = [];
    g.forEachOutEdge(p, (_, attr, _s, target) => {
      // One edge per (paper, entity) in this simple graph, so each entity comes once.
      if (KNOWLEDGE.has(attr.type)) ents.push(target);
    });
    entitiesOf.set(p, ents);
    for (const e of ents) df.set(e, (df.get(e) ?? 0) + 1);
  }
  const idf = (e: string) => Math.log(1 + n / df.get(e)!);
  const norm = new Map(papers.map((p) => [p, Math.sqrt(entitiesOf.get(p)!.reduce((s, e) => s + idf(e) ** 2, 0)) || 1]));
  const informativeOf = (p: string) => entitiesOf.get(p)!.filter((e) => df.get(e)! >= 2 && df.get(e)! <= maxDf);
  // The score of a pair: the cosine of the two papers' idf-weighted entity vectors over every entity
  // they share, so it is the same whichever of the two finds the other.
  const cosine = (p: string, mine: ReadonlySet<string>, o: string) => {
    let dot = 0;
    for (const e of informativeOf(o)) if (mine.has(e)) dot += idf(e) ** 2;
    return dot / (norm.get(p)! * norm.get(o)!);
  };
  const citations = citationSignals(g, options.references, maxDf);
  const pairs: SimilarPair[] = [];
  for (const p of papers) {
    if (options.seekers && !options.seekers.has(p)) continue;
    // Candidates come from the paper's rarest entities only, which bounds the work per paper.
    const reach = new Map<string, number>();
    const mine = informativeOf(p);
    const mineSet = new Set(mine);
    const followed = [...mine]
      .sort((a, b) => df.get(a)! - df.get(b)! || (a < b ? -1 : 1))
      .slice(0, rarest);
    for (const e of followed) {
      const w = idf(e) ** 2;
      g.forEachInEdge(e, (_, attr, other) => {
        if (other !== p && KNOWLEDGE.has(attr.type)) reach.set(other, (reach.get(other) ?? 0) + w);
      });
    }
    const candidates = [...reach.entries()]
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .slice(0, CANDIDATES_PER_NEIGHBOUR * topK);
    const entityScores = candidates.map(([o]) => [o, cosine(p, mineSet, o)] as const);
    const ranked = (citations ? withCitations(p, entityScores, citations) : entityScores.map(([o, score]) => ({ o, score })))
      .sort((x, y) => y.score - x.score || (x.o < y.o ? -1 : 1))
      .slice(0, topK);
    for (const { o, ...rest } of ranked) pairs.push(p < o ? { a: p, b: o, ...rest } : { a: o, b: p, ...rest });
  }
  // A pair can be found from both ends; keep it once.
  const seen = new Map<string, SimilarPair>();
  for (const pr of pairs) seen.set(`${pr.a}\u0000${pr.b}`, pr);
  return [...seen.values()].sort((x, y) => (x.a === y.a ? (x.b < y.b ? -1 : 1) : x.a < y.a ? -1 : 1));
}

interface Citations {
  coupling: CitationNeighbours;
  cocitation: CitationNeighbours;
}

/** null when the corpus carries no citations, so that such a corpus is scored exactly as before. */
function citationSignals(g: PaperGraph, references: SimilarityOptions['references'], maxDf: number): Citations | null {
  const coupling = references ? bibliographicCoupling(references, maxDf) : new Map();
  const cocitation = coCitation(g, maxDf);
  return coupling.size || cocitation.size ? { coupling, cocitation } : null;
}

/**
 * Entity, coupling and co-citation scores combined as independent evidence, 1 - (1-e)(1-c)(1-k):
 * a pair strong on any one signal ranks high, and a pair with no citation signal keeps its entity
 * score unchanged.
 */
function withCitations(p: string, entityScores: ReadonlyArray<readonly [string, number]>, c: Citations): Array<{ o: string; score: number; coupling?: number; cocitation?: number }> {
  const none = new Map<string, CitationLink>();
  const coupled = c.coupling.get(p) ?? none;
  const cocited = c.cocitation.get(p) ?? none;
  const entity = new Map(entityScores);
  const others = new Set([...entity.keys(), ...coupled.keys(), ...cocited.keys()]);
  return [...others].map((o) => {
    const e = entity.get(o) ?? 0;
    const cp = coupled.get(o);
    const cc = cocited.get(o);
    if (!cp && !cc) return { o, score: e };
    const score = 1 - (1 - e) * (1 - (cp?.score ?? 0)) * (1 - (cc?.score ?? 0));
    return { o, score, ...(cp ? { coupling: cp.count } : {}), ...(cc ? { cocitation: cc.count } : {}) };
  });
}
