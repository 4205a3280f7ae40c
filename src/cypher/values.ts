/** Cypher's value semantics: ternary equality, comparability, the global sort order, grouping keys. */
import { type MapValue, type Value, isMap, isNode, isPath, isRel } from './graph-store.ts';

export const isNumber = (v: Value): v is bigint | number => typeof v === 'bigint' || typeof v === 'number';

export function typeName(v: Value): string {
  if (v === null) return 'NULL';
  if (typeof v === 'boolean') return 'BOOLEAN';
  if (typeof v === 'bigint') return 'INTEGER';
  if (typeof v === 'number') return 'FLOAT';
  if (typeof v === 'string') return 'STRING';
  if (Array.isArray(v)) return 'LIST';
  if (isNode(v)) return 'NODE';
  if (isRel(v)) return 'RELATIONSHIP';
  if (isPath(v)) return 'PATH';
  return 'MAP';
}

/** `=`: true, false or null (unknown) when a null takes part. */
export function equals(a: Value, b: Value): boolean | null {
  if (a === null || b === null) return null;
  if (isNumber(a) && isNumber(b)) return a == b; // 1 = 1.0 across bigint and number
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return false;
    if (a.length !== b.length) return false;
    let unknown = false;
    for (let i = 0; i < a.length; i++) {
      const e = equals(a[i]!, b[i]!);
      if (e === false) return false;
      if (e === null) unknown = true;
    }
    return unknown ? null : true;
  }
  if (isPath(a) || isPath(b)) return isPath(a) && isPath(b) && equals(a.nodes, b.nodes) === true && equals(a.rels, b.rels) === true;
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    let unknown = false;
    for (const k of ka) {
      if (!(k in b)) return false;
      const e = equals(a[k]!, b[k]!);
      if (e === false) return false;
      if (e === null) unknown = true;
    }
    return unknown ? null : true;
  }
  if (typeof a !== typeof b || isMap(a) !== isMap(b)) return false;
  return a === b;
}

/** `<` and friends: a number, or null when the two cannot be compared. */
export function compare(a: Value, b: Value): number | null {
  if (a === null || b === null) return null;
  if (isNumber(a) && isNumber(b)) {
    if (Number.isNaN(a) || Number.isNaN(b)) return null;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compare(a[i]!, b[i]!);
      if (c === null) return null;
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  return null;
}

// ORDER BY's total order: maps, nodes, relationships, lists, paths, strings, booleans, numbers, null.
const RANK: Record<string, number> = { MAP: 0, NODE: 1, RELATIONSHIP: 2, LIST: 3, PATH: 4, STRING: 5, BOOLEAN: 6, INTEGER: 7, FLOAT: 7, NULL: 9 };

export function orderCompare(a: Value, b: Value): number {
  // Sort keys are mostly strings or integers: compare those without naming their types.
  if ((typeof a === 'string' && typeof b === 'string') || (typeof a === 'bigint' && typeof b === 'bigint')) return a < b ? -1 : a > b ? 1 : 0;
  const ra = RANK[typeName(a)]!;
  const rb = RANK[typeName(b)]!;
  if (ra !== rb) return ra - rb;
  if (isNumber(a) && isNumber(b)) {
    const na = Number.isNaN(a);
    const nb = Number.isNaN(b);
    if (na || nb) return Number(na) - Number(nb);
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = orderCompare(a[i]!, b[i]!);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  if (isNode(a) && isNode(b)) return a.idx - b.idx;
  if (isRel(a) && isRel(b)) return a.idx - b.idx;
  if (isPath(a) && isPath(b)) return orderCompare(a.nodes, b.nodes) || orderCompare(a.rels, b.rels);
  if (isMap(a) && isMap(b)) return keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0;
  const c = compare(a, b);
  return c ?? 0;
}

/** A string equal for equivalent values: DISTINCT, grouping and UNION use it. */
export function keyOf(v: Value): string {
  if (v === null) return 'n';
  if (typeof v === 'bigint') return `#${v}`;
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? `#${BigInt(v)}` : `#${v}`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (Array.isArray(v)) return `[${v.map(keyOf).join(',')}]`;
  if (isNode(v)) return `N${v.idx}`;
  if (isRel(v)) return `R${v.idx}`;
  if (isPath(v)) return `P${keyOf(v.nodes)}${keyOf(v.rels)}`;
  const m = v as MapValue;
  return `{${Object.keys(m).sort().map((k) => `${JSON.stringify(k)}:${keyOf(m[k]!)}`).join(',')}}`;
}

/** keyOf, except that a node or relationship is its own key (no string to build): Map and Set keys. */
export const groupKey = (v: Value): unknown => (isNode(v) || isRel(v) ? v : keyOf(v));
