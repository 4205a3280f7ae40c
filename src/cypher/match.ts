/**
 * Pattern matching: each path pattern is matched from its cheapest node (a bound variable, else
 * the smallest label), expanding right then left. Within one MATCH no relationship is used twice.
 */
import type { NodePat, PathPattern, RelPat } from './ast.ts';
import { evaluate, matchesLabels } from './evaluate.ts';
import { type NodeRec, PathVal, type RelRec, type Value, isMap, isNode } from './graph-store.ts';
import { typeError } from './errors.ts';
import type { Row, Runtime } from './runtime.ts';
import { shortestPaths } from './shortest.ts';
import { equals } from './values.ts';

export function* matchPatterns(patterns: PathPattern[], row: Row, rt: Runtime, used: Set<RelRec> = new Set()): Generator<Row> {
  if (patterns.length === 0) {
    yield row;
    return;
  }
  const [first, ...rest] = patterns as [PathPattern, ...PathPattern[]];
  for (const m of first.shortest ? shortestPaths(first, row, rt, (n, p) => nodeOk(n, p, row, rt), (r, p, ok) => relOk(r, p, row, rt, ok)) : matchPath(first, row, rt, used)) {
    yield* matchPatterns(rest, m.row, rt, new Set([...used, ...m.rels]));
  }
}

interface PathMatch {
  row: Row;
  rels: RelRec[];
}

function propsOk(props: Record<string, Value>, want: Value): boolean {
  if (want === null) return true;
  if (!isMap(want)) throw typeError('inline properties must be a map');
  for (const [k, v] of Object.entries(want)) if (equals(props[k] ?? null, v) !== true) return false;
  return true;
}

function nodeOk(n: NodeRec, p: NodePat, row: Row, rt: Runtime): boolean {
  if (p.labels && !matchesLabels(n, p.labels)) return false;
  if (p.props && !propsOk(n.props, evaluate(p.props, row, rt))) return false;
  if (p.v) {
    const bound = row[p.v];
    if (bound !== undefined && bound !== n) return false;
  }
  if (p.where && evaluate(p.where, p.v ? { ...row, [p.v]: n } : row, rt) !== true) return false;
  return true;
}

function relOk(r: RelRec, p: RelPat, row: Row, rt: Runtime, checkBound = true): boolean {
  if (p.types.length > 0 && !p.types.includes(r.type)) return false;
  if (p.props && !propsOk(r.props, evaluate(p.props, row, rt))) return false;
  if (checkBound && p.v && !p.range) {
    const bound = row[p.v];
    if (bound !== undefined && bound !== r) return false;
  }
  if (p.where && evaluate(p.where, p.v ? { ...row, [p.v]: r } : row, rt) !== true) return false;
  return true;
}

function candidates(p: NodePat, row: Row, rt: Runtime): readonly NodeRec[] {
  if (p.v && row[p.v] !== undefined) {
    const v = row[p.v];
    if (v === null) return [];
    if (!isNode(v)) throw typeError(`\`${p.v}\` is not a node`);
    return [v];
  }
  const label = p.labels?.k === 'name' ? p.labels.name : p.labels?.k === 'and' && p.labels.parts[0]?.k === 'name' ? p.labels.parts[0].name : null;
  return label ? rt.graph.withLabel(label) : rt.graph.nodes;
}

function anchor(pattern: PathPattern, row: Row, rt: Runtime): number {
  let best = 0;
  let cost = Infinity;
  pattern.nodes.forEach((p, i) => {
    const c = p.v && row[p.v] !== undefined ? 0 : candidates(p, row, rt).length;
    if (c < cost) (cost = c), (best = i);
  });
  return best;
}

