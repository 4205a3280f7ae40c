/** Cypher's scalar functions, by lower-case name. Arguments arrive evaluated. */
import { type MapValue, PathVal, type Value, isMap, isNode, isPath, isRel } from './graph-store.ts';
import { CypherError, typeError } from './errors.ts';
import type { Runtime } from './runtime.ts';
import { isNumber, typeName } from './values.ts';

type Fn = (args: Value[], rt: Runtime) => Value;

const int = (v: Value, what: string): number => {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  throw typeError(`${what} expects an integer, got ${typeName(v)}`);
};
const str = (v: Value, what: string): string => {
  if (typeof v !== 'string') throw typeError(`${what} expects a string, got ${typeName(v)}`);
  return v;
};
const num = (v: Value, what: string): number => {
  if (!isNumber(v)) throw typeError(`${what} expects a number, got ${typeName(v)}`);
  return Number(v);
};
/** Functions that answer null when their first argument is null. */
const nullIn = (fn: Fn): Fn => (args, rt) => (args[0] === null || args[0] === undefined ? null : fn(args, rt));

export function elementIdOf(v: Value): string {
  if (isNode(v)) return `n${v.idx}`;
  if (isRel(v)) return `r${v.idx}`;
  throw typeError(`elementId expects a node or a relationship, got ${typeName(v)}`);
}

function toInteger(v: Value): Value {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? BigInt(Math.trunc(v)) : null;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'string') {
    const t = v.trim();
    if (/^[+-]?\d+$/.test(t)) return BigInt(t);
    const f = Number(t);
    return t !== '' && Number.isFinite(f) ? BigInt(Math.trunc(f)) : null;
  }
  throw typeError(`toInteger cannot convert ${typeName(v)}`);
}

function toFloat(v: Value): Value {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const f = Number(v.trim());
    return v.trim() !== '' && !Number.isNaN(f) ? f : null;
  }
  throw typeError(`toFloat cannot convert ${typeName(v)}`);
}

