/** WITH and RETURN: projection, grouping with aggregates, DISTINCT, ORDER BY, SKIP and LIMIT. */
import { accumulator, isAggregate, type Accumulator } from './aggregates.ts';
import { exprKey, type Expr, type Projection, type ReturnItem } from './ast.ts';
import { invalid, typeError } from './errors.ts';
import type { Value } from './graph-store.ts';
import { varsOf } from './plan-match.ts';
import type { Row, Runtime } from './runtime.ts';
import { keyOf, orderCompare } from './values.ts';
import { ValueMap } from './value-map.ts';

interface AggSlot {
  name: string;
  fn: string;
  args: Expr[];
  distinct: boolean;
  json: string;
}


/** Replaces each aggregate call by a variable naming its slot, collecting the slots. */
function extract(e: Expr, slots: AggSlot[]): Expr {
  if (e.k === 'countStar' || (e.k === 'call' && isAggregate(e.name))) {
    const key = exprKey(e);
    const existing = slots.find((s) => s.json === key);
    if (existing) return { k: 'var', name: existing.name };
    const slot: AggSlot = { name: `\u0000agg${slots.length}`, fn: e.k === 'countStar' ? 'count' : e.name, args: e.k === 'countStar' ? [{ k: 'lit', v: true }] : e.args, distinct: e.k === 'call' && e.distinct, json: key };
    slots.push(slot);
    return { k: 'var', name: slot.name };
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) {
    if (Array.isArray(v)) out[k] = v.map((x) => (isExpr(x) ? extract(x, slots) : Array.isArray(x) ? x.map((y) => (isExpr(y) ? extract(y, slots) : y)) : x));
    else out[k] = isExpr(v) ? extract(v, slots) : v;
  }
  return out as Expr;
}

const isExpr = (v: unknown): v is Expr => typeof v === 'object' && v !== null && typeof (v as { k?: unknown }).k === 'string' && !('nodes' in v);

function hasAggregate(e: Expr): boolean {
  const slots: AggSlot[] = [];
  extract(e, slots);
  return slots.length > 0;
}

function count(e: Expr | null, rt: Runtime, what: string): number | null {
  if (!e) return null;
  const v = rt.evaluate(e, {});
  if (typeof v !== 'bigint' || v < 0n) throw typeError(`${what} expects a non-negative integer, got ${String(v)}`);
  return Number(v);
}

interface Projected {
  out: Row;
  scope: Row;
}

/** Whether a projection groups rows (has an aggregate) and names its columns itself (no `*` to resolve from a row). */
export function groupsStreamable(proj: Projection): boolean {
  return (!proj.star || proj.starColumns !== undefined) && proj.items.some((i) => hasAggregate(i.expr));
}

