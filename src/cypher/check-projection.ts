/**
 * Compile-time checks of a WITH or RETURN: in a projection that aggregates, what lies outside the
 * aggregates must be a grouping key; ORDER BY after DISTINCT or aggregation sees only what was
 * projected; aggregates appear nowhere else (WHERE, a plain ORDER BY); SKIP and LIMIT are constants.
 */
import { exprKey, type Expr, type Projection, type ReturnItem } from './ast.ts';
import { checkCount, checkExpr, children, containsAggregate, isAggregateCall, semantic, type KindOf } from './check-expr.ts';

const boundInside = (e: Expr): string[] => (e.k === 'listComp' || e.k === 'quant' ? [e.v] : e.k === 'reduce' ? [e.acc, e.v] : []);
const hasOwnScope = (e: Expr) => e.k === 'exists' || e.k === 'patternComp' || e.k === 'pattern' || e.k === 'shortest' || e.k === 'mapProj';

/** Whether a variable (or its property) is a grouping key: projected as itself, or that very property. */
function grouped(e: Expr, keys: ReturnItem[]): boolean {
  const k = exprKey(e);
  if (keys.some((i) => exprKey(i.expr) === k)) return true;
  const name = e.k === 'var' ? e.name : e.k === 'prop' && e.of.k === 'var' ? e.of.name : null;
  return name !== null && keys.some((i) => i.expr.k === 'var' && i.expr.name === name);
}

/** An item holding aggregates: every variable outside them must be a grouping key. */
function checkAmbiguity(e: Expr, keys: ReturnItem[], locals: ReadonlySet<string>): void {
  if (isAggregateCall(e) || hasOwnScope(e)) return;
  if ((e.k === 'var' || (e.k === 'prop' && e.of.k === 'var')) && grouped(e, keys)) return;
  if (e.k === 'var') {
    if (locals.has(e.name)) return;
    throw semantic('AmbiguousAggregationExpression', `\`${e.name}\` is used beside an aggregate but is not a grouping key of this projection`);
  }
  const inner = boundInside(e);
  const scope = inner.length ? new Set([...locals, ...inner]) : locals;
  for (const c of children(e)) checkAmbiguity(c, keys, scope);
}

/** ORDER BY after DISTINCT or aggregation: only projected columns, projected expressions and projected aggregates. */
function checkSortKey(e: Expr, proj: Projection, aggregates: ReadonlySet<string>, locals: ReadonlySet<string>): void {
  const k = exprKey(e);
  if (proj.items.some((i) => exprKey(i.expr) === k) || hasOwnScope(e)) return;
  if (isAggregateCall(e)) {
    if (aggregates.has(k)) return;
    throw semantic('UndefinedVariable', 'ORDER BY can only use an aggregate that the projection computes');
  }
  if (e.k === 'var') {
    if (locals.has(e.name) || proj.items.some((i) => i.alias === e.name || (i.expr.k === 'var' && i.expr.name === e.name))) return;
    throw semantic('UndefinedVariable', `Variable \`${e.name}\` not defined (it is not projected before ORDER BY)`);
  }
  const inner = boundInside(e);
  const scope = inner.length ? new Set([...locals, ...inner]) : locals;
  for (const c of children(e)) checkSortKey(c, proj, aggregates, scope);
}

function aggregatesIn(e: Expr, out: Set<string>): Set<string> {
  if (isAggregateCall(e)) out.add(exprKey(e));
  else if (!hasOwnScope(e)) for (const c of children(e)) aggregatesIn(c, out);
  return out;
}

/** `before`: the variables the projection reads; `after`: those ORDER BY and WITH ... WHERE also see. */
export function checkProjection(proj: Projection, where: Expr | null, before: KindOf, after: KindOf): void {
  for (const item of proj.items) checkExpr(item.expr, before);
  const aggregating = proj.items.filter((i) => containsAggregate(i.expr));
  const keys = proj.items.filter((i) => !containsAggregate(i.expr));
  for (const item of aggregating) checkAmbiguity(item.expr, keys, new Set());
  const aggregates = new Set<string>();
  for (const item of aggregating) aggregatesIn(item.expr, aggregates);
  for (const o of proj.order) {
    if (aggregating.length === 0 && containsAggregate(o.expr)) throw semantic('InvalidAggregation', 'ORDER BY can only aggregate in a projection that aggregates');
    if (aggregating.length > 0 && containsAggregate(o.expr)) checkAmbiguity(o.expr, [...keys, ...proj.items.map((i) => ({ expr: { k: 'var', name: i.alias } as Expr, alias: i.alias }))], new Set());
    if (aggregating.length > 0 || proj.distinct) checkSortKey(o.expr, proj, aggregates, new Set());
    checkExpr(o.expr, after);
  }
  checkCount(proj.skip, 'SKIP');
  checkCount(proj.limit, 'LIMIT');
  if (where) {
    if (containsAggregate(where)) throw semantic('InvalidAggregation', 'aggregate functions are not allowed in WHERE');
    checkExpr(where, after, true);
  }
}
