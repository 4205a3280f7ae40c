/**
 * Grouping for a WITH or RETURN with aggregates: rows (kept, or streamed from a MATCH) into groups
 * by the items without an aggregate, one accumulator per aggregate and group. A group costs a few
 * objects; a row only its key look-up and its accumulator inputs, nothing is kept of it.
 */
import { accumulator, isAggregate, type Accumulator } from './aggregates.ts';
import { exprKey, type Expr, type ReturnItem } from './ast.ts';
import { CypherError } from './errors.ts';
import type { Value } from './graph-store.ts';
import type { Row, Runtime } from './runtime.ts';
import { ValueMap } from './value-map.ts';

export interface AggSlot {
  name: string;
  fn: string;
  args: Expr[];
  distinct: boolean;
  json: string;
}

/** Replaces each aggregate call by a variable naming its slot, collecting the slots. */
export function extract(e: Expr, slots: AggSlot[]): Expr {
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

export function hasAggregate(e: Expr): boolean {
  const slots: AggSlot[] = [];
  extract(e, slots);
  return slots.length > 0;
}

/** Feeds each row to `each`; lets a MATCH stream its matches into grouping without keeping them. */
export type RowSource = (each: (row: Row) => void) => void;

/** A projected row and what else ORDER BY and WITH ... WHERE may read: the row before it, or the aggregate slots. */
export interface Projected {
  out: Row;
  before: Row;
}

interface Group {
  /** The group's first row, for an item that wraps an aggregate (count(p) + 1); null when none does. */
  first: Row | null;
  keyValues: Value[];
  accs: Accumulator[];
}

/**
 * The groups of `source`'s rows, at most `rt.maxRows` of them. `copy`: the source reuses its row
 * objects (a streamed match), so a group keeps its own copy of the first row.
 */
export function aggregate(source: RowSource, items: ReturnItem[], slots: AggSlot[], rt: Runtime, copy: boolean): Projected[] {
  const keys = items.filter((i) => !hasAggregate(i.expr)).map((i) => i.expr);
  const aggItems = items.filter((i) => hasAggregate(i.expr)).map((i) => ({ alias: i.alias, expr: extract(i.expr, slots) }));
  // An item that is one aggregate (count(p) AS n) takes the slot's value; others are evaluated.
  const direct = aggItems.every((a) => a.expr.k === 'var');
  const first = slots.map((s) => s.args[0] ?? null);
  const second = slots.map((s) => s.args[1] ?? null);
  const index = new GroupIndex(keys.length);
  const groups: Group[] = [];
  const keyValues: Value[] = new Array(keys.length);
  source((row) => {
    rt.tick();
    for (let i = 0; i < keys.length; i++) keyValues[i] = rt.evaluate(keys[i]!, row);
    let g = index.get(keyValues);
    if (!g) {
      if (groups.length >= rt.maxRows) throw new CypherError('timeout', `the query built more than ${rt.maxRows} groups; narrow the MATCH or add a LIMIT`);
      g = { first: direct ? null : copy ? { ...row } : row, keyValues: [...keyValues], accs: slots.map((s) => accumulator(s.fn, s.distinct)) };
      index.set(keyValues, g);
      groups.push(g);
    }
    for (let i = 0; i < slots.length; i++) {
      const a = first[i]!;
      const b = second[i]!;
      g.accs[i]!.add(a ? rt.evaluate(a, row) : null, b ? rt.evaluate(b, row) : undefined);
    }
  });
  if (groups.length === 0 && keys.length === 0) groups.push({ first: direct ? null : {}, keyValues: [], accs: slots.map((s) => accumulator(s.fn, s.distinct)) });
  const keyAliases = items.filter((i) => !hasAggregate(i.expr)).map((i) => i.alias);
  return groups.map((g) => {
    const out: Row = {};
    for (let i = 0; i < keyAliases.length; i++) out[keyAliases[i]!] = g.keyValues[i]!;
    // ORDER BY sees the projected names and the aggregate slots, not the grouped-away rows.
    const results: Row = {};
    for (let i = 0; i < slots.length; i++) results[slots[i]!.name] = g.accs[i]!.result();
    const scope: Row | null = g.first ? Object.assign({}, g.first, results, out) : null;
    for (const a of aggItems) out[a.alias] = scope ? rt.evaluate(a.expr, scope) : results[(a.expr as { name: string }).name]!;
    return { out, before: results };
  });
}

/** Groups by their key values: one ValueMap level per key, so no key string is built per row. */
class GroupIndex {
  private readonly root = new ValueMap<unknown>();
  private single: Group | undefined;
  constructor(private readonly width: number) {}

  get(keys: readonly Value[]): Group | undefined {
    if (this.width === 0) return this.single;
    let level = this.root;
    for (let i = 0; i < this.width - 1; i++) {
      const next = level.get(keys[i]!) as ValueMap<unknown> | undefined;
      if (!next) return undefined;
      level = next;
    }
    return level.get(keys[this.width - 1]!) as Group | undefined;
  }

  set(keys: readonly Value[], g: Group): void {
    if (this.width === 0) {
      this.single = g;
      return;
    }
    let level = this.root;
    for (let i = 0; i < this.width - 1; i++) {
      let next = level.get(keys[i]!) as ValueMap<unknown> | undefined;
      if (!next) level.set(keys[i]!, (next = new ValueMap<unknown>()));
      level = next;
    }
    level.set(keys[this.width - 1]!, g);
  }
}