export function toStringValue(v: Value): Value {
  if (v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return Number.isInteger(v) && Number.isFinite(v) ? v.toFixed(1) : String(v);
  throw typeError(`toString cannot convert ${typeName(v)}`);
}

const length = (v: Value): Value => {
  if (isPath(v)) return BigInt(v.rels.length);
  if (typeof v === 'string') return BigInt([...v].length);
  if (Array.isArray(v)) return BigInt(v.length);
  throw typeError(`length expects a path, got ${typeName(v)}`);
};

function substring(args: Value[]): Value {
  const s = [...str(args[0]!, 'substring')];
  const start = int(args[1]!, 'substring');
  if (start < 0) throw typeError('substring: the start must not be negative');
  const len = args.length > 2 && args[2] !== null ? int(args[2]!, 'substring') : s.length;
  return s.slice(start, start + len).join('');
}

/** Longest list range() builds: past this a query would exhaust memory before its time budget. */
const MAX_RANGE = 10_000_000;

function range(args: Value[], rt: Runtime): Value {
  // Integers only: range(0.0, 1) is an error in Cypher, not range(0, 1).
  for (const a of args) if (typeof a !== 'bigint') throw typeError(`range expects integers, got ${typeName(a)}`);
  const from = int(args[0]!, 'range');
  const to = int(args[1]!, 'range');
  const step = args.length > 2 ? int(args[2]!, 'range') : 1;
  if (step === 0) throw typeError('range: the step must not be 0');
  const count = Math.max(0, Math.floor((to - from) / step) + 1);
  if (count > MAX_RANGE) throw new CypherError('timeout', `range(${from}, ${to}) would build ${count} values; the engine builds at most ${MAX_RANGE}`);
  const out: Value[] = [];
  for (let i = from; step > 0 ? i <= to : i >= to; i += step) {
    rt.tick();
    out.push(BigInt(i));
  }
  return out;
}

const round = (args: Value[]): Value => {
  const x = num(args[0]!, 'round');
  if (args.length < 2) return typeof args[0] === 'bigint' ? Number(args[0]) : Math.sign(x) * Math.round(Math.abs(x));
  const p = 10 ** int(args[1]!, 'round');
  return (Math.sign(x) * Math.round(Math.abs(x) * p)) / p;
};

export const FUNCTIONS: Record<string, Fn> = {
  rand: () => Math.random(),
  labels: nullIn(([v]) => {
    if (!isNode(v)) throw typeError(`labels expects a node, got ${typeName(v!)}`);
    return [...v.labels];
  }),
  type: nullIn(([v]) => {
    if (!isRel(v)) throw typeError(`type expects a relationship, got ${typeName(v!)}`);
    return v.type;
  }),
  id: nullIn(([v]) => {
    if (isNode(v) || isRel(v)) return BigInt(v.idx);
    throw typeError(`id expects a node or a relationship, got ${typeName(v!)}`);
  }),
  elementid: nullIn(([v]) => elementIdOf(v!)),
  properties: nullIn(([v]) => {
    if (isNode(v) || isRel(v)) return { ...v.props };
    if (isMap(v)) return v;
    throw typeError(`properties expects a node, relationship or map, got ${typeName(v!)}`);
  }),
  keys: nullIn(([v]) => {
    if (isNode(v) || isRel(v)) return Object.keys(v.props);
    if (isMap(v)) return Object.keys(v);
    throw typeError(`keys expects a node, relationship or map, got ${typeName(v!)}`);
  }),
  size: nullIn(([v]) => {
    if (typeof v === 'string') return BigInt([...v].length);
    if (Array.isArray(v)) return BigInt(v.length);
    throw typeError(`size expects a string or a list, got ${typeName(v!)}`);
  }),
  length: nullIn(([v]) => length(v!)),
  tolower: nullIn(([v]) => str(v!, 'toLower').toLowerCase()),
  toupper: nullIn(([v]) => str(v!, 'toUpper').toUpperCase()),
  coalesce: (args) => args.find((a) => a !== null) ?? null,
  split: (args) => (args[0] === null || args[1] === null ? null : str(args[0]!, 'split').split(str(args[1]!, 'split'))),
  substring: nullIn(substring),
  left: nullIn((a) => [...str(a[0]!, 'left')].slice(0, int(a[1]!, 'left')).join('')),
  right: nullIn((a) => {
    const s = [...str(a[0]!, 'right')];
    const n = int(a[1]!, 'right');
    return n === 0 ? '' : s.slice(-n).join('');
  }),
  replace: (a) => (a.some((x) => x === null) ? null : str(a[0]!, 'replace').split(str(a[1]!, 'replace')).join(str(a[2]!, 'replace'))),
  reverse: nullIn(([v]) => (Array.isArray(v) ? [...v].reverse() : [...str(v!, 'reverse')].reverse().join(''))),
  trim: nullIn(([v]) => str(v!, 'trim').trim()),
  ltrim: nullIn(([v]) => str(v!, 'ltrim').trimStart()),
  rtrim: nullIn(([v]) => str(v!, 'rtrim').trimEnd()),
  range,
  head: nullIn(([v]) => (Array.isArray(v) ? (v[0] ?? null) : (() => { throw typeError(`head expects a list, got ${typeName(v!)}`); })())),
  last: nullIn(([v]) => (Array.isArray(v) ? (v[v.length - 1] ?? null) : (() => { throw typeError(`last expects a list, got ${typeName(v!)}`); })())),
  tail: nullIn(([v]) => (Array.isArray(v) ? v.slice(1) : (() => { throw typeError(`tail expects a list, got ${typeName(v!)}`); })())),
  nodes: nullIn(([v]) => (isPath(v) ? [...v.nodes] : (() => { throw typeError(`nodes expects a path, got ${typeName(v!)}`); })())),
  relationships: nullIn(([v]) => (isPath(v) ? [...v.rels] : (() => { throw typeError(`relationships expects a path, got ${typeName(v!)}`); })())),
  startnode: nullIn(([v]) => (isRel(v) ? v.start : (() => { throw typeError('startNode expects a relationship'); })())),
  endnode: nullIn(([v]) => (isRel(v) ? v.end : (() => { throw typeError('endNode expects a relationship'); })())),
  tostring: nullIn(([v]) => toStringValue(v!)),
  tostringornull: ([v]) => { try { return toStringValue(v!); } catch { return null; } },
  tointeger: nullIn(([v]) => toInteger(v!)),
  tointegerornull: ([v]) => { try { return v === null ? null : toInteger(v!); } catch { return null; } },
  tofloat: nullIn(([v]) => toFloat(v!)),
  tofloatornull: ([v]) => { try { return v === null ? null : toFloat(v!); } catch { return null; } },
  toboolean: nullIn(([v]) => (typeof v === 'boolean' ? v : typeof v === 'string' ? ({ true: true, false: false } as Record<string, boolean>)[v.trim().toLowerCase()] ?? null : typeof v === 'bigint' ? v !== 0n : (() => { throw typeError(`toBoolean cannot convert ${typeName(v!)}`); })())),
  abs: nullIn(([v]) => (typeof v === 'bigint' ? (v < 0n ? -v : v) : Math.abs(num(v!, 'abs')))),
  ceil: nullIn(([v]) => Math.ceil(num(v!, 'ceil'))),
  floor: nullIn(([v]) => Math.floor(num(v!, 'floor'))),
  round: nullIn(round),
  sign: nullIn(([v]) => BigInt(Math.sign(num(v!, 'sign')))),
  sqrt: nullIn(([v]) => Math.sqrt(num(v!, 'sqrt'))),
  exp: nullIn(([v]) => Math.exp(num(v!, 'exp'))),
  log: nullIn(([v]) => Math.log(num(v!, 'log'))),
  log10: nullIn(([v]) => Math.log10(num(v!, 'log10'))),
  isempty: nullIn(([v]) => (typeof v === 'string' ? v.length === 0 : Array.isArray(v) ? v.length === 0 : isMap(v) ? Object.keys(v).length === 0 : (() => { throw typeError(`isEmpty cannot take ${typeName(v!)}`); })())),
  valuetype: ([v]) => typeName(v!),
  pi: () => Math.PI,
  e: () => Math.E,
};

/** ltrim/rtrim/trim with a character to strip (TRIM(LEADING 'x' FROM s)). */
for (const [name, lead, trail] of [['trimchars', true, true], ['ltrimchars', true, false], ['rtrimchars', false, true]] as const) {
  FUNCTIONS[name] = (a) => {
    if (a[0] === null || a[1] === null) return null;
    let s = str(a[0]!, 'trim');
    const c = str(a[1]!, 'trim');
    while (lead && c && s.startsWith(c)) s = s.slice(c.length);
    while (trail && c && s.endsWith(c)) s = s.slice(0, -c.length);
    return s;
  };
}

export function pathOf(nodes: PathVal['nodes'], rels: PathVal['rels']): PathVal {
  return new PathVal(nodes, rels);
}

export type { MapValue };
