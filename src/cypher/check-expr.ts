/**
 * Compile-time checks inside one expression, as Neo4j's semantic analysis makes them: operands
 * whose type is known before any row is read (literals, bound nodes, paths) must suit the operator,
 * functions must exist, aggregates may not nest or hide in a list comprehension's body, and a bare
 * pattern is only a predicate. Anything whose type is known only at runtime is left to evaluation.
 */
import { isAggregate } from './aggregates.ts';
import type { Expr } from './ast.ts';
import { CypherError } from './errors.ts';
import { FUNCTIONS } from './functions.ts';

/** What a variable is known to hold (check.ts binds them). */
export type Kind = 'node' | 'rel' | 'rels' | 'path' | 'value' | 'any';
export type KindOf = (v: string) => Kind | undefined;

type StaticType = 'BOOLEAN' | 'INTEGER' | 'FLOAT' | 'STRING' | 'LIST' | 'MAP' | 'NODE' | 'RELATIONSHIP' | 'PATH' | null;

export const semantic = (code: string, message: string) => new CypherError('invalid-query', `${code}: ${message}`);

const PREDICATES = new Set(['or', 'xor', 'and', '=', '<>', '<', '>', '<=', '>=', 'in', 'starts', 'ends', 'contains', '=~']);
const KIND_TYPE: Partial<Record<Kind, StaticType>> = { node: 'NODE', rel: 'RELATIONSHIP', rels: 'LIST', path: 'PATH' };

/** The type an expression has whatever the row, or null when only a row can tell (or it may be null). */
function staticType(e: Expr, kindOf: KindOf): StaticType {
  switch (e.k) {
    case 'lit': {
      const v = e.v;
      if (typeof v === 'boolean') return 'BOOLEAN';
      if (typeof v === 'bigint') return 'INTEGER';
      if (typeof v === 'number') return 'FLOAT';
      if (typeof v === 'string') return 'STRING';
      if (Array.isArray(v)) return 'LIST';
      return v !== null && typeof v === 'object' ? 'MAP' : null;
    }
    case 'list':
    case 'listComp':
    case 'patternComp':
      return 'LIST';
    case 'map':
      return 'MAP';
    case 'bin':
      return PREDICATES.has(e.op) ? 'BOOLEAN' : null;
    case 'not':
    case 'isnull':
    case 'labels':
    case 'pattern':
      return 'BOOLEAN';
    case 'exists':
      return e.count ? 'INTEGER' : 'BOOLEAN';
    case 'var':
      return KIND_TYPE[kindOf(e.name) ?? 'any'] ?? null;
    default:
      return null;
  }
}

export const isAggregateCall = (e: Expr): boolean => e.k === 'countStar' || (e.k === 'call' && isAggregate(e.name));

/** Whether an aggregate appears anywhere in `e` (not counting subqueries, which aggregate on their own). */
export function containsAggregate(e: Expr): boolean {
  if (isAggregateCall(e)) return true;
  if (e.k === 'exists' || e.k === 'patternComp' || e.k === 'pattern' || e.k === 'shortest') return false;
  return children(e).some(containsAggregate);
}

/** The sub-expressions of `e` (patterns' inline properties excluded: check.ts reads those). */
export function children(e: Expr): Expr[] {
  const out: Expr[] = [];
  for (const v of Object.values(e)) {
    if (Array.isArray(v)) out.push(...v.flat().filter(isExpr));
    else if (isExpr(v)) out.push(v);
  }
  return out;
}

const isExpr = (v: unknown): v is Expr => typeof v === 'object' && v !== null && typeof (v as { k?: unknown }).k === 'string' && !('nodes' in v);

function expectType(e: Expr, kindOf: KindOf, want: StaticType, what: string): void {
  const t = staticType(e, kindOf);
  if (t !== null && t !== want) throw semantic('InvalidArgumentType', `${what} expects ${want === 'LIST' ? 'a LIST' : `a ${want}`}, got ${t}`);
}

function noAggregateIn(e: Expr | null, where: string): void {
  if (e && containsAggregate(e)) throw semantic('InvalidAggregation', `aggregate functions are not allowed ${where}`);
}

/**
 * Walks `e`; `predicate` says the value is read as a truth value (WHERE, AND, NOT, CASE WHEN...),
 * the only place a bare pattern may stand. `local` names variables a comprehension binds.
 */
