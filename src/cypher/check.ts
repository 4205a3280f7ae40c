/**
 * Checks a query before it runs, as Neo4j's semantic analysis does for the common mistakes:
 * variables used before they are bound, and a variable bound as a node in one place and as a
 * relationship, path or plain value in another.
 */
import type { Clause, Expr, PathPattern, Query } from './ast.ts';
import { checkExpr, containsAggregate, type Kind } from './check-expr.ts';
import { checkProjection } from './check-projection.ts';
import { CypherError } from './errors.ts';

type Scope = Map<string, Kind>;

const fail = (what: string, message: string) => new CypherError('invalid-query', `${what}: ${message}`);

function bind(scope: Scope, v: string, kind: Kind, fresh: Set<string>): void {
  const prior = scope.get(v);
  if (prior !== undefined) {
    const same = prior === kind || prior === 'any' || kind === 'any';
    if (!same || kind === 'path' || (fresh.has(v) && (kind === 'rel' || kind === 'rels'))) throw fail('VariableTypeConflict', `\`${v}\` is already bound as a ${prior}`);
  }
  scope.set(v, kind);
  fresh.add(v);
}

/** Binds a MATCH's patterns into the scope (new names only when `introduce`). */
function patterns(ps: PathPattern[], scope: Scope, introduce: boolean): void {
  const fresh = new Set<string>();
  for (const p of ps) {
    const use = (v: string, kind: Kind) => (introduce ? bind(scope, v, kind, kind === 'node' ? new Set() : fresh) : need(scope, v));
    for (const n of p.nodes) if (n.v) use(n.v, 'node');
    for (const r of p.rels) if (r.v) use(r.v, r.range ? 'rels' : 'rel');
    if (p.v) use(p.v, 'path');
  }
  for (const p of ps) {
    for (const n of p.nodes) {
      if (n.props) expr(n.props, scope);
      if (n.where) expr(n.where, scope);
    }
    for (const r of p.rels) {
      if (r.props) expr(r.props, scope);
      if (r.where) expr(r.where, scope);
    }
  }
}

function need(scope: Scope, v: string): void {
  if (!scope.has(v)) throw fail('UndefinedVariable', `Variable \`${v}\` not defined`);
}

function kindOf(e: Expr, scope: Scope): Kind {
  if (e.k === 'var') return scope.get(e.name) ?? 'any';
  if (e.k === 'lit' || e.k === 'list' || e.k === 'map') return e.k === 'lit' && e.v === null ? 'any' : 'value';
  return 'any';
}

function expr(e: Expr, scope: Scope): void {
  const local = (v: string, ...es: (Expr | null)[]) => {
    const inner = new Map(scope).set(v, 'any');
    for (const x of es) if (x) expr(x, inner);
  };
  switch (e.k) {
    case 'var':
      return need(scope, e.name);
    case 'listComp':
      expr(e.list, scope);
      return local(e.v, e.where, e.map);
    case 'quant':
      expr(e.list, scope);
      return local(e.v, e.where);
    case 'reduce': {
      expr(e.init, scope);
      expr(e.list, scope);
      const inner = new Map(scope).set(e.acc, 'any' as Kind).set(e.v, 'any');
      return expr(e.step, inner);
    }
    case 'pattern':
      return patterns([e.pattern], new Map(scope), false);
    case 'shortest':
      return patterns([e.pattern], new Map(scope), false);
    case 'patternComp':
    case 'exists': {
      const inner = new Map(scope);
      patterns(e.k === 'exists' ? e.patterns : [{ ...e.pattern, v: e.path }], inner, true);
      if (e.where) expr(e.where, inner);
      if (e.k === 'patternComp') expr(e.map, inner);
      return;
    }
    case 'mapProj':
      need(scope, e.v);
      for (const item of e.items) {
        if (item.k === 'var') need(scope, item.name);
        if (item.k === 'entry') expr(item.value, scope);
      }
      return;
    default:
      for (const v of Object.values(e)) {
        if (Array.isArray(v)) for (const x of v.flat()) if (isExpr(x)) expr(x, scope);
        else if (isExpr(v)) expr(v, scope);
      }
  }
}

const isExpr = (v: unknown): v is Expr => typeof v === 'object' && v !== null && typeof (v as { k?: unknown }).k === 'string';

function clause(c: Clause, scope: Scope): Scope {
  switch (c.k) {
    case 'match':
    case 'create':
      patterns(c.patterns, scope, true);
      if (c.k === 'match' && c.where) {
        expr(c.where, scope);
        if (containsAggregate(c.where)) throw fail('InvalidAggregation', 'aggregate functions are not allowed in WHERE');
        checkExpr(c.where, (v) => scope.get(v), true);
      }
      return scope;
    case 'unwind':
      expr(c.list, scope);
      if (containsAggregate(c.list)) throw fail('InvalidAggregation', 'aggregate functions are not allowed in UNWIND');
      checkExpr(c.list, (v) => scope.get(v));
      scope.set(c.v, 'any');
      return scope;
    case 'with':
    case 'return': {
      const next: Scope = c.proj.star ? new Map(scope) : new Map();
      if (c.proj.star) {
        c.proj.starColumns = [...scope.keys()].sort();
        if (scope.size === 0 && c.proj.items.length === 0) throw fail('NoVariablesInScope', `${c.k.toUpperCase()} * needs at least one variable in scope`);
      }
      const aliases = new Set<string>();
      for (const item of c.proj.items) {
        expr(item.expr, scope);
        if (aliases.has(item.alias)) throw fail('ColumnNameConflict', `the column name \`${item.alias}\` is used twice`);
        aliases.add(item.alias);
        next.set(item.alias, kindOf(item.expr, scope));
      }
      const both = new Map([...scope, ...next]);
      for (const o of c.proj.order) expr(o.expr, both);
      if (c.k === 'with' && c.where) expr(c.where, both);
      checkProjection(c.proj, c.k === 'with' ? c.where : null, (v) => scope.get(v), (v) => both.get(v));
      return next;
    }
  }
}

export function checkQuery(q: Query): void {
  for (const part of q.parts) part.clauses.reduce((scope, c) => clause(c, scope), new Map() as Scope);
}
