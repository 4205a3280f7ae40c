/**
 * Parse tree -> path patterns (ast.ts). Expressions inside patterns (properties, WHERE) are built by
 * the function passed in, so this module and build-expr.ts do not import each other.
 */
import type { Expr, LabelTest, NodePat, PathPattern, RelPat } from './ast.ts';
import { P } from './grammar.ts';
import { type Ctx, nameOf, unsupported } from './tree.ts';

type BuildExpr = (ctx: Ctx) => Expr;

export function buildPatternList(ctx: Ctx, expr: BuildExpr): PathPattern[] {
  return ctx.pattern_list().map((p: Ctx) => buildPattern(p, expr));
}

function buildPattern(ctx: Ctx, expr: BuildExpr): PathPattern {
  if (ctx.selector()) throw unsupported(`the path selector "${ctx.selector().getText()}"`);
  const pattern = buildPathPattern(ctx.anonymousPattern(), expr);
  return { ...pattern, v: ctx.variable() ? nameOf(ctx.variable()) : null };
}

/** anonymousPattern, shortestPathPattern, patternElement or pathPatternNonEmpty. */
export function buildPathPattern(ctx: Ctx, expr: BuildExpr): PathPattern {
  if (ctx instanceof P.AnonymousPatternContext) {
    return ctx.shortestPathPattern() ? buildPathPattern(ctx.shortestPathPattern(), expr) : buildPathPattern(ctx.patternElement(), expr);
  }
  if (ctx instanceof P.ShortestPathPatternContext) {
    const inner = buildPathPattern(ctx.patternElement(), expr);
    if (inner.rels.length !== 1) throw new Error('shortestPath needs a pattern of exactly one relationship');
    return { ...inner, shortest: ctx.ALL_SHORTEST_PATHS() ? 'all' : 'one' };
  }
  const nodes: NodePat[] = [];
  const rels: RelPat[] = [];
  for (const child of ctx.children ?? []) {
    if (child instanceof P.NodePatternContext) nodes.push(nodePattern(child, expr));
    else if (child instanceof P.RelationshipPatternContext) rels.push(relPattern(child, expr));
    else if (child instanceof P.QuantifierContext || child instanceof P.ParenthesizedPathContext) throw unsupported('a quantified path pattern');
  }
  return { v: null, nodes, rels, shortest: null };
}

function nodePattern(ctx: Ctx, expr: BuildExpr): NodePat {
  return {
    v: ctx.variable() ? nameOf(ctx.variable()) : null,
    labels: ctx.labelExpression() ? buildLabelTest(ctx.labelExpression()) : null,
    props: properties(ctx.properties(), expr),
    where: ctx.expression() ? expr(ctx.expression()) : null,
  };
}

function properties(ctx: Ctx, expr: BuildExpr): Expr | null {
  if (!ctx) return null;
  if (ctx.parameter()) return { k: 'param', name: nameOf(ctx.parameter().parameterName()) };
  const keys: Ctx[] = ctx.map().propertyKeyName_list();
  const values: Ctx[] = ctx.map().expression_list();
  return { k: 'map', entries: keys.map((key, i) => [nameOf(key), expr(values[i])]) };
}

function relPattern(ctx: Ctx, expr: BuildExpr): RelPat {
  const left = ctx.leftArrow() !== null;
  const right = ctx.rightArrow() !== null;
  const types = ctx.labelExpression() ? relTypes(buildLabelTest(ctx.labelExpression())) : [];
  return {
    v: ctx.variable() ? nameOf(ctx.variable()) : null,
    types,
    dir: left === right ? 'both' : right ? 'out' : 'in',
    props: properties(ctx.properties(), expr),
    where: ctx.expression() ? expr(ctx.expression()) : null,
    range: ctx.pathLength() ? pathLength(ctx.pathLength().getText()) : null,
  };
}

function pathLength(text: string): { min: number; max: number } {
  const body = text.slice(1);
  if (body === '') return { min: 1, max: Infinity };
  if (!body.includes('..')) return { min: Number(body), max: Number(body) };
  const [from, to] = body.split('..');
  return { min: from ? Number(from) : 1, max: to ? Number(to) : Infinity };
}

/** A relationship's label expression must be a plain alternative of types: `:A|B`. */
function relTypes(test: LabelTest): string[] {
  if (test.k === 'name') return [test.name];
  if (test.k === 'or') return test.parts.flatMap(relTypes);
  throw unsupported('a relationship type expression other than :A|B');
}

export function buildLabelTest(ctx: Ctx): LabelTest {
  return or(ctx.labelExpression4());
}

function or(ctx: Ctx): LabelTest {
  const parts: LabelTest[] = ctx.labelExpression3_list().map(and);
  return parts.length === 1 ? parts[0]! : { k: 'or', parts };
}

function and(ctx: Ctx): LabelTest {
  const parts: LabelTest[] = ctx.labelExpression2_list().map(not);
  return parts.length === 1 ? parts[0]! : { k: 'and', parts };
}

function not(ctx: Ctx): LabelTest {
  let t = atom(ctx.labelExpression1());
  for (let i = 0; i < ctx.EXCLAMATION_MARK_list().length; i++) t = { k: 'not', a: t };
  return t;
}

function atom(ctx: Ctx): LabelTest {
  if (ctx instanceof P.LabelNameContext) return { k: 'name', name: nameOf(ctx.symbolicNameString()) };
  if (ctx instanceof P.AnyLabelContext) return { k: 'any' };
  if (ctx instanceof P.ParenthesizedLabelExpressionContext) return or(ctx.labelExpression4());
  throw unsupported(`the label expression "${ctx.getText()}"`);
}