export function checkExpr(e: Expr, kindOf: KindOf, predicate = false): void {
  const walk = (x: Expr | null, asPredicate = false, inner: KindOf = kindOf) => x && checkExpr(x, inner, asPredicate);
  const local = (v: string | string[]): KindOf => {
    const names = new Set(Array.isArray(v) ? v : [v]);
    return (n) => (names.has(n) ? 'any' : kindOf(n));
  };
  if (predicate) expectType(e, kindOf, 'BOOLEAN', 'a predicate');
  switch (e.k) {
    case 'bin':
      if (e.op === 'and' || e.op === 'or' || e.op === 'xor') {
        expectType(e.a, kindOf, 'BOOLEAN', e.op.toUpperCase());
        expectType(e.b, kindOf, 'BOOLEAN', e.op.toUpperCase());
        walk(e.a, true);
        return void walk(e.b, true);
      }
      if (e.op === 'in') expectType(e.b, kindOf, 'LIST', 'IN');
      walk(e.a);
      return void walk(e.b);
    case 'not':
      expectType(e.a, kindOf, 'BOOLEAN', 'NOT');
      return void walk(e.a, true);
    case 'call': {
      if (!FUNCTIONS[e.name] && !isAggregate(e.name)) throw semantic('UnknownFunction', `Unknown function '${e.name}'`);
      const first = e.args[0] ? staticType(e.args[0], kindOf) : null;
      if (e.name === 'length' && (first === 'NODE' || first === 'RELATIONSHIP')) throw semantic('InvalidArgumentType', `length() expects a PATH, got ${first}`);
      if (e.name === 'size' && first === 'PATH') throw semantic('InvalidArgumentType', 'size() expects a LIST or a STRING, got PATH (length() counts a path)');
      if (e.args[0]?.k === 'pattern') throw semantic('UnexpectedSyntax', `${e.name}() of a pattern: use COUNT { pattern } to count its matches`);
      if (isAggregate(e.name)) for (const a of e.args) if (containsAggregate(a)) throw semantic('NestedAggregation', `an aggregate function cannot take another aggregate (${e.name})`);
      for (const a of e.args) walk(a);
      return;
    }
    case 'pattern':
      if (!predicate) throw semantic('UnexpectedSyntax', 'a pattern expression can only be used as a predicate (in WHERE, or with EXISTS { ... } or COUNT { ... })');
      if (e.pattern.rels.length === 0) throw semantic('InvalidArgumentType', 'a single node is not a pattern predicate');
      return;
    case 'prop':
      if (e.of.k === 'var' && kindOf(e.of.name) === 'path') throw semantic('InvalidArgumentType', `a path (\`${e.of.name}\`) has no properties`);
      return void walk(e.of);
    case 'case':
      walk(e.subject);
      for (const [when, then] of e.whens) {
        walk(when, e.subject === null);
        walk(then);
      }
      return void walk(e.otherwise);
    case 'listComp':
      walk(e.list);
      noAggregateIn(e.where, 'in a list comprehension');
      noAggregateIn(e.map, 'in a list comprehension');
      walk(e.where, true, local(e.v));
      return void walk(e.map, false, local(e.v));
    case 'quant':
      walk(e.list);
      noAggregateIn(e.where, `in ${e.q}()`);
      return void walk(e.where, true, local(e.v));
    case 'reduce':
      walk(e.init);
      walk(e.list);
      noAggregateIn(e.step, 'in reduce()');
      return void walk(e.step, false, local([e.acc, e.v]));
    case 'exists':
    case 'patternComp':
    case 'shortest':
    case 'mapProj':
      return; // their inner variables and predicates are checked with their own scope (check.ts)
    default:
      for (const c of children(e)) walk(c);
  }
}

/** SKIP and LIMIT: constant (no variable), and a literal must be a non-negative integer. */
export function checkCount(e: Expr | null, what: 'SKIP' | 'LIMIT'): void {
  if (!e) return;
  const vars = (x: Expr): boolean => x.k === 'var' || children(x).some(vars);
  if (vars(e) || containsAggregate(e)) throw semantic('NonConstantExpression', `${what} must not depend on variables or aggregates`);
  const literal = e.k === 'neg' && e.a.k === 'lit' ? { v: typeof e.a.v === 'bigint' ? -e.a.v : typeof e.a.v === 'number' ? -e.a.v : e.a.v } : e.k === 'lit' ? e : null;
  if (!literal) return;
  if (typeof literal.v === 'bigint' && literal.v < 0n) throw semantic('NegativeIntegerArgument', `${what} expects a non-negative integer, got ${literal.v}`);
  if (typeof literal.v !== 'bigint') throw semantic('InvalidArgumentType', `${what} expects an integer, got ${String(literal.v)}`);
}
