/** Expression evaluation over one row: Cypher's three-valued logic, null propagation, lists, maps. */
import type { Expr, LabelTest } from './ast.ts';
import { arithmetic } from './arithmetic.ts';
import { CypherError, invalid, typeError } from './errors.ts';
import { FUNCTIONS } from './functions.ts';
import { patternValue } from './pattern-expr.ts';
import { type MapValue, NodeRec, type Value, isMap, isNode, isPath, isRel } from './graph-store.ts';
import { type Row, type Runtime } from './runtime.ts';
import { compare, equals, isNumber, typeName } from './values.ts';

export function matchesLabels(node: NodeRec, t: LabelTest): boolean {
  switch (t.k) {
    case 'name':
      return node.labels.includes(t.name);
    case 'and':
      for (const p of t.parts) if (!matchesLabels(node, p)) return false;
      return true;
    case 'or':
      for (const p of t.parts) if (matchesLabels(node, p)) return true;
      return false;
    case 'not':
      return !matchesLabels(node, t.a);
    case 'any':
      return node.labels.length > 0;
  }
}

const truth = (v: Value, op: string): boolean | null => {
  if (v === null || typeof v === 'boolean') return v;
  throw typeError(`${op} expects booleans, got ${typeName(v)}`);
};

function property(of: Value, key: string): Value {
  if (of === null) return null;
  if (isNode(of) || isRel(of)) return of.props[key] ?? null;
  if (isMap(of)) return of[key] ?? null;
  throw typeError(`cannot read the property "${key}" of ${typeName(of)}`);
}

function index(of: Value, at: Value): Value {
  if (of === null || at === null) return null;
  if (Array.isArray(of)) {
    if (typeof at !== 'bigint') throw typeError(`a list index must be an integer, got ${typeName(at)}`);
    const i = Number(at) < 0 ? of.length + Number(at) : Number(at);
    return of[i] ?? null;
  }
  if (typeof at === 'string') return property(of, at);
  throw typeError(`cannot index ${typeName(of)} with ${typeName(at)}`);
}

function slice(of: Value, from: Value, to: Value): Value {
  if (of === null || from === null || to === null) return null;
  if (!Array.isArray(of)) throw typeError(`cannot slice ${typeName(of)}`);
  const n = of.length;
  const norm = (v: Value | undefined, d: number) => (v === undefined ? d : Number(v) < 0 ? Math.max(0, n + Number(v)) : Math.min(n, Number(v)));
  return of.slice(norm(from ?? undefined, 0), norm(to ?? undefined, n));
}

function inList(a: Value, list: Value): Value {
  if (list === null) return null;
  if (!Array.isArray(list)) throw typeError(`IN expects a list, got ${typeName(list)}`);
  let unknown = false;
  for (const item of list) {
    const e = equals(a, item);
    if (e === true) return true;
    if (e === null) unknown = true;
  }
  return unknown ? null : false;
}

function stringTest(op: string, a: Value, b: Value): Value {
  if (typeof a !== 'string' || typeof b !== 'string') return null;
  if (op === 'starts') return a.startsWith(b);
  if (op === 'ends') return a.endsWith(b);
  if (op === 'contains') return a.includes(b);
  return regex(b).test(a);
}

const REGEX_CACHE = new Map<string, RegExp>();
/** Java-style patterns match the whole string; (?i) and friends become JS flags. */
function regex(pattern: string): RegExp {
  let re = REGEX_CACHE.get(pattern);
  if (re) return re;
  const m = /^\(\?([imsu]+)\)/.exec(pattern);
  const flags = m ? [...new Set(m[1]!.replace('u', ''))].join('') : '';
  try {
    re = new RegExp(`^(?:${m ? pattern.slice(m[0].length) : pattern})$`, `${flags}u`);
  } catch (err) {
    throw new CypherError('invalid-query', `invalid regular expression ${JSON.stringify(pattern)}: ${(err as Error).message}`);
  }
  REGEX_CACHE.set(pattern, re);
  return re;
}

const LOGICAL = { and: 'AND', or: 'OR', xor: 'XOR' } as const;

function binary(e: Extract<Expr, { k: 'bin' }>, row: Row, rt: Runtime): Value {
  if (e.op === 'and' || e.op === 'or' || e.op === 'xor') {
    const a = truth(evaluate(e.a, row, rt), LOGICAL[e.op]);
    if (e.op === 'and' && a === false) return false;
    if (e.op === 'or' && a === true) return true;
    const b = truth(evaluate(e.b, row, rt), LOGICAL[e.op]);
    if (e.op === 'and') return b === false ? false : a === null || b === null ? null : true;
    if (e.op === 'or') return b === true ? true : a === null || b === null ? null : false;
    return a === null || b === null ? null : a !== b;
  }
  const a = evaluate(e.a, row, rt);
  const b = evaluate(e.b, row, rt);
  switch (e.op) {
    case '=':
      return equals(a, b);
    case '<>': {
      const r = equals(a, b);
      return r === null ? null : !r;
    }
    case '<':
    case '>':
    case '<=':
    case '>=': {
      const c = compare(a, b);
      // NaN is a number that no number is ordered against: false, not unknown.
      if (c === null) return isNumber(a) && isNumber(b) ? false : null;
      return e.op === '<' ? c < 0 : e.op === '>' ? c > 0 : e.op === '<=' ? c <= 0 : c >= 0;
    }
    case 'in':
      return inList(a, b);
    case 'starts':
    case 'ends':
    case 'contains':
    case '=~':
      return stringTest(e.op, a, b);
    default:
      return arithmetic(e.op, a, b);
  }
}

