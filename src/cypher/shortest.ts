/**
 * shortestPath / allShortestPaths: breadth-first from the first node over the relationships the
 * pattern allows, stopping at the depth where the second node is first reached.
 */
import type { NodePat, PathPattern, RelPat } from './ast.ts';
import { type NodeRec, PathVal, type RelRec, isNode } from './graph-store.ts';
import type { Row, Runtime } from './runtime.ts';

type NodeTest = (n: NodeRec, p: NodePat) => boolean;
type RelTest = (r: RelRec, p: RelPat, checkBound: boolean) => boolean;

export function* shortestPaths(pattern: PathPattern, row: Row, rt: Runtime, nodeOk: NodeTest, relOk: RelTest): Generator<{ row: Row; rels: RelRec[] }> {
  const [pa, pb] = pattern.nodes as [NodePat, NodePat];
  const rel = pattern.rels[0]!;
  const range = rel.range ?? { min: 1, max: 1 };
  const ends = (p: NodePat): readonly NodeRec[] => {
    const v = p.v ? row[p.v] : undefined;
    if (v !== undefined) return isNode(v) ? [v] : [];
    return rt.graph.nodes;
  };
  for (const a of ends(pa)) {
    if (!nodeOk(a, pa)) continue;
    for (const b of ends(pb)) {
      if (!nodeOk(b, pb)) continue;
      const found = search(a, b, rel, range, rt, relOk);
      for (const rels of pattern.shortest === 'all' ? found : found.slice(0, 1)) {
        const nodes = [a];
        for (const r of rels) nodes.push(r.start === nodes[nodes.length - 1] ? r.end : r.start);
        let out: Row = { ...row };
        if (pa.v) out[pa.v] = a;
        if (pb.v) out[pb.v] = b;
        if (rel.v) out[rel.v] = rels;
        if (pattern.v) out = { ...out, [pattern.v]: new PathVal(nodes, rels) };
        yield { row: out, rels };
      }
    }
  }
}

function search(a: NodeRec, b: NodeRec, p: RelPat, range: { min: number; max: number }, rt: Runtime, relOk: RelTest): RelRec[][] {
  if (a === b) return range.min === 0 ? [[]] : [];
  // parents[n] = the relationships that reach n at its (shortest) depth.
  const parents = new Map<NodeRec, RelRec[]>([[a, []]]);
  let frontier = [a];
  for (let depth = 1; depth <= range.max && frontier.length > 0; depth++) {
    const next = new Map<NodeRec, RelRec[]>();
    for (const n of frontier) {
      const step = (r: RelRec, to: NodeRec) => {
        rt.tick();
        if (parents.has(to) || !relOk(r, p, false)) return;
        const list = next.get(to);
        if (list) list.push(r);
        else next.set(to, [r]);
      };
      if (p.dir !== 'in') for (const r of n.out) step(r, r.end);
      if (p.dir !== 'out') for (const r of n.in) step(r, r.start);
    }
    for (const [n, rs] of next) parents.set(n, rs);
    if (next.has(b)) return depth >= range.min ? unwind(b, a, parents) : [];
    frontier = [...next.keys()];
  }
  return [];
}

function unwind(n: NodeRec, a: NodeRec, parents: Map<NodeRec, RelRec[]>): RelRec[][] {
  if (n === a) return [[]];
  const out: RelRec[][] = [];
  for (const r of parents.get(n) ?? []) {
    const prev = r.end === n ? r.start : r.end;
    for (const path of unwind(prev, a, parents)) out.push([...path, r]);
  }
  return out;
}
