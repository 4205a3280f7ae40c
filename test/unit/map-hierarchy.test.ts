import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import type { PaperGraph } from '../../src/assemble/graph.ts';
import { depthCap, fieldHierarchy, packed, placeFields } from '../../src/analyze/hierarchy.ts';

/** One field that is a leaf: `groups` sets of papers, each set mentioning its own concepts and none of the others'. */
function field(groups: number, papers: number): { scope: PaperGraph; members: string[]; groupOf: Map<string, number> } {
  const g = new Graph({ type: 'directed' }) as unknown as PaperGraph;
  const groupOf = new Map<string, number>();
  for (let k = 0; k < groups; k++) {
    const concepts = [0, 1, 2].map((c) => `concept:${k}-${c}`);
    for (const c of concepts) {
      g.addNode(c, { kind: 'Concept', name: c, aliases: [], cluster: 0, x: 0, y: 0, size: 4 } as never);
      groupOf.set(c, k);
    }
    for (let i = 0; i < papers; i++) {
      const p = `paper:${k}-${i}`;
      g.addNode(p, { kind: 'Paper', name: p, title: p, abstract: '', cluster: 0, x: 0, y: 0, size: 4 } as never);
      groupOf.set(p, k);
      for (const c of concepts) g.addEdge(p, c, { type: 'MENTIONS', evidence: [], weight: 1 } as never);
    }
  }
  return { scope: g, members: g.nodes(), groupOf };
}

const head = { id: '0', parent: null, label: 'f', top: [], color: '#4e79a7', x: 0, y: 0, r: 1000 };
const papersIn = (h: ReturnType<typeof fieldHierarchy>, leaf: string) => [...h.leafOf].filter(([id, l]) => l === leaf && id.startsWith('paper:')).length;

const centroid = (ps: { x: number; y: number }[]) => ({ x: ps.reduce((s, p) => s + p.x, 0) / ps.length, y: ps.reduce((s, p) => s + p.y, 0) / ps.length });

describe('inside a leaf of the map', () => {
  it('lays out its sub-topics apart: each group sits nearer its own centre than any other group does', () => {
    const { scope, members, groupOf } = field(3, 12);
    const h = fieldHierarchy(scope, members, { id: '0', parent: null, label: 'f', top: [], color: '#888888', x: 0, y: 0, r: 100 });
    expect(h.clusters).toHaveLength(1);
    expect(h.clusters[0]!.leaf).toBe(true);
    const byGroup = [0, 1, 2].map((k) => members.filter((m) => groupOf.get(m) === k).map((m) => h.positions.get(m)!));
    const centres = byGroup.map(centroid);
    byGroup.forEach((ps, k) => {
      const spread = Math.max(...ps.map((p) => Math.hypot(p.x - centres[k]!.x, p.y - centres[k]!.y)));
      for (let j = 0; j < 3; j++) if (j !== k) expect(Math.hypot(centres[j]!.x - centres[k]!.x, centres[j]!.y - centres[k]!.y)).toBeGreaterThan(spread);
    });
    for (const p of h.positions.values()) expect(Math.hypot(p.x, p.y)).toBeLessThanOrEqual(100.01);
  });
});

describe('the fields of the map', () => {
  it('are drawn together when the layout left them far apart, and never overlap', () => {
    const fields = [0, 1, 2, 3].map((id) => ({ id, x: 1000 * (id % 2), y: 1000 * Math.floor(id / 2), papers: 100 }));
    const discs = [...placeFields(fields).values()];
    const span = Math.max(...discs.map((d) => d.x + d.r)) - Math.min(...discs.map((d) => d.x - d.r));
    expect(span).toBeLessThan(1000);
    for (let i = 0; i < discs.length; i++)
      for (let j = i + 1; j < discs.length; j++) expect(Math.hypot(discs[i]!.x - discs[j]!.x, discs[i]!.y - discs[j]!.y)).toBeGreaterThanOrEqual(discs[i]!.r + discs[j]!.r - 0.01);
  });

  it('sets the pool of unclustered papers beside the fields, however large, not among them', () => {
    // The pool is the largest and the layout left it in the middle of the fields.
    const fields = [...[0, 1, 2, 3].map((id) => ({ id, x: 400 * (id % 2), y: 400 * Math.floor(id / 2), papers: 100 })), { id: 9, x: 200, y: 200, papers: 700 }];
    const placed = placeFields(fields, 42, 9);
    const pool = placed.get(9)!;
    const others = [0, 1, 2, 3].map((id) => placed.get(id)!);
    for (const d of others) {
      expect(Math.hypot(d.x - pool.x, d.y - pool.y)).toBeGreaterThanOrEqual(d.r + pool.r - 0.01);
      // Every field lies left of the pool's centre: the pool stands at one side of the map.
      expect(d.x).toBeLessThan(pool.x);
    }
  });
});