/** One hop or a variable-length run from `from`; `forward` walks the pattern left to right. */
function* expand(from: NodeRec, p: RelPat, forward: boolean, row: Row, rt: Runtime, used: Set<RelRec>): Generator<{ rels: RelRec[]; to: NodeRec }> {
  const dir = p.dir === 'both' ? 'both' : (p.dir === 'out') === forward ? 'out' : 'in';
  const steps = function* (n: NodeRec): Generator<[RelRec, NodeRec]> {
    if (dir !== 'in') for (const r of n.out) yield [r, r.end];
    if (dir !== 'out') for (const r of n.in) if (dir === 'in' || r.start !== r.end) yield [r, r.start];
  };
  if (!p.range) {
    for (const [r, to] of steps(from)) {
      rt.tick();
      if (!used.has(r) && relOk(r, p, row, rt)) yield { rels: [r], to };
    }
    return;
  }
  const { min, max } = p.range;
  const trail: RelRec[] = [];
  const onTrail = new Set<RelRec>();
  function* walk(n: NodeRec): Generator<{ rels: RelRec[]; to: NodeRec }> {
    if (trail.length >= min) yield { rels: forward ? [...trail] : [...trail].reverse(), to: n };
    if (trail.length >= max) return;
    for (const [r, to] of steps(n)) {
      rt.tick();
      if (onTrail.has(r) || used.has(r) || !relOk(r, p, row, rt, false)) continue;
      trail.push(r);
      onTrail.add(r);
      yield* walk(to);
      trail.pop();
      onTrail.delete(r);
    }
  }
  yield* walk(from);
}

function* matchPath(pattern: PathPattern, row: Row, rt: Runtime, used: Set<RelRec>): Generator<PathMatch> {
  const a = anchor(pattern, row, rt);
  const nodes: NodeRec[] = new Array(pattern.nodes.length);
  const rels: RelRec[][] = new Array(pattern.rels.length);
  const local = new Set(used);
  const bindNode = (r: Row, i: number, n: NodeRec): Row => {
    const v = pattern.nodes[i]!.v;
    return v ? { ...r, [v]: n } : r;
  };
  const bindRels = (r: Row, i: number, list: RelRec[]): Row | null => {
    const p = pattern.rels[i]!;
    if (!p.v) return r;
    const value: Value = p.range ? list : list[0]!;
    if (p.range && r[p.v] !== undefined && equals(r[p.v]!, value) !== true) return null;
    return { ...r, [p.v]: value };
  };
  function* left(i: number, r: Row): Generator<PathMatch> {
    if (i < 0) {
      yield finish(r);
      return;
    }
    for (const step of expand(nodes[i + 1]!, pattern.rels[i]!, false, r, rt, local)) {
      if (!nodeOk(step.to, pattern.nodes[i]!, r, rt)) continue;
      const r2 = bindRels(r, i, step.rels);
      if (!r2) continue;
      nodes[i] = step.to;
      rels[i] = step.rels;
      for (const x of step.rels) local.add(x);
      yield* left(i - 1, bindNode(r2, i, step.to));
      for (const x of step.rels) local.delete(x);
    }
  }
  function* right(i: number, r: Row): Generator<PathMatch> {
    if (i >= pattern.rels.length) {
      yield* left(a - 1, r);
      return;
    }
    for (const step of expand(nodes[i]!, pattern.rels[i]!, true, r, rt, local)) {
      if (!nodeOk(step.to, pattern.nodes[i + 1]!, r, rt)) continue;
      const r2 = bindRels(r, i, step.rels);
      if (!r2) continue;
      nodes[i + 1] = step.to;
      rels[i] = step.rels;
      for (const x of step.rels) local.add(x);
      yield* right(i + 1, bindNode(r2, i + 1, step.to));
      for (const x of step.rels) local.delete(x);
    }
  }
  const finish = (r: Row): PathMatch => {
    const all = rels.flat();
    if (!pattern.v) return { row: r, rels: all };
    const walk: NodeRec[] = [nodes[0]!];
    for (const rel of all) walk.push(rel.start === walk[walk.length - 1] ? rel.end : rel.start);
    return { row: { ...r, [pattern.v]: new PathVal(walk, all) }, rels: all };
  };
  for (const n of candidates(pattern.nodes[a]!, row, rt)) {
    rt.tick();
    if (!nodeOk(n, pattern.nodes[a]!, row, rt)) continue;
    nodes[a] = n;
    yield* right(a, bindNode(row, a, n));
  }
}
