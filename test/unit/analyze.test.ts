/**
 * The analyses' invariants, on generated graphs: Louvain's partition, its modularity, planted
 * communities, determinism; the layout; similarity. Property tests where an invariant holds for
 * every input.
 */
import fc from 'fast-check';
import Graph, { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { detectCommunities } from '../../src/analyze/communities.ts';
import { layout } from '../../src/analyze/layout.ts';
import { paperSimilarities } from '../../src/analyze/similarity.ts';
import type { PaperGraph } from '../../src/assemble/graph.ts';

/** An undirected weighted graph from a list of edges over n nodes. */
function weighted(n: number, edges: Array<[number, number, number]>): UndirectedGraph {
  const g = new UndirectedGraph();
  for (let i = 0; i < n; i++) g.addNode(`n${i}`);
  for (const [a, b, w] of edges) if (a !== b) g.mergeEdge(`n${a}`, `n${b}`, { weight: w });
  return g;
}

const graphs = fc
  .integer({ min: 2, max: 40 })
  .chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.double({ min: 0.1, max: 5, noNaN: true })), { minLength: 1, maxLength: 120 })));

/** Newman's modularity, written from its definition: Q = sum over communities of (in_c / 2m - (tot_c / 2m)^2). */
function modularity(g: Graph, of: ReadonlyMap<string, number>): number {
  let m2 = 0;
  const inside = new Map<number, number>();
  const total = new Map<number, number>();
  g.forEachEdge((_, a, s, t) => {
    const w = a.weight as number;
    m2 += 2 * w;
    total.set(of.get(s)!, (total.get(of.get(s)!) ?? 0) + w);
    total.set(of.get(t)!, (total.get(of.get(t)!) ?? 0) + w);
    if (of.get(s) === of.get(t)) inside.set(of.get(s)!, (inside.get(of.get(s)!) ?? 0) + 2 * w);
  });
  let q = 0;
  if (m2 === 0) return 0; // no edges: every partition has modularity 0
  for (const [c, tot] of total) q += (inside.get(c) ?? 0) / m2 - (tot / m2) ** 2;
  return q;
}

describe('Louvain communities', () => {
  it('cover every node, and the same seed gives the same partition', () => {
    fc.assert(
      fc.property(graphs, fc.integer(), ([n, edges], seed) => {
        const g = weighted(n, edges);
        const a = detectCommunities(g, { seed });
        expect([...a.of.keys()].sort()).toEqual(g.nodes().sort());
        expect([...detectCommunities(g, { seed }).of]).toEqual([...a.of]);
      }),
      { numRuns: 60 },
    );
  });

  it('report the modularity that an independent computation finds for their partition', () => {
    fc.assert(
      fc.property(graphs, ([n, edges]) => {
        const g = weighted(n, edges);
        // No pooling of small communities, so the partition is Louvain's own.
        const c = detectCommunities(g, { minSize: 1 });
        expect(c.modularity).toBeCloseTo(modularity(g, c.of), 9);
      }),
      { numRuns: 60 },
    );
  });

  it('recover planted cliques joined by single weak edges', () => {
    const k = 4;
    const size = 8;
    const edges: Array<[number, number, number]> = [];
    for (let c = 0; c < k; c++) for (let i = 0; i < size; i++) for (let j = i + 1; j < size; j++) edges.push([c * size + i, c * size + j, 1]);
    for (let c = 0; c < k; c++) edges.push([c * size, ((c + 1) % k) * size + 1, 0.2]);
    const { of } = detectCommunities(weighted(k * size, edges), { seed: 3 });
    for (let c = 0; c < k; c++) {
      const ids = new Set(Array.from({ length: size }, (_, i) => of.get(`n${c * size + i}`)));
      expect(ids.size).toBe(1);
    }
    expect(new Set(of.values()).size).toBe(k);
  });
});

