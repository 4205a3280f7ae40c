/**
 * Pattern matching: each path pattern starts from its node with the fewest candidates (a bound
 * variable, a property index lookup, the smallest label; plan-match.ts), expanding right then left.
 * WHERE's conjuncts are checked as soon as their variables are bound. Bindings live in one frame
 * per pattern and row; a match is copied only by a caller that keeps it. Within one MATCH no
 * relationship is used twice.
 */
import type { Expr, NodePat, PathPattern, RelPat } from './ast.ts';
import { evaluate, matchesLabels } from './evaluate.ts';
import { type NodeRec, PathVal, type RelRec, type Value, isMap } from './graph-store.ts';
import { typeError } from './errors.ts';
import { labelCheck, type NodeCheck } from './label-test.ts';
import { patternVars, startNodes, varsOf } from './plan-match.ts';
import type { Row, Runtime } from './runtime.ts';
import { shortestPaths } from './shortest.ts';
import { equals } from './values.ts';

/** A match: the frame is reused for the next one, so copy it to keep it. */
export type Emit = (r: Row, rels: readonly RelRec[]) => boolean | void;

const allTrue = (checks: readonly Expr[], row: Row, rt: Runtime): boolean => {
  for (const c of checks) if (evaluate(c, row, rt) !== true) return false;
  return true;
};

/**
 * Calls `emit` with each row that extends `row` by a match of every pattern and passes every
 * conjunct of `where`; emit returns true to stop.
 */
