/** Small readers over the grammar's parse tree: names, string literals, numbers, operator tokens. */
import { TerminalNode, type ParserRuleContext } from 'antlr4';
import { CypherError } from './errors.ts';

// The generated contexts are typed one class per rule; the builders only call their accessors.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Ctx = any;

/** A symbolic name as written, backticks removed (`` `a``b` `` is a`b). */
export function nameOf(ctx: Ctx): string {
  const text: string = ctx.getText();
  if (text.startsWith('`') && text.endsWith('`')) return text.slice(1, -1).replace(/``/g, '`');
  return text;
}

const ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', n: '\n', t: '\t', b: '\b', f: '\f', r: '\r' };

export function stringOf(ctx: Ctx): string {
  const raw: string = ctx.getText();
  const body = raw.slice(1, -1);
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_m, e: string) => (e.length === 5 ? String.fromCharCode(parseInt(e.slice(1), 16)) : (ESCAPES[e] ?? `\\${e}`)));
}

/** Integers become bigint (so 7 / 2 divides as integers, as in Cypher), decimals a JS number. */
export function numberOf(text: string): bigint | number {
  const neg = text.startsWith('-');
  const t = (neg ? text.slice(1) : text).replace(/_/g, '');
  let v: bigint | number;
  if (/^0x/i.test(t)) v = BigInt(t);
  else if (/^0o/i.test(t)) v = BigInt(`0o${t.slice(2)}`);
  else if (/^0[0-7]+$/.test(t)) v = BigInt(`0o${t.slice(1)}`);
  else if (/^[0-9]+$/.test(t)) v = BigInt(t);
  else v = Number(t);
  if (typeof v === 'bigint' && (neg ? -v : v) > 9223372036854775807n) throw new CypherError('syntax', `integer is too large: ${text}`);
  return neg ? (typeof v === 'bigint' ? -v : -v) : v;
}

/** The operator tokens between the sub-expressions of a binary rule, in order. */
export function operators(ctx: ParserRuleContext): string[] {
  return (ctx.children ?? []).filter((c) => c instanceof TerminalNode).map((c) => c.getText().toUpperCase());
}

export function hasToken(ctx: ParserRuleContext, text: string): boolean {
  return operators(ctx).includes(text);
}

/** The query text a context covers, as the user typed it (Neo4j names unaliased columns this way). */
export function sourceText(source: string, ctx: ParserRuleContext): string {
  const start = ctx.start?.start ?? 0;
  const stop = ctx.stop?.stop ?? start - 1;
  return source.slice(start, stop + 1);
}

export function unsupported(what: string): CypherError {
  return new CypherError('unsupported', `${what} is not supported by the built-in engine (run it on Neo4j instead)`);
}