describe('layout', () => {
  it('gives every node a finite position, the same for the same seed', () => {
    fc.assert(
      fc.property(graphs, fc.integer({ min: 0, max: 1000 }), ([n, edges], seed) => {
        const g = weighted(n, edges);
        const { of } = detectCommunities(g, { seed });
        const a = layout(g, of, { seed, iterations: 20 });
        expect(a.size).toBe(n);
        for (const p of a.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
        expect([...layout(g, of, { seed, iterations: 20 })]).toEqual([...a]);
      }),
      { numRuns: 25 },
    );
  });
});

/** Papers linked to entities at random: paper i -> entity j. */
function corpus(papers: number, links: Array<[number, number]>): PaperGraph {
  const g = new Graph({ type: 'directed' }) as unknown as PaperGraph;
  const placed = { cluster: -1, x: 0, y: 0, size: 1 };
  for (let i = 0; i < papers; i++) g.addNode(`p${i}`, { kind: 'Paper', name: `P${i}`, abstract: '', sources: [], ...placed });
  for (const [p, e] of links) {
    if (!g.hasNode(`e${e}`)) g.addNode(`e${e}`, { kind: 'Concept', name: `E${e}`, aliases: [], ...placed });
    g.mergeEdge(`p${p % papers}`, `e${e}`, { type: 'MENTIONS', evidence: [], weight: 1 });
  }
  return g;
}

describe('paper similarity', () => {
  // Dense enough that papers share several entities (sparse ones would rarely exercise a pair).
  const corpora = fc.integer({ min: 2, max: 12 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(9)), { minLength: 8, maxLength: 80 })));

  it('is symmetric and bounded: one score per pair, in (0, 1], the same from either paper', () => {
    fc.assert(
      fc.property(corpora, fc.integer({ min: 1, max: 12 }), ([n, links], rarest) => {
        // Few followed entities per paper, so that candidates are found from one end only.
        const options = { topK: n, rarestPerPaper: rarest };
        const g = corpus(n, links);
        const pairs = paperSimilarities(g, options);
        const keys = new Set<string>();
        for (const p of pairs) {
          expect(p.a < p.b).toBe(true);
          expect(keys.has(`${p.a} ${p.b}`)).toBe(false);
          keys.add(`${p.a} ${p.b}`);
          expect(p.score).toBeGreaterThan(0);
          expect(p.score).toBeLessThanOrEqual(1 + 1e-12);
        }
        // Reversing the paper order (and so which end finds a pair first) changes no score.
        const reversed = corpus(n, links.map(([p, e]) => [n - 1 - (p % n), e]));
        const rename = (id: string) => `p${n - 1 - Number(id.slice(1))}`;
        const again = new Map(paperSimilarities(reversed, options).map((p) => [[rename(p.a), rename(p.b)].sort().join(' '), p.score]));
        for (const p of pairs) expect(again.get(`${p.a} ${p.b}`)).toBeCloseTo(p.score, 12);
      }),
      { numRuns: 80 },
    );
  });

  it('scores a pair by every entity the two share, however few each paper follows to find candidates', () => {
    fc.assert(
      fc.property(corpora, fc.integer({ min: 1, max: 3 }), ([n, links], rarest) => {
        const g = corpus(n, links);
        const ents = new Map<string, Set<string>>();
        g.forEachEdge((_, _a, s, t) => (ents.get(s) ?? ents.set(s, new Set()).get(s)!).add(t));
        const df = new Map<string, number>();
        for (const set of ents.values()) for (const e of set) df.set(e, (df.get(e) ?? 0) + 1);
        const idf2 = (e: string) => Math.log(1 + n / df.get(e)!) ** 2;
        const norm = (p: string) => Math.sqrt([...(ents.get(p) ?? [])].reduce((s, e) => s + idf2(e), 0)) || 1;
        for (const { a, b, score } of paperSimilarities(g, { topK: n, rarestPerPaper: rarest })) {
          const shared = [...ents.get(a)!].filter((e) => ents.get(b)!.has(e) && df.get(e)! >= 2);
          expect(score).toBeCloseTo(shared.reduce((s, e) => s + idf2(e), 0) / (norm(a) * norm(b)), 12);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('searches only from the seekers when given, finding each its own neighbours as a full search does', () => {
    fc.assert(
      fc.property(corpora, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }), ([n, links], rarest, topK) => {
        const g = corpus(n, links);
        const full = new Map(paperSimilarities(g, { topK, rarestPerPaper: rarest }).map((p) => [`${p.a} ${p.b}`, p.score]));
        const seekers = new Set([`p${n - 1}`, `p${Math.floor(n / 2)}`]);
        const some = paperSimilarities(g, { topK, rarestPerPaper: rarest, seekers });
        for (const p of some) {
          expect(seekers.has(p.a) || seekers.has(p.b)).toBe(true);
          expect(full.get(`${p.a} ${p.b}`)).toBeCloseTo(p.score, 12);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('ranks a shared rare entity above a shared common one', () => {
    // p0 and p1 share a rare entity (two papers); p0 and p2 share one that six papers have.
    const links: Array<[number, number]> = [[0, 1], [1, 1], [0, 2], [2, 2], [3, 2], [4, 2], [5, 2], [6, 2]];
    const score = new Map(paperSimilarities(corpus(7, links), { topK: 7 }).map((p) => [`${p.a} ${p.b}`, p.score]));
    expect(score.get('p0 p1')!).toBeGreaterThan(score.get('p0 p2')!);
  });
});