describe('the depth of the map', () => {
  // 300 topics of 6 papers, each topic its own three concepts: Louvain finds the 300 topics, each
  // under 4% of the field's papers, so none stands alone at the top and they must be grouped, and
  // grouped again below, before a cluster holds at most 12 papers.
  const many = field(300, 6);
  const h = fieldHierarchy(many.scope, many.members, head, { leafPapers: 12 });
  const leaves = h.clusters.filter((c) => c.leaf);

  it('splits until every leaf holds at most leafPapers papers, going below the third level where it must', () => {
    expect(h.oversized).toEqual([]);
    for (const c of leaves) expect(papersIn(h, c.id)).toBeLessThanOrEqual(12);
    expect(Math.max(...h.clusters.map((c) => c.level))).toBeGreaterThan(3);
    // Every level's ids are paths from the field, each cluster's parent one level up.
    const byId = new Map(h.clusters.map((c) => [c.id, c]));
    for (const c of h.clusters.slice(1)) {
      expect(byId.get(c.parent!)!.level).toBe(c.level - 1);
      expect(c.id.split('.')).toHaveLength(c.level);
      expect(c.id.startsWith(`${c.parent}.`)).toBe(true);
    }
  });

  it('never cuts a topic Louvain found: each topic\'s papers all sit in one leaf', () => {
    for (let k = 0; k < 300; k++) {
      const homes = new Set(many.members.filter((m) => many.groupOf.get(m) === k && m.startsWith('paper:')).map((m) => h.leafOf.get(m)));
      expect(homes.size).toBe(1);
    }
  });

  it('counts papers the same at every level and keeps each cluster inside its parent', () => {
    const byId = new Map(h.clusters.map((c) => [c.id, c]));
    for (const c of h.clusters.filter((x) => !x.leaf)) {
      const children = h.clusters.filter((x) => x.parent === c.id);
      expect(children.reduce((s, x) => s + x.papers, 0)).toBe(c.papers);
      for (const k of children) expect(Math.hypot(k.x - c.x, k.y - c.y) + k.r).toBeLessThanOrEqual(c.r * 1.01);
    }
    for (const c of leaves) expect(c.papers).toBe(papersIn(h, c.id));
    expect(byId.get('0')!.papers).toBe(1800);
  });

  it('keeps the field\'s hue down to the deepest level: no colour washes out to white or black', () => {
    const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    for (const c of h.clusters) {
      const [r, g, b] = rgb(c.color) as [number, number, number];
      // The field is #4e79a7, blue above red: every shade of it stays so.
      expect(b).toBeGreaterThan(r);
      expect(Math.max(r, g, b)).toBeLessThan(250);
      expect(Math.max(r, g, b)).toBeGreaterThan(40);
    }
  });

  it('keeps a cluster that has nothing to split by as one leaf, and reports it, instead of recursing', () => {
    const g = new Graph({ type: 'directed' }) as unknown as PaperGraph;
    for (let i = 0; i < 100; i++) g.addNode(`paper:${i}`, { kind: 'Paper', name: `p${i}`, abstract: '', cluster: 0, x: 0, y: 0, size: 4 } as never);
    const lone = fieldHierarchy(g, g.nodes(), head, { leafPapers: 20 });
    expect(lone.clusters).toHaveLength(1);
    expect(lone.oversized).toEqual(['0']);
  });

  it('caps the depth by the field\'s size, never below the three named levels', () => {
    expect(depthCap(50, 80)).toBe(3);
    expect(depthCap(25_000, 80)).toBe(1 + 2 * 9);
    const capped = fieldHierarchy(many.scope, many.members, head, { leafPapers: 12, maxLevel: 2 });
    expect(Math.max(...capped.clusters.map((c) => c.level))).toBe(2);
    expect(capped.oversized.length).toBeGreaterThan(0);
  });
});

describe('packing communities into balanced parts', () => {
  it('keeps each community whole and evens out the papers, largest first into the lightest part', () => {
    const cs = [9, 7, 6, 5, 4, 3, 2, 0].map((p, i) => ({ m: [`c${i}`], p }));
    const parts = packed(cs, 3, 36);
    expect(parts.flat().sort()).toEqual(cs.map((c) => c.m[0]).sort());
    const weight = (m: string[]) => m.reduce((s, id) => s + cs.find((c) => c.m[0] === id)!.p, 0);
    // By hand: 9, 7, 6 open the parts; 5 -> 6 (11), 4 -> 7 (11), 3 -> 9 (12), 2 -> 11 (13), 0 -> 11.
    expect(parts.map(weight)).toEqual([13, 12, 11]);
  });

  it('gives nothing when fewer than two communities hold papers', () => {
    expect(packed([{ m: ['a', 'b'], p: 10 }, { m: ['c'], p: 0 }], 5, 10)).toEqual([]);
  });
});
