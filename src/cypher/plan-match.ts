/**
 * Planning a MATCH, once per pattern and input row: WHERE split into conjuncts, each placed at the
 * first point of the walk where its variables are bound (so a failing row is dropped before it is
 * expanded), and the nodes a pattern may start from, read from the label and property indexes with
 * the hints the pattern and WHERE give (`:Label`, `{key: value}`, `n.key = $value`, `n:A OR n:B`).
 */
import type { Expr, NodePat, PathPattern } from './ast.ts';
import { type NodeRec, type Value, isNode } from './graph-store.ts';
import { typeError } from './errors.ts';
import type { Row, Runtime } from './runtime.ts';
import { groupKey } from './values.ts';

/** `a AND b AND c` -> [a, b, c]: each may be checked on its own, as soon as it can be. */
export function conjuncts(e: Expr | null): Expr[] {
  if (!e) return [];
  if (e.k === 'bin' && e.op === 'and') return [...conjuncts(e.a), ...conjuncts(e.b)];
  return [e];
}

const VARS = new WeakMap<object, ReadonlySet<string>>();

/**
 * Every name an expression may read, patterns inside it included. It may name more than the
 * expression reads (a comprehension's own variable): that only makes a check wait longer.
 */
export function varsOf(e: Expr): ReadonlySet<string> {
  let vars = VARS.get(e);
  if (!vars) {
    const out = new Set<string>();
    const visit = (x: unknown): void => {
      if (Array.isArray(x)) return x.forEach(visit);
      if (typeof x !== 'object' || x === null) return;
      const o = x as Record<string, unknown>;
      if (o.k === 'lit') return;
      if (o.k === 'var' && typeof o.name === 'string') out.add(o.name);
      for (const key of ['v', 'acc', 'path'] as const) if (typeof o[key] === 'string') out.add(o[key] as string);
      for (const value of Object.values(o)) visit(value);
    };
    visit(e);
    vars = out;
    VARS.set(e, vars);
  }
  return vars;
}

export function patternVars(p: PathPattern): string[] {
  const out: string[] = [];
  for (const n of p.nodes) if (n.v) out.push(n.v);
  for (const r of p.rels) if (r.v) out.push(r.v);
  if (p.v) out.push(p.v);
  return out;
}

/** An expression whose value the row alone gives (no pattern variable), safe to evaluate early. */
const outerValue = (e: Expr, row: Row): boolean =>
  e.k === 'lit' || e.k === 'param' || (e.k === 'var' && e.name in row) || (e.k === 'prop' && e.of.k === 'var' && e.of.name in row);

type Lookup = { key: string; value: Expr };

/** `v.key = value` (either way round), or an OR of them: the nodes any of them can match. */
function lookups(e: Expr, v: string, row: Row): Lookup[] | null {
  if (e.k === 'bin' && e.op === 'or') {
    const a = lookups(e.a, v, row);
    const b = a && lookups(e.b, v, row);
    return a && b ? [...a, ...b] : null;
  }
  if (e.k !== 'bin' || e.op !== '=') return null;
  const side = (p: Expr, value: Expr): Lookup | null => (p.k === 'prop' && p.of.k === 'var' && p.of.name === v && outerValue(value, row) ? { key: p.key, value } : null);
  const one = side(e.a, e.b) ?? side(e.b, e.a);
  return one ? [one] : null;
}

/** `v:A`, `v:A OR v:B`: the labels one of which the node must have. */
function labelsOf(e: Expr, v: string): string[] | null {
  if (e.k === 'bin' && e.op === 'or') {
    const a = labelsOf(e.a, v);
    const b = a && labelsOf(e.b, v);
    return a && b ? [...a, ...b] : null;
  }
  if (e.k !== 'labels' || e.a.k !== 'var' || e.a.name !== v) return null;
  if (e.test.k === 'name') return [e.test.name];
  if (e.test.k === 'or' && e.test.parts.every((t) => t.k === 'name')) return e.test.parts.map((t) => (t as { name: string }).name);
  return null;
}

/** A label the node must have, from the pattern itself. */
function definiteLabel(p: NodePat): string | null {
  const t = p.labels;
  if (t?.k === 'name') return t.name;
  if (t?.k !== 'and') return null;
  const named = t.parts.find((x) => x.k === 'name');
  return named?.k === 'name' ? named.name : null;
}

function union(lists: readonly (readonly NodeRec[])[]): readonly NodeRec[] {
  if (lists.length === 1) return lists[0]!;
  return [...new Set(lists.flat())];
}

/** The fewest nodes the pattern node `p` can be, from what the row, the pattern and WHERE say. */
export function startNodes(p: NodePat, row: Row, where: readonly Expr[], rt: Runtime): readonly NodeRec[] {
  if (p.v && row[p.v] !== undefined) {
    const bound = row[p.v]!;
    if (bound === null) return [];
    if (!isNode(bound)) throw typeError(`\`${p.v}\` is not a node`);
    return [bound];
  }
  const label = definiteLabel(p);
  let best: readonly NodeRec[] = label ? rt.graph.withLabel(label) : rt.graph.nodes;
  const consider = (nodes: readonly NodeRec[]) => nodes.length < best.length && (best = nodes);
  const lookup = (ls: Lookup[]) => union(ls.map((l) => rt.graph.withProperty(label, l.key, valueKey(rt.evaluate(l.value, row)), groupKey)));
  if (p.props?.k === 'map') for (const [key, value] of p.props.entries) if (outerValue(value, row)) consider(lookup([{ key, value }]));
  if (p.v) {
    for (const c of where) {
      const ls = lookups(c, p.v, row);
      if (ls) consider(lookup(ls));
      const labels = labelsOf(c, p.v);
      if (labels) consider(union(labels.map((l) => rt.graph.withLabel(l))));
    }
  }
  return best;
}

// A null never equals anything: a key no node has.
const NOTHING = Symbol('nothing');
const valueKey = (v: Value): unknown => (v === null ? NOTHING : groupKey(v));
