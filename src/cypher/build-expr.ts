/** Parse tree -> Expr (ast.ts), one function per grammar level, lowest precedence first. */
import type { BinOp, Expr, LabelTest, MapProjItem } from './ast.ts';
import { buildLabelTest, buildPathPattern, buildPatternList } from './build-pattern.ts';
import { P } from './grammar.ts';
import { type Ctx, nameOf, numberOf, operators, stringOf, unsupported } from './tree.ts';

const fold = (op: BinOp, parts: Expr[]): Expr => parts.reduce((a, b) => ({ k: 'bin', op, a, b }));

export function buildExpr(ctx: Ctx): Expr {
  return fold('or', ctx.expression11_list().map((c: Ctx) => fold('xor', c.expression10_list().map((d: Ctx) => fold('and', d.expression9_list().map(expr9))))));
}

function expr9(ctx: Ctx): Expr {
  let e = expr8(ctx.expression8());
  for (let i = 0; i < ctx.NOT_list().length; i++) e = { k: 'not', a: e };
  return e;
}

const COMPARE: Record<string, BinOp> = { '=': '=', '<>': '<>', '!=': '<>', '<': '<', '>': '>', '<=': '<=', '>=': '>=' };

function expr8(ctx: Ctx): Expr {
  const parts: Expr[] = ctx.expression7_list().map(expr7);
  const ops = operators(ctx);
  if (parts.length === 1) return parts[0]!;
  // a < b < c means a < b AND b < c.
  const tests: Expr[] = ops.map((op, i) => ({ k: 'bin', op: COMPARE[op]!, a: parts[i]!, b: parts[i + 1]! }));
  return fold('and', tests);
}

function expr7(ctx: Ctx): Expr {
  const a = expr6(ctx.expression6());
  const c = ctx.comparisonExpression6();
  if (!c) return a;
  if (c instanceof P.StringAndListComparisonContext) {
    const b = expr6(c.expression6());
    const op = operators(c)[0];
    const map: Record<string, BinOp> = { '=~': '=~', STARTS: 'starts', ENDS: 'ends', CONTAINS: 'contains', IN: 'in' };
    return { k: 'bin', op: map[op!]!, a, b };
  }
  if (c instanceof P.NullComparisonContext) return { k: 'isnull', a, not: c.NOT() !== null };
  if (c instanceof P.LabelComparisonContext) return { k: 'labels', a, test: buildLabelTest(c.labelExpression()) };
  throw unsupported(`the comparison "${c.getText()}"`);
}

function expr6(ctx: Ctx): Expr {
  return binaryChain(ctx, ctx.expression5_list().map(expr5), { '+': '+', '-': '-', '||': '+' });
}

function expr5(ctx: Ctx): Expr {
  return binaryChain(ctx, ctx.expression4_list().map(expr4), { '*': '*', '/': '/', '%': '%' });
}

function expr4(ctx: Ctx): Expr {
  return binaryChain(ctx, ctx.expression3_list().map(expr3), { '^': '^' });
}

function binaryChain(ctx: Ctx, parts: Expr[], ops: Record<string, BinOp>): Expr {
  const tokens = operators(ctx);
  return parts.reduce((a, b, i) => ({ k: 'bin', op: ops[tokens[i - 1]!]!, a, b }));
}

function expr3(ctx: Ctx): Expr {
  const e = expr2(ctx.expression2());
  if (ctx.MINUS()) return e.k === 'lit' && (typeof e.v === 'bigint' || typeof e.v === 'number') ? { k: 'lit', v: -(e.v as number) } : { k: 'neg', a: e };
  return e;
}

function expr2(ctx: Ctx): Expr {
  let e = expr1(ctx.expression1());
  for (const p of ctx.postFix_list()) {
    if (p instanceof P.PropertyPostfixContext) e = { k: 'prop', of: e, key: nameOf(p.property().propertyKeyName()) };
    else if (p instanceof P.IndexPostfixContext) e = { k: 'index', of: e, at: buildExpr(p.expression()) };
    else if (p instanceof P.RangePostfixContext) {
      let from: Expr | null = null;
      let to: Expr | null = null;
      let beforeDots = true;
      for (const child of p.children ?? []) {
        if (child.getText() === '..') beforeDots = false;
        else if (child instanceof P.ExpressionContext) {
          if (beforeDots) from = buildExpr(child);
          else to = buildExpr(child);
        }
      }
      e = { k: 'slice', of: e, from, to };
    } else throw unsupported(`"${p.getText()}"`);
  }
  return e;
}

