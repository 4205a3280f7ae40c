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

/** Calls `emit` with each row that extends `row` by a match of every pattern; emit returns true to stop. */
export function matchPatterns(patterns: PathPattern[], row: Row, rt: Runtime, emit: (r: Row) => boolean | void, used: Set<RelRec> = new Set()): boolean {
  if (patterns.length === 0) return emit(row) === true;
  const [first, ...rest] = patterns as [PathPattern, ...PathPattern[]];
  const next = (r: Row, rels: RelRec[]): boolean => {
    if (rest.length === 0) return emit(r) === true;
    return matchPatterns(rest, r, rt, emit, new Set([...used, ...rels]));
  };
  if (first.shortest) {
    for (const m of shortestPaths(first, row, rt, (n, p) => nodeOk(n, p, row, rt), (r, p, ok) => relOk(r, p, row, rt, ok))) if (next(m.row, m.rels)) return true;
    return false;
  }
  return matchPath(first, row, rt, used, next);
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
    if (c < cost) {
      cost = c;
      best = i;
    }
  });
  return best;
}

/** The variable-length runs from `from`; `forward` walks the pattern left to right. */
function expand(from: NodeRec, p: RelPat, forward: boolean, scope: () => Row, rt: Runtime, used: Set<RelRec>): { rels: RelRec[]; to: NodeRec }[] {
  const dir = p.dir === 'both' ? 'both' : (p.dir === 'out') === forward ? 'out' : 'in';
  const out: { rels: RelRec[]; to: NodeRec }[] = [];
  const each = (n: NodeRec, visit: (r: RelRec, to: NodeRec) => void) => {
    if (dir !== 'in') for (const r of n.out) visit(r, r.end);
    if (dir !== 'out') for (const r of n.in) if (dir === 'in' || r.start !== r.end) visit(r, r.start);
  };
  const { min, max } = p.range!;
  const trail: RelRec[] = [];
  const onTrail = new Set<RelRec>();
  const walk = (n: NodeRec): void => {
    if (trail.length >= min) out.push({ rels: forward ? [...trail] : [...trail].reverse(), to: n });
    if (trail.length >= max) return;
    each(n, (r, to) => {
      rt.tick();
      if (onTrail.has(r) || used.has(r) || !relOk(r, p, scope(), rt, false)) return;
      trail.push(r);
      onTrail.add(r);
      walk(to);
      trail.pop();
      onTrail.delete(r);
    });
  };
  walk(from);
  return out;
}

function matchPath(pattern: PathPattern, row: Row, rt: Runtime, used: Set<RelRec>, emit: (r: Row, rels: RelRec[]) => boolean): boolean {
  const a = anchor(pattern, row, rt);
  const n = pattern.nodes.length;
  const nodes: NodeRec[] = new Array(n);
  const rels: RelRec[][] = new Array(n - 1);
  const local = new Set(used);
  // Variables bound inside this pattern so far (a variable may appear twice: (a)-->(b)-->(a)).
  const bound = new Map<string, Value>();
  const scope = (): Row => (bound.size === 0 ? row : { ...row, ...Object.fromEntries(bound) });
  const nodeFits = (node: NodeRec, p: NodePat): boolean => {
    if (p.v && bound.has(p.v)) return bound.get(p.v) === node && (!p.labels || matchesLabels(node, p.labels));
    if (!p.props && !p.where && !(p.v && row[p.v] !== undefined)) return !p.labels || matchesLabels(node, p.labels);
    return nodeOk(node, p, scope(), rt);
  };
  const bindRel = (i: number, list: RelRec[]): boolean => {
    const p = pattern.rels[i]!;
    if (!p.v) return true;
    const value: Value = p.range ? list : list[0]!;
    const prior = bound.has(p.v) ? bound.get(p.v) : row[p.v];
    if (prior !== undefined && (p.range ? equals(prior, value) !== true : prior !== value)) return false;
    return true;
  };
  const finish = (): boolean => {
    const out: Row = { ...row };
    pattern.nodes.forEach((p, i) => p.v && (out[p.v] = nodes[i]!));
    pattern.rels.forEach((p, i) => p.v && (out[p.v] = p.range ? rels[i]! : rels[i]![0]!));
    const all = rels.flat();
    if (pattern.v) {
      const walk: NodeRec[] = [nodes[0]!];
      for (const rel of all) walk.push(rel.start === walk[walk.length - 1] ? rel.end : rel.start);
      out[pattern.v] = new PathVal(walk, all);
    }
    return emit(out, all);
  };
  // i: the relationship to match next; forward: still walking right of the anchor.
  const walk = (i: number, forward: boolean): boolean => {
    if (forward && i >= n - 1) return walk(a - 1, false);
    if (!forward && i < 0) return finish();
    const from = forward ? nodes[i]! : nodes[i + 1]!;
    const at = forward ? i + 1 : i;
    const p = pattern.nodes[at]!;
    const rp = pattern.rels[i]!;
    const next = forward ? i + 1 : i - 1;
    const step = (to: NodeRec, list: RelRec[]): boolean => {
      if (!nodeFits(to, p) || !bindRel(i, list)) return false;
      nodes[at] = to;
      rels[i] = list;
      const hadNode = p.v ? bound.has(p.v) : true;
      if (p.v && !hadNode) bound.set(p.v, to);
      if (rp.v) bound.set(rp.v, rp.range ? list : list[0]!);
      for (const x of list) local.add(x);
      const stop = walk(next, forward);
      for (const x of list) local.delete(x);
      if (rp.v) bound.delete(rp.v);
      if (p.v && !hadNode) bound.delete(p.v);
      return stop;
    };
    if (rp.range) {
      for (const s of expand(from, rp, forward, scope, rt, local)) if (step(s.to, s.rels)) return true;
      return false;
    }
    // One hop, the common case: walk the adjacency lists directly.
    const dir = rp.dir === 'both' ? 'both' : (rp.dir === 'out') === forward ? 'out' : 'in';
    const simple = !rp.props && !rp.where && !rp.v;
    const fits = (r: RelRec) => !local.has(r) && (rp.types.length === 0 || rp.types.includes(r.type)) && (simple || relOk(r, rp, scope(), rt));
    if (dir !== 'in') {
      for (const r of from.out) {
        rt.tick();
        if (fits(r) && step(r.end, [r])) return true;
      }
    }
    if (dir !== 'out') {
      for (const r of from.in) {
        rt.tick();
        if ((dir === 'in' || r.start !== r.end) && fits(r) && step(r.start, [r])) return true;
      }
    }
    return false;
  };
  const ap = pattern.nodes[a]!;
  for (const node of candidates(ap, row, rt)) {
    rt.tick();
    if (!nodeOk(node, ap, row, rt)) continue;
    nodes[a] = node;
    if (ap.v) bound.set(ap.v, node);
    const stop = walk(a, true);
    if (ap.v) bound.delete(ap.v);
    if (stop) return true;
  }
  return false;
}
