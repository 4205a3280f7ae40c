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

/**
 * The papers' entities in integer arrays. Papers and entities are numbered in id order, so that
 * comparing two numbers breaks ties as comparing the ids did; a paper's entities keep the order of
 * its edges, which fixes the order of every floating-point sum.
 */
interface Incidence {
  paperIds: string[];
  paperIndex: Map<string, number>;
  /** Paper k's entities are entity[entityStart[k] .. entityStart[k + 1]). */
  entityStart: Int32Array;
  entity: Int32Array;
  /** Papers per entity. */
  df: Int32Array;
  /** Entity e's papers are paper[paperStart[e] .. paperStart[e + 1]). */
  paperStart: Int32Array;
  paper: Int32Array;
}

function incidence(g: PaperGraph, papers: readonly string[]): Incidence {
  const paperIds = [...papers].sort();
  const paperIndex = new Map(paperIds.map((id, k) => [id, k]));
  const entityIndex = new Map<string, number>();
  const found: string[][] = new Array(paperIds.length);
  for (const p of papers) {
    const ents: string[] = [];
    g.forEachOutEdge(p, (_, attr, _s, target) => {
      // One edge per (paper, entity) in this simple graph, so each entity comes once.
      if (KNOWLEDGE.has(attr.type)) ents.push(target);
    });
    found[paperIndex.get(p)!] = ents;
    for (const e of ents) entityIndex.set(e, 0);
  }
  [...entityIndex.keys()].sort().forEach((id, k) => entityIndex.set(id, k));
  const entityStart = new Int32Array(paperIds.length + 1);
  found.forEach((ents, k) => (entityStart[k + 1] = entityStart[k]! + ents.length));
  const entity = new Int32Array(entityStart[paperIds.length]!);
  const df = new Int32Array(entityIndex.size);
  found.forEach((ents, k) =>
    ents.forEach((e, i) => {
      const x = entityIndex.get(e)!;
      entity[entityStart[k]! + i] = x;
      df[x]!++;
    }),
  );
  const paperStart = new Int32Array(df.length + 1);
  for (let e = 0; e < df.length; e++) paperStart[e + 1] = paperStart[e]! + df[e]!;
  const paper = new Int32Array(entity.length);
  const fill = paperStart.slice(0, df.length);
  for (let k = 0; k < paperIds.length; k++) for (let i = entityStart[k]!; i < entityStart[k + 1]!; i++) paper[fill[entity[i]!]!++] = k;
  return { paperIds, paperIndex, entityStart, entity, df, paperStart, paper };
}

export function paperSimilarities(g: PaperGraph, options: SimilarityOptions = {}): SimilarPair[] {
  const topK = options.topK ?? 5;
  const papers = g.filterNodes((_, a) => a.kind === 'Paper');
  const n = papers.length;
  const maxDf = options.maxEntityDf ?? Math.max(30, Math.min(100, Math.ceil(n * 0.02)));
  const rarest = options.rarestPerPaper ?? 12;
  const { paperIds, paperIndex, entityStart, entity, df, paperStart, paper } = incidence(g, papers);
  const weight = new Float64Array(df.length);
  for (let e = 0; e < df.length; e++) weight[e] = Math.log(1 + n / df[e]!) ** 2;
  const norm = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let sum = 0;
    for (let i = entityStart[k]!; i < entityStart[k + 1]!; i++) sum += weight[entity[i]!]!;
    norm[k] = Math.sqrt(sum) || 1;
  }
  // Entities shared by one paper link nothing; those of more than maxDf papers tell too little.
  const informative = (e: number) => df[e]! >= 2 && df[e]! <= maxDf;
  const citations = citationSignals(g, options.references, maxDf);
  // Scratch space reused for every paper: reach by paper, and the entities of the paper asking.
  const reach = new Float64Array(n);
  const reached: number[] = [];
  const mine = new Uint8Array(df.length);
  const pairs = new Map<number, SimilarPair>();
  for (const id of papers) {
    if (options.seekers && !options.seekers.has(id)) continue;
    const p = paperIndex.get(id)!;
    const own: number[] = [];
    for (let i = entityStart[p]!; i < entityStart[p + 1]!; i++) if (informative(entity[i]!)) own.push(entity[i]!);
    // Candidates come from the paper's rarest entities only, which bounds the work per paper.
    const followed = own.sort((a, b) => df[a]! - df[b]! || a - b).slice(0, rarest);
    for (const e of followed) {
      const w = weight[e]!;
      for (let i = paperStart[e]!; i < paperStart[e + 1]!; i++) {
        const o = paper[i]!;
        if (o === p) continue;
        if (reach[o] === 0) reached.push(o);
        reach[o]! += w;
      }
    }
    const candidates = reached.sort((x, y) => reach[y]! - reach[x]! || x - y).slice(0, CANDIDATES_PER_NEIGHBOUR * topK);
    // The score of a pair: the cosine of the two papers' idf-weighted entity vectors over every
    // entity they share, so it is the same whichever of the two finds the other.
    for (const e of own) mine[e] = 1;
    const entityScores = candidates.map((o) => {
      let dot = 0;
      for (let i = entityStart[o]!; i < entityStart[o + 1]!; i++) {
        const e = entity[i]!;
        if (mine[e]) dot += weight[e]!;
      }
      return [paperIds[o]!, dot / (norm[p]! * norm[o]!)] as const;
    });
    for (const e of own) mine[e] = 0;
    for (const o of reached) reach[o] = 0;
    reached.length = 0;
    const ranked = (citations ? withCitations(id, entityScores, citations) : entityScores.map(([o, score]) => ({ o, score })))
      .sort((x, y) => y.score - x.score || (x.o < y.o ? -1 : 1))
      .slice(0, topK);
    // A pair can be found from both ends; keep it once (the later finding, as it always was).
    for (const { o, ...rest } of ranked) {
      const q = paperIndex.get(o)!;
      const [a, b] = p < q ? [p, q] : [q, p];
      pairs.set(a * n + b, { a: paperIds[a]!, b: paperIds[b]!, ...rest });
    }
  }
  return [...pairs.entries()].sort((x, y) => x[0] - y[0]).map(([, pr]) => pr);
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