function expr1(ctx: Ctx): Expr {
  const lit = ctx.literal();
  if (lit) return literal(lit);
  if (ctx.parameter()) return { k: 'param', name: nameOf(ctx.parameter().parameterName()) };
  if (ctx.variable()) return { k: 'var', name: nameOf(ctx.variable()) };
  if (ctx.parenthesizedExpression()) return buildExpr(ctx.parenthesizedExpression().expression());
  if (ctx.functionInvocation()) return call(ctx.functionInvocation());
  if (ctx.countStar()) return { k: 'countStar' };
  if (ctx.listLiteral()) return { k: 'list', items: ctx.listLiteral().expression_list().map(buildExpr) };
  if (ctx.caseExpression()) return caseExpr(ctx.caseExpression());
  if (ctx.extendedCaseExpression()) return extendedCase(ctx.extendedCaseExpression());
  if (ctx.listComprehension()) return listComprehension(ctx.listComprehension());
  if (ctx.patternComprehension()) return patternComprehension(ctx.patternComprehension());
  if (ctx.reduceExpression()) return reduce(ctx.reduceExpression());
  if (ctx.listItemsPredicate()) return quantifier(ctx.listItemsPredicate());
  if (ctx.patternExpression()) return { k: 'pattern', pattern: buildPathPattern(ctx.patternExpression().pathPatternNonEmpty(), buildExpr) };
  if (ctx.shortestPathExpression()) {
    const pattern = buildPathPattern(ctx.shortestPathExpression().shortestPathPattern(), buildExpr);
    return { k: 'shortest', pattern, all: pattern.shortest === 'all' };
  }
  if (ctx.existsExpression() || ctx.countExpression()) return subqueryPredicate(ctx.existsExpression() ?? ctx.countExpression(), !!ctx.countExpression());
  if (ctx.mapProjection()) return mapProjection(ctx.mapProjection());
  if (ctx.trimFunction()) return trim(ctx.trimFunction());
  throw unsupported(`the expression "${ctx.getText()}"`);
}

function literal(ctx: Ctx): Expr {
  if (ctx instanceof P.NummericLiteralContext) return { k: 'lit', v: numberOf(ctx.getText()) };
  if (ctx instanceof P.StringsLiteralContext) return { k: 'lit', v: stringOf(ctx.stringLiteral()) };
  if (ctx instanceof P.BooleanLiteralContext) return { k: 'lit', v: ctx.TRUE() !== null };
  if (ctx instanceof P.KeywordLiteralContext) {
    if (ctx.NULL()) return { k: 'lit', v: null };
    return { k: 'lit', v: ctx.NAN() ? NaN : Infinity };
  }
  if (ctx instanceof P.OtherLiteralContext) return buildMap(ctx.map());
  throw unsupported(`the literal ${ctx.getText()}`);
}

export function buildMap(ctx: Ctx): Expr {
  const keys: Ctx[] = ctx.propertyKeyName_list();
  const values: Ctx[] = ctx.expression_list();
  return { k: 'map', entries: keys.map((key, i) => [nameOf(key), buildExpr(values[i])]) };
}

function call(ctx: Ctx): Expr {
  const fn = ctx.functionName();
  const ns: string = fn.namespace() ? fn.namespace().getText() : '';
  const name = `${ns}${nameOf(fn.symbolicNameString())}`.toLowerCase();
  return { k: 'call', name, args: ctx.functionArgument_list().map((a: Ctx) => buildExpr(a.expression())), distinct: ctx.DISTINCT() !== null };
}