export function matchPatterns(patterns: PathPattern[], row: Row, rt: Runtime, emit: (r: Row) => boolean | void, used: ReadonlySet<RelRec> = new Set(), where: readonly Expr[] = []): boolean {
  if (patterns.length === 0) return allTrue(where, row, rt) && emit(row) === true;
  const [first, ...rest] = patterns as [PathPattern, ...PathPattern[]];
  const own = new Set(patternVars(first));
  const mine: Expr[] = [];
  const later: Expr[] = [];
  for (const c of where) ([...varsOf(c)].every((v) => own.has(v) || v in row) && !first.shortest ? mine : later).push(c);
  // The last pattern with nothing left to check hands its matches straight on.
  const next: Emit =
    rest.length > 0 ? (r, rels) => matchPatterns(rest, r, rt, emit, new Set([...used, ...rels]), later) : later.length > 0 ? (r) => allTrue(later, r, rt) && emit(r) === true : (r) => emit(r) === true;
  if (first.shortest) {
    for (const m of shortestPaths(first, row, rt, (n, p) => nodeOk(n, p, row, rt), (r, p, ok) => relOk(r, p, row, rt, ok))) if (next(m.row, m.rels)) return true;
    return false;
  }
  return matchPath(first, row, rt, used, mine, rest.length > 0, next);
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

/** The variable-length runs from `from`; `forward` walks the pattern left to right. */
function expand(from: NodeRec, p: RelPat, forward: boolean, scope: Row, rt: Runtime, taken: (r: RelRec) => boolean): { rels: RelRec[]; to: NodeRec }[] {
  const dir = p.dir === 'both' ? 'both' : (p.dir === 'out') === forward ? 'out' : 'in';
  const out: { rels: RelRec[]; to: NodeRec }[] = [];
  const { min, max } = p.range!;
  const trail: RelRec[] = [];
  const onTrail = new Set<RelRec>();
  const visit = (r: RelRec, to: NodeRec): void => {
    rt.tick();
    if (onTrail.has(r) || taken(r) || !relOk(r, p, scope, rt, false)) return;
    trail.push(r);
    onTrail.add(r);
    walk(to);
    trail.pop();
    onTrail.delete(r);
  };
  const walk = (n: NodeRec): void => {
    if (trail.length >= min) out.push({ rels: forward ? [...trail] : [...trail].reverse(), to: n });
    if (trail.length >= max) return;
    if (dir !== 'in') for (const r of n.out) visit(r, r.end);
    if (dir !== 'out') for (const r of n.in) if (dir === 'in' || r.start !== r.end) visit(r, r.start);
  };
  walk(from);
  return out;
}

const NO_RELS: readonly RelRec[] = [];

/** Whether two of the relationship patterns could match one relationship: their types (any, when untyped) overlap. */
function mayCoincide(rels: readonly RelPat[]): boolean {
  for (let i = 0; i < rels.length; i++) {
    for (let j = i + 1; j < rels.length; j++) {
      const a = rels[i]!.types;
      const b = rels[j]!.types;
      if (a.length === 0 || b.length === 0 || a.some((t) => b.includes(t))) return true;
    }
  }
  return false;
}

const COSTS = new WeakMap<readonly NodeRec[], Map<string, number>>();
// Past this many candidates the cost is estimated from the graph's mean degree instead of counted.
const COUNTED = 4096;

/** Candidates plus the adjacency entries their first hops scan (the walk reads whole lists). */
function startCost(pattern: PathPattern, i: number, nodes: readonly NodeRec[], rt: Runtime): number {
  const right = pattern.rels[i];
  const left = pattern.rels[i - 1];
  if (!right && !left) return nodes.length;
  // Which lists each candidate scans: right of it forward, left of it backward.
  const lists = (r: RelPat | undefined, forward: boolean) => (!r ? '' : r.dir === 'both' ? 'oi' : (r.dir === 'out') === forward ? 'o' : 'i');
  const key = lists(right, true) + '/' + lists(left, false);
  if (nodes.length > COUNTED) return nodes.length * (1 + (key.length - 1) * (rt.graph.rels.length / Math.max(1, rt.graph.nodes.length)));
  let cached = COSTS.get(nodes);
  const known = cached?.get(key);
  if (known !== undefined) return known;
  let cost = nodes.length;
  for (const x of nodes) for (const ch of key) cost += ch === 'o' ? x.out.length : ch === 'i' ? x.in.length : 0;
  if (!cached) COSTS.set(nodes, (cached = new Map()));
  cached.set(key, cost);
  return cost;
}

/** The order the walk binds the pattern's variables in, from anchor `a`: stage 0 is the anchor, each hop one more. */
function stages(pattern: PathPattern, a: number): Map<string, number> {
  const at = new Map<string, number>();
  const put = (v: string | null, s: number) => v && !at.has(v) && at.set(v, s);
  put(pattern.nodes[a]!.v, 0);
  let s = 0;
  for (let i = a; i < pattern.rels.length; i++) {
    put(pattern.rels[i]!.v, ++s);
    put(pattern.nodes[i + 1]!.v, s);
  }
  for (let i = a - 1; i >= 0; i--) {
    put(pattern.rels[i]!.v, ++s);
    put(pattern.nodes[i]!.v, s);
  }
  put(pattern.v, s + 1);
  return at;
}

function matchPath(pattern: PathPattern, row: Row, rt: Runtime, used: ReadonlySet<RelRec>, where: readonly Expr[], wantRels: boolean, emit: Emit): boolean {
  const n = pattern.nodes.length;
  // The anchor: the node whose candidates have the least to scan for their first hops.
  let a = 0;
  let start: readonly NodeRec[] = [];
  let best = Infinity;
  for (let i = 0; i < n; i++) {
    const c = startNodes(pattern.nodes[i]!, row, where, rt);
    const cost = startCost(pattern, i, c, rt);
    if (cost < best) [a, start, best] = [i, c, cost];
  }
  const stageOf = stages(pattern, a);
  // checks[s]: the conjuncts whose last variable is bound at stage s.
  const checks: Expr[][] = Array.from({ length: n + 1 }, () => []);
  for (const c of where) checks[Math.max(0, ...[...varsOf(c)].map((v) => stageOf.get(v) ?? 0))]!.push(c);
  const nodes: NodeRec[] = new Array(n);
  // hops[i]: the relationship (one hop) or the run of them (variable length) matched for rels[i].
  const hops: (RelRec | RelRec[])[] = new Array(n - 1);
  // Relationship uniqueness needs tracking only when two relationships could coincide.
  const unique = used.size > 0 || mayCoincide(pattern.rels);
  // This walk's relationships so far: a stack as long as the pattern, where a Set would churn.
  const bound: RelRec[] = [];
  const taken = (r: RelRec): boolean => bound.includes(r) || used.has(r);
  // The row and what this pattern has bound so far; an unbound variable is undefined here.
  const frame: Row = { ...row };
  const labelled: (NodeCheck | null)[] = pattern.nodes.map((p) => (p.labels ? labelCheck(p.labels, rt.graph) : null));
  // The rest of each node's test (properties, inline WHERE), for nodeOk once the labels passed.
  const unlabelled: NodePat[] = pattern.nodes.map((p) => ({ ...p, labels: null }));
  // rels[i]'s type ids; one type walks that type's own adjacency list.
  const typeIds = pattern.rels.map((r) => r.types.map((t) => rt.graph.typeId(t)));
  const nodeFits = (node: NodeRec, at: number): boolean => {
    const p = pattern.nodes[at]!;
    if (p.v) {
      const prior = frame[p.v];
      if (prior !== undefined && prior !== node) return false;
    }
    const labels = labelled[at];
    if (labels && !labels(node)) return false;
    return !(p.props || p.where) || nodeOk(node, unlabelled[at]!, frame, rt);
  };
  const finish = (): boolean => {
    if (!pattern.v) return emit(frame, wantRels ? hops.flat() : NO_RELS) === true;
    const all = hops.flat();
    const walk: NodeRec[] = [nodes[0]!];
    for (const rel of all) walk.push(rel.start === walk[walk.length - 1] ? rel.end : rel.start);
    frame[pattern.v] = new PathVal(walk, all);
    return allTrue(checks[n]!, frame, rt) && emit(frame, all) === true;
  };
  // Binds hop i (to `to`, over `hop`), checks what became checkable at stage s, walks on.
  const step = (i: number, forward: boolean, s: number, to: NodeRec, hop: RelRec | RelRec[]): boolean => {
    const at = forward ? i + 1 : i;
    const p = pattern.nodes[at]!;
    const rp = pattern.rels[i]!;
    if (!nodeFits(to, at)) return false;
    let newRel = false;
    if (rp.v) {
      const prior = frame[rp.v];
      if (prior !== undefined && (Array.isArray(hop) ? equals(prior, hop) !== true : prior !== hop)) return false;
      newRel = prior === undefined;
    }
    nodes[at] = to;
    hops[i] = hop;
    const newNode = p.v !== null && frame[p.v] === undefined;
    if (newNode) frame[p.v!] = to;
    if (newRel) frame[rp.v!] = hop;
    if (unique) {
      if (Array.isArray(hop)) bound.push(...hop);
      else bound.push(hop);
    }
    const stop = allTrue(checks[s]!, frame, rt) && walk(forward ? i + 1 : i - 1, forward, s);
    if (unique) {
      bound.length -= Array.isArray(hop) ? hop.length : 1;
    }
    if (newRel) frame[rp.v!] = undefined as unknown as Value;
    if (newNode) frame[p.v!] = undefined as unknown as Value;
    return stop;
  };
  // i: the relationship to match next; forward: still walking right of the anchor; s: the stage it reaches.
  const walk = (i: number, forward: boolean, s: number): boolean => {
    if (forward && i >= n - 1) return walk(a - 1, false, s);
    if (!forward && i < 0) return finish();
    const from = forward ? nodes[i]! : nodes[i + 1]!;
    const rp = pattern.rels[i]!;
    s++;
    if (rp.range) {
      for (const m of expand(from, rp, forward, frame, rt, taken)) if (step(i, forward, s, m.to, m.rels)) return true;
      return false;
    }
    // One hop, the common case: walk the adjacency lists directly.
    const dir = rp.dir === 'both' ? 'both' : (rp.dir === 'out') === forward ? 'out' : 'in';
    const simple = !rp.props && !rp.where && !(rp.v && row[rp.v] !== undefined);
    const ids = typeIds[i]!;
    // Several types: the whole list, checked; one: only its own list.
    const typed = ids.length > 1;
    const one = ids.length === 1 ? ids[0]! : -1;
    if (dir !== 'in') {
      for (const r of ids.length === 1 ? from.ofType('out', one) : from.out) {
        rt.tick();
        if (typed && !ids.includes(r.typeId)) continue;
        if ((unique && taken(r)) || (!simple && !relOk(r, rp, frame, rt))) continue;
        if (step(i, forward, s, r.end, r)) return true;
      }
    }
    if (dir !== 'out') {
      for (const r of ids.length === 1 ? from.ofType('in', one) : from.in) {
        rt.tick();
        if (dir === 'both' && r.start === r.end) continue;
        if (typed && !ids.includes(r.typeId)) continue;
        if ((unique && taken(r)) || (!simple && !relOk(r, rp, frame, rt))) continue;
        if (step(i, forward, s, r.start, r)) return true;
      }
    }
    return false;
  };
  const ap = pattern.nodes[a]!;
  const anchorLabels = labelled[a];
  for (const node of start) {
    rt.tick();
    if ((anchorLabels && !anchorLabels(node)) || !nodeOk(node, unlabelled[a]!, row, rt)) continue;
    nodes[a] = node;
    const newNode = ap.v !== null && frame[ap.v] === undefined;
    if (newNode) frame[ap.v!] = node;
    const stop = allTrue(checks[0]!, frame, rt) && walk(a, true, 0);
    if (newNode) frame[ap.v!] = undefined as unknown as Value;
    if (stop) return true;
  }
  return false;
}
