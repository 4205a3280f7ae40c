/**
 * Grouping for a WITH or RETURN with aggregates: rows (kept, or streamed from a MATCH) into groups
 * by the items without an aggregate, each aggregate's state kept for all groups (agg-columns.ts). A
 * row costs its key look-up and its aggregate inputs; nothing is kept of it.
 */
import { aggColumn } from './agg-columns.ts';
import { isAggregate } from './aggregates.ts';
import { exprKey, type Expr, type ReturnItem } from './ast.ts';
import { compileExpr } from './compile-expr.ts';
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

/**
 * The groups of `source`'s rows, at most `rt.maxRows` of them. `copy`: the source reuses its row
 * objects (a streamed match), so a group keeps its own copy of the first row. A group is a number:
 * its key values and aggregate states are entries in per-key and per-aggregate arrays.
 */
export function aggregate(source: RowSource, items: ReturnItem[], slots: AggSlot[], rt: Runtime, copy: boolean): Projected[] {
  const keyItems = items.filter((i) => !hasAggregate(i.expr));
  const keys = keyItems.map((i) => compileExpr(i.expr, rt));
  const aggItems = items.filter((i) => hasAggregate(i.expr)).map((i) => ({ alias: i.alias, expr: extract(i.expr, slots) }));
  // An item that is one aggregate (count(p) AS n) takes the slot's value; others are evaluated.
  const direct = aggItems.every((a) => a.expr.k === 'var');
  const first = slots.map((s) => (s.args[0] ? compileExpr(s.args[0], rt) : null));
  const second = slots.map((s) => (s.args[1] ? compileExpr(s.args[1], rt) : null));
  // Past every node index, and past the small integers (cluster ids, years are not) DISTINCT numbers directly.
  const stride = 2 ** Math.ceil(Math.log2(Math.max(rt.graph.nodes.length + 1, 1024)));
  const columns = slots.map((s) => aggColumn(s.fn, s.distinct, stride));
  const keyColumns: Value[][] = keys.map(() => []);
  // For an item that wraps an aggregate (count(p) + 1): each group's first row.
  const firstRows: Row[] = [];
  const index = new GroupIndex(keys.length);
  let groups = 0;
  const open = (keyValues: readonly Value[], row: Row): number => {
    if (groups >= rt.maxRows) throw new CypherError('timeout', `the query built more than ${rt.maxRows} groups; narrow the MATCH or add a LIMIT`);
    for (let i = 0; i < keys.length; i++) keyColumns[i]!.push(keyValues[i]!);
    for (const c of columns) c.open();
    if (!direct) firstRows.push(copy ? { ...row } : row);
    return groups++;
  };
  const keyValues: Value[] = new Array(keys.length);
  source((row) => {
    rt.tick();
    for (let i = 0; i < keys.length; i++) keyValues[i] = keys[i]!(row);
    let g = index.get(keyValues);
    if (g === undefined) index.set(keyValues, (g = open(keyValues, row)));
    for (let i = 0; i < columns.length; i++) {
      const a = first[i]!;
      const b = second[i]!;
      columns[i]!.add(g, a ? a(row) : null, b ? b(row) : undefined);
    }
  });
  if (groups === 0 && keys.length === 0) open([], {});
  const out: Projected[] = new Array(groups);
  for (let g = 0; g < groups; g++) {
    const row: Row = {};
    for (let i = 0; i < keys.length; i++) row[keyItems[i]!.alias] = keyColumns[i]![g]!;
    // ORDER BY sees the projected names and the aggregate slots, not the grouped-away rows.
    const results: Row = {};
    for (let i = 0; i < slots.length; i++) results[slots[i]!.name] = columns[i]!.result(g);
    const scope: Row | null = direct ? null : Object.assign({}, firstRows[g], results, row);
    for (const a of aggItems) row[a.alias] = scope ? rt.evaluate(a.expr, scope) : results[(a.expr as { name: string }).name]!;
    out[g] = { out: row, before: results };
  }
  return out;
}

/** Group numbers by their key values: one ValueMap level per key, so no key string is built per row. */
class GroupIndex {
  private readonly root = new ValueMap<unknown>();
  private single: number | undefined;
  constructor(private readonly width: number) {}

  get(keys: readonly Value[]): number | undefined {
    if (this.width === 0) return this.single;
    let level = this.root;
    for (let i = 0; i < this.width - 1; i++) {
      const next = level.get(keys[i]!) as ValueMap<unknown> | undefined;
      if (!next) return undefined;
      level = next;
    }
    return level.get(keys[this.width - 1]!) as number | undefined;
  }

  set(keys: readonly Value[], g: number): void {
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