function caseExpr(ctx: Ctx): Expr {
  const whens = ctx.caseAlternative_list().map((a: Ctx) => [buildExpr(a.expression(0)), buildExpr(a.expression(1))] as [Expr, Expr]);
  return { k: 'case', subject: null, whens, otherwise: ctx.expression() ? buildExpr(ctx.expression()) : null };
}

function extendedCase(ctx: Ctx): Expr {
  const exprs: Ctx[] = ctx.expression_list();
  const whens: [Expr, Expr][] = [];
  for (const alt of ctx.extendedCaseAlternative_list()) {
    const then = buildExpr(alt.expression());
    for (const w of alt.extendedWhen_list()) {
      if (!(w instanceof P.WhenEqualsContext)) throw unsupported(`CASE ... WHEN ${w.getText()}`);
      whens.push([buildExpr(w.expression()), then]);
    }
  }
  return { k: 'case', subject: buildExpr(exprs[0]), whens, otherwise: exprs.length > 1 ? buildExpr(exprs[1]) : null };
}

function listComprehension(ctx: Ctx): Expr {
  const exprs: Ctx[] = ctx.expression_list();
  let i = 1;
  const where = ctx.WHERE() ? buildExpr(exprs[i++]) : null;
  const map = ctx.BAR() ? buildExpr(exprs[i++]) : null;
  return { k: 'listComp', v: nameOf(ctx.variable()), list: buildExpr(exprs[0]), where, map };
}

function patternComprehension(ctx: Ctx): Expr {
  const exprs: Ctx[] = ctx.expression_list();
  const where = ctx.WHERE() ? buildExpr(exprs[0]) : null;
  const map = buildExpr(exprs[exprs.length - 1]);
  const pattern = buildPathPattern(ctx.pathPatternNonEmpty(), buildExpr);
  return { k: 'patternComp', path: ctx.variable() ? nameOf(ctx.variable()) : null, pattern, where, map };
}

function reduce(ctx: Ctx): Expr {
  const [acc, v] = ctx.variable_list().map(nameOf) as [string, string];
  const [init, list, step] = ctx.expression_list().map(buildExpr) as [Expr, Expr, Expr];
  return { k: 'reduce', acc, init, v, list, step };
}

function quantifier(ctx: Ctx): Expr {
  const q = ctx.ALL() ? 'all' : ctx.ANY() ? 'any' : ctx.NONE() ? 'none' : 'single';
  const v = nameOf(ctx.variable());
  const exprs: Ctx[] = ctx.expression_list();
  const where: Expr = exprs.length > 1 ? buildExpr(exprs[1]) : { k: 'var', name: v };
  return { k: 'quant', q, v, list: buildExpr(exprs[0]), where };
}

function subqueryPredicate(ctx: Ctx, count: boolean): Expr {
  if (!ctx.patternList()) throw unsupported(`${count ? 'COUNT' : 'EXISTS'} { <full subquery> }`);
  const where = ctx.whereClause() ? buildExpr(ctx.whereClause().expression()) : null;
  return { k: 'exists', patterns: buildPatternList(ctx.patternList(), buildExpr), where, count };
}

function mapProjection(ctx: Ctx): Expr {
  const items: MapProjItem[] = ctx.mapProjectionElement_list().map((el: Ctx): MapProjItem => {
    if (el.TIMES()) return { k: 'all' };
    if (el.expression()) return { k: 'entry', key: nameOf(el.propertyKeyName()), value: buildExpr(el.expression()) };
    if (el.property()) return { k: 'prop', key: nameOf(el.property().propertyKeyName()) };
    return { k: 'var', name: nameOf(el.variable()) };
  });
  return { k: 'mapProj', v: nameOf(ctx.variable()), items };
}

function trim(ctx: Ctx): Expr {
  const exprs: Ctx[] = ctx.expression_list().map(buildExpr);
  const mode = ctx.LEADING() ? 'ltrim' : ctx.TRAILING() ? 'rtrim' : 'trim';
  if (exprs.length > 1) return { k: 'call', name: `${mode}chars`, args: [exprs[1], exprs[0]], distinct: false };
  return { k: 'call', name: mode, args: exprs, distinct: false };
}

export type { LabelTest };
