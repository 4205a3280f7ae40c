/** WITH and RETURN: projection, grouping with aggregates, DISTINCT, ORDER BY, SKIP and LIMIT. */
import { exprKey, type Expr, type Projection, type ReturnItem } from './ast.ts';
import { compileExpr } from './compile-expr.ts';
import { invalid, typeError } from './errors.ts';
import { type AggSlot, aggregate, extract, hasAggregate, type Projected, type RowSource } from './group.ts';
import { varsOf } from './plan-match.ts';
import type { Row, Runtime } from './runtime.ts';
import { keyOf, orderCompare } from './values.ts';

function count(e: Expr | null, rt: Runtime, what: string): number | null {
  if (!e) return null;
  const v = rt.evaluate(e, {});
  if (typeof v !== 'bigint' || v < 0n) throw typeError(`${what} expects a non-negative integer, got ${String(v)}`);
  return Number(v);
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
    const values = items.map((i) => compileExpr(i.expr, rt));
    projected = rows.map((scope) => {
      rt.tick();
      const out: Row = {};
      for (let i = 0; i < items.length; i++) out[items[i]!.alias] = values[i]!(scope);
      return { out, before: scope };
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
    const scopes = onColumns ? projected.map((p) => p.out) : projected.map((p) => ({ ...p.before, ...p.out }));
    // One column of sort keys per ORDER BY item, and row numbers sorted (stably) by them.
    const keys = orderExprs.map((e) => {
      const key = compileExpr(e, rt);
      return scopes.map((scope) => key(scope));
    });
    const desc = proj.order.map((o) => o.desc);
    const order = projected.map((_, j) => j);
    order.sort((x, y) => {
      for (let i = 0; i < keys.length; i++) {
        const c = orderCompare(keys[i]![x]!, keys[i]![y]!);
        if (c !== 0) return desc[i] ? -c : c;
      }
      return 0;
    });
    const unsorted = projected;
    projected = order.map((j) => unsorted[j]!);
  }
  const skip = count(proj.skip, rt, 'SKIP') ?? 0;
  const limit = count(proj.limit, rt, 'LIMIT');
  if (skip > 0 || limit !== null) projected = projected.slice(skip, limit === null ? undefined : skip + limit);
  if (where) {
    const onColumns = [...varsOf(where)].every((v) => aliases.has(v));
    projected = projected.filter((p) => rt.evaluate(where, onColumns ? p.out : { ...p.before, ...p.out }) === true);
  }
  return projected.map((p) => p.out);
}