// A loop, not map(): a callback here would capture evaluate's parameters (see pattern-expr.ts).
function evaluateAll(es: readonly Expr[], row: Row, rt: Runtime): Value[] {
  const out: Value[] = new Array(es.length);
  for (let i = 0; i < es.length; i++) out[i] = evaluate(es[i]!, row, rt);
  return out;
}

function listOf(v: Value, what: string): Value[] | null {
  if (v === null) return null;
  if (!Array.isArray(v)) throw typeError(`${what} expects a list, got ${typeName(v)}`);
  return v;
}

export function evaluate(e: Expr, row: Row, rt: Runtime): Value {
  switch (e.k) {
    case 'lit':
      return e.v as Value;
    case 'param': {
      if (!(e.name in rt.params)) throw new CypherError('invalid-query', `Expected parameter(s): ${e.name}`);
      return rt.params[e.name]!;
    }
    case 'var': {
      const v = row[e.name];
      if (v === undefined) throw invalid(`Variable \`${e.name}\` not defined`);
      return v;
    }
    case 'prop':
      return property(evaluate(e.of, row, rt), e.key);
    case 'index':
      return index(evaluate(e.of, row, rt), evaluate(e.at, row, rt));
    case 'slice':
      return slice(evaluate(e.of, row, rt), e.from ? evaluate(e.from, row, rt) : (undefined as unknown as Value), e.to ? evaluate(e.to, row, rt) : (undefined as unknown as Value));
    case 'list':
      return evaluateAll(e.items, row, rt);
    case 'map': {
      const m: MapValue = {};
      for (const [k, v] of e.entries) m[k] = evaluate(v, row, rt);
      return m;
    }
    case 'bin':
      return binary(e, row, rt);
    case 'not': {
      const a = truth(evaluate(e.a, row, rt), 'NOT');
      return a === null ? null : !a;
    }
    case 'neg': {
      const a = evaluate(e.a, row, rt);
      return a === null ? null : arithmetic('-', 0n, a);
    }
    case 'isnull':
      return (evaluate(e.a, row, rt) === null) !== e.not;
    case 'labels': {
      const a = evaluate(e.a, row, rt);
      if (a === null) return null;
      if (!isNode(a)) throw typeError(`a label test needs a node, got ${typeName(a)}`);
      return matchesLabels(a, e.test);
    }
    case 'call': {
      const fn = FUNCTIONS[e.name];
      if (!fn) throw new CypherError('invalid-query', `Unknown function '${e.name}'`);
      return fn(evaluateAll(e.args, row, rt), rt);
    }
    case 'countStar':
      throw invalid('count(*) can only be used in RETURN or WITH');
    case 'case':
      return caseValue(e, row, rt);
    case 'listComp': {
      const list = listOf(evaluate(e.list, row, rt), 'a list comprehension');
      if (list === null) return null;
      const out: Value[] = [];
      for (const item of list) {
        const inner = { ...row, [e.v]: item };
        if (e.where && evaluate(e.where, inner, rt) !== true) continue;
        out.push(e.map ? evaluate(e.map, inner, rt) : item);
      }
      return out;
    }
    case 'quant':
      return quantified(e, row, rt);
    case 'reduce': {
      const list = listOf(evaluate(e.list, row, rt), 'reduce');
      if (list === null) return null;
      let acc = evaluate(e.init, row, rt);
      for (const item of list) acc = evaluate(e.step, { ...row, [e.acc]: acc, [e.v]: item }, rt);
      return acc;
    }
    case 'pattern':
    case 'patternComp':
    case 'exists':
    case 'shortest':
      return patternValue(e, row, rt);
    case 'mapProj':
      return mapProjection(e, row, rt);
  }
}

function caseValue(e: Extract<Expr, { k: 'case' }>, row: Row, rt: Runtime): Value {
  const subject = e.subject ? evaluate(e.subject, row, rt) : undefined;
  for (const [when, then] of e.whens) {
    const w = evaluate(when, row, rt);
    if (subject === undefined ? w === true : equals(subject, w) === true) return evaluate(then, row, rt);
  }
  return e.otherwise ? evaluate(e.otherwise, row, rt) : null;
}

function quantified(e: Extract<Expr, { k: 'quant' }>, row: Row, rt: Runtime): Value {
  const list = listOf(evaluate(e.list, row, rt), e.q);
  if (list === null) return null;
  let yes = 0;
  let unknown = 0;
  for (const item of list) {
    const r = evaluate(e.where, { ...row, [e.v]: item }, rt);
    if (r === true) yes++;
    else if (r === null) unknown++;
  }
  const no = list.length - yes - unknown;
  switch (e.q) {
    case 'all':
      return no > 0 ? false : unknown > 0 ? null : true;
    case 'any':
      return yes > 0 ? true : unknown > 0 ? null : false;
    case 'none':
      return yes > 0 ? false : unknown > 0 ? null : true;
    case 'single':
      return yes > 1 ? false : unknown > 0 ? null : yes === 1;
  }
}

function mapProjection(e: Extract<Expr, { k: 'mapProj' }>, row: Row, rt: Runtime): Value {
  const base = evaluate({ k: 'var', name: e.v }, row, rt);
  if (base === null) return null;
  const props: MapValue = isNode(base) || isRel(base) ? base.props : isMap(base) ? base : (() => { throw typeError(`a map projection needs a node, relationship or map, got ${typeName(base)}`); })();
  const out: MapValue = {};
  for (const item of e.items) {
    if (item.k === 'all') Object.assign(out, props);
    else if (item.k === 'prop') out[item.key] = props[item.key] ?? null;
    else if (item.k === 'var') out[item.name] = evaluate({ k: 'var', name: item.name }, row, rt);
    else out[item.key] = evaluate(item.value, row, rt);
  }
  return out;
}

export { isPath };