/** `where` (WITH ... WHERE) filters after SKIP/LIMIT and also sees the variables before the WITH. */
export function project(rows: Row[] | RowSource, proj: Projection, rt: Runtime, where: Expr | null = null): Row[] {
  const visible = (r: Row) => Object.keys(r).filter((k) => !k.startsWith('\u0000'));
  const first = (): Row => (Array.isArray(rows) ? rows[0] ?? {} : {});
  const items: ReturnItem[] = [...(proj.star ? (proj.starColumns ?? visible(first()).sort()).map((name) => ({ expr: { k: 'var', name } as Expr, alias: name })) : []), ...proj.items];
  if (items.length === 0) throw invalid('RETURN * needs at least one variable in scope');
  const grouped = items.some((i) => hasAggregate(i.expr));
  const aliases = new Set(items.map((i) => i.alias));
  let projected: Projected[];
  const slots: AggSlot[] = [];
  if (!grouped) {
    if (!Array.isArray(rows)) throw new Error('only a grouping projection reads streamed rows');
    projected = rows.map((scope) => {
      rt.tick();
      const out: Row = {};
      for (const i of items) out[i.alias] = rt.evaluate(i.expr, scope);
      return { out, scope };
    });
  } else {
    projected = aggregate(Array.isArray(rows) ? (each) => rows.forEach((r) => each(r)) : rows, items, slots, rt, !Array.isArray(rows));
  }
  if (proj.distinct) {
    const seen = new Set<string>();
    projected = projected.filter((p) => {
      const k = keyOf(items.map((i) => p.out[i.alias]!));
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  }
  if (proj.order.length > 0) {
    const byText = new Map(items.map((i) => [exprKey(i.expr), i.alias]));
    const orderExprs = proj.order.map((o) => {
      const alias = byText.get(exprKey(o.expr));
      return alias !== undefined ? ({ k: 'var', name: alias } as Expr) : grouped ? extract(o.expr, slots) : o.expr;
    });
    // Sorting on projected columns (the usual case) reads them from the projected row alone.
    const onColumns = orderExprs.every((e) => [...varsOf(e)].every((v) => aliases.has(v)));
    const keyed = projected.map((p) => {
      const scope = onColumns ? p.out : { ...p.scope, ...p.out };
      return { p, keys: orderExprs.map((e) => rt.evaluate(e, scope)) };
    });
    keyed.sort((x, y) => {
      for (let i = 0; i < orderExprs.length; i++) {
        const c = orderCompare(x.keys[i]!, y.keys[i]!);
        if (c !== 0) return proj.order[i]!.desc ? -c : c;
      }
      return 0;
    });
    projected = keyed.map((k) => k.p);
  }
  const skip = count(proj.skip, rt, 'SKIP') ?? 0;
  const limit = count(proj.limit, rt, 'LIMIT');
  if (skip > 0 || limit !== null) projected = projected.slice(skip, limit === null ? undefined : skip + limit);
  if (where) {
    const onColumns = [...varsOf(where)].every((v) => aliases.has(v));
    projected = projected.filter((p) => rt.evaluate(where, onColumns ? p.out : { ...p.scope, ...p.out }) === true);
  }
  return projected.map((p) => p.out);
}

/** Feeds each row to `each`; lets a MATCH stream its matches into grouping without keeping them. */
export type RowSource = (each: (row: Row) => void) => void;

interface Group {
  scope: Row;
  keyValues: Value[];
  accs: Accumulator[];
}

function aggregate(source: RowSource, items: ReturnItem[], slots: AggSlot[], rt: Runtime, copy: boolean): Projected[] {
  const keys = items.filter((i) => !hasAggregate(i.expr));
  const aggItems = items.filter((i) => hasAggregate(i.expr)).map((i) => ({ alias: i.alias, expr: extract(i.expr, slots) }));
  // One level of ValueMap per grouping key: no key string is built per row.
  const root = new ValueMap<unknown>();
  const groups: Group[] = [];
  const keyValues: Value[] = new Array(keys.length);
  source((row) => {
    rt.tick();
    for (let i = 0; i < keys.length; i++) keyValues[i] = rt.evaluate(keys[i]!.expr, row);
    let g: Group | undefined;
    if (keys.length === 0) g = groups[0];
    else {
      let level = root;
      for (let i = 0; i < keys.length - 1; i++) {
        let nextLevel = level.get(keyValues[i]!) as ValueMap<unknown> | undefined;
        if (!nextLevel) level.set(keyValues[i]!, (nextLevel = new ValueMap<unknown>()));
        level = nextLevel;
      }
      g = level.get(keyValues[keys.length - 1]!) as Group | undefined;
    }
    if (!g) {
      // A streamed row is a frame the matcher reuses: a group keeps its own copy.
      g = { scope: copy ? { ...row } : row, keyValues: [...keyValues], accs: slots.map((s) => accumulator(s.fn, s.distinct)) };
      groups.push(g);
      if (keys.length > 0) {
        let level = root;
        for (let i = 0; i < keys.length - 1; i++) level = level.get(keyValues[i]!) as ValueMap<unknown>;
        level.set(keyValues[keys.length - 1]!, g);
      }
    }
    for (let i = 0; i < slots.length; i++) {
      const args = slots[i]!.args;
      g.accs[i]!.add(args.length > 0 ? rt.evaluate(args[0]!, row) : null, args.length > 1 ? rt.evaluate(args[1]!, row) : undefined);
    }
  });
  if (groups.length === 0 && keys.length === 0) groups.push({ scope: {}, keyValues: [], accs: slots.map((s) => accumulator(s.fn, s.distinct)) });
  // An item that is one aggregate (count(p) AS n) takes the slot's value; others are evaluated.
  const direct = aggItems.every((a) => a.expr.k === 'var');
  return groups.map((g) => {
    const out: Row = {};
    keys.forEach((k, i) => (out[k.alias] = g.keyValues[i]!));
    const results: Row = {};
    slots.forEach((s, i) => (results[s.name] = g.accs[i]!.result()));
    const scope: Row | null = direct ? null : { ...g.scope, ...results, ...out };
    for (const a of aggItems) out[a.alias] = scope ? rt.evaluate(a.expr, scope) : results[(a.expr as { name: string }).name]!;
    // ORDER BY sees the projected names and the aggregate slots, not the grouped-away rows.
    return { out, scope: { ...out, ...results } };
  });
}
