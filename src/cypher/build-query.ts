/**
 * Cypher text -> Query (ast.ts). Anything that writes, reads files or calls procedures is refused
 * here, before anything runs: the engine only ever reads the graph it was given.
 */
import type { Clause, OrderItem, Projection, Query, ReturnItem, SingleQuery } from './ast.ts';
import { buildExpr } from './build-expr.ts';
import { buildPatternList } from './build-pattern.ts';
import { checkQuery } from './check.ts';
import { CypherError } from './errors.ts';
import { parseTree } from './grammar.ts';
import { type Ctx, nameOf, operators, sourceText, unsupported } from './tree.ts';

export interface BuildOptions {
  /** Accept CREATE (only the TCK runner does, to build its fixture graphs). */
  allowCreate?: boolean;
}

const refuse = (what: string) => new CypherError('write-refused', `queries run read-only here: ${what}`);

const WRITE_CLAUSES: [string, string][] = [
  ['createClause', 'CREATE writes to the graph'],
  ['insertClause', 'INSERT writes to the graph'],
  ['mergeClause', 'MERGE writes to the graph'],
  ['setClause', 'SET writes to the graph'],
  ['deleteClause', 'DELETE writes to the graph'],
  ['removeClause', 'REMOVE writes to the graph'],
  ['foreachClause', 'FOREACH is for writing to the graph'],
  ['loadCSVClause', 'LOAD CSV reads files or URLs and is not allowed'],
  ['callClause', 'CALL of procedures is not allowed'],
];

/** EXPLAIN and PROFILE are accepted and ignored: the engine has no plan to show. */
const PREFIX = /^(\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/|\s)*)(EXPLAIN|PROFILE)\b/i;

export function buildQuery(text: string, options: BuildOptions = {}): Query {
  const prefix = PREFIX.exec(text);
  const source = prefix ? prefix[1] + ' '.repeat(prefix[2]!.length) + text.slice(prefix[0].length) : text;
  const tree = parseTree(source);
  const statements: Ctx[] = tree.statement_list();
  if (statements.length !== 1) throw new CypherError('invalid-query', `expected one statement, got ${statements.length}`);
  const statement = statements[0];
  if (statement.command()) throw refuse('administration commands (SHOW, CREATE INDEX, ...) are not available');
  const regular = statement.regularQuery();
  if (regular.when()) throw unsupported('WHEN ... THEN conditional queries');
  const union = regular.union();
  const parts: SingleQuery[] = union.singleQuery_list().map((q: Ctx) => singleQuery(q, source, options));
  const unionAll: boolean[] = [];
  const tokens = operators(union);
  for (let i = 0; i < tokens.length; i++) if (tokens[i] === 'UNION') unionAll.push(tokens[i + 1] === 'ALL');
  const query: Query = { parts, unionAll, explain: prefix !== null };
  checkQuery(query);
  return query;
}

function singleQuery(ctx: Ctx, source: string, options: BuildOptions): SingleQuery {
  if (ctx.regularQuery()) throw unsupported('USE ... { subquery }');
  return { clauses: ctx.clause_list().map((c: Ctx) => clause(c, source, options)) };
}

function clause(ctx: Ctx, source: string, options: BuildOptions): Clause {
  if (ctx.createClause() && options.allowCreate) return { k: 'create', patterns: buildPatternList(ctx.createClause().patternList(), buildExpr) };
  for (const [rule, why] of WRITE_CLAUSES) if (ctx[rule]()) throw refuse(why);
  if (ctx.matchClause()) {
    const m = ctx.matchClause();
    if (m.matchMode()) throw unsupported(`the match mode "${m.matchMode().getText()}"`);
    return { k: 'match', optional: m.OPTIONAL() !== null, patterns: buildPatternList(m.patternList(), buildExpr), where: m.whereClause() ? buildExpr(m.whereClause().expression()) : null };
  }
  if (ctx.unwindClause()) return { k: 'unwind', list: buildExpr(ctx.unwindClause().expression()), v: nameOf(ctx.unwindClause().variable()) };
  if (ctx.withClause()) {
    const w = ctx.withClause();
    return { k: 'with', proj: projection(w.returnBody(), source), where: w.whereClause() ? buildExpr(w.whereClause().expression()) : null };
  }
  if (ctx.returnClause()) return { k: 'return', proj: projection(ctx.returnClause().returnBody(), source) };
  if (ctx.subqueryClause()) {
    const text = ctx.subqueryClause().getText();
    if (/INTRANSACTIONS/i.test(text)) throw refuse('CALL { ... } IN TRANSACTIONS is not allowed');
    throw unsupported('CALL { subquery }');
  }
  throw unsupported(`the clause "${sourceText(source, ctx).split(/\s/)[0]}"`);
}

function projection(ctx: Ctx, source: string): Projection {
  const items: Ctx = ctx.returnItems();
  const returnItems: ReturnItem[] = items.returnItem_list().map((it: Ctx) => ({
    expr: buildExpr(it.expression()),
    alias: it.variable() ? nameOf(it.variable()) : sourceText(source, it.expression()),
  }));
  const order: OrderItem[] = ctx.orderBy()
    ? ctx.orderBy().orderItem_list().map((o: Ctx) => ({ expr: buildExpr(o.expression()), desc: o.descToken() !== null }))
    : [];
  return {
    distinct: ctx.DISTINCT() !== null,
    star: items.TIMES() !== null,
    items: returnItems,
    order,
    skip: ctx.skip() ? buildExpr(ctx.skip().expression()) : null,
    limit: ctx.limit() ? buildExpr(ctx.limit().expression()) : null,
  };
}
