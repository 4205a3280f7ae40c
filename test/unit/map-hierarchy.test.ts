import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import type { PaperGraph } from '../../src/assemble/graph.ts';
import { fieldHierarchy, placeFields } from '../../src/analyze/hierarchy.ts';

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
