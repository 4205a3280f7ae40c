/**
 * Maps and sets keyed by Cypher equivalence (as grouping and DISTINCT compare), without building a
 * key string for the common values: a string, a number and a node or relationship are their own
 * keys; anything else goes through keyOf.
 */
import { type Value, isNode, isRel } from './graph-store.ts';
import { keyOf } from './values.ts';

const MAX = BigInt(Number.MAX_SAFE_INTEGER);
const MIN = -MAX;

/**
 * `v` as a key that needs no string, or undefined. No two kinds share a key (a string is never a
 * number or a node), and an integer is the same number as a bigint or a float (1 and 1.0 group
 * together, as keyOf has them); past 2^53 a JS number would round, so those take keyOf.
 */
function ownKey(v: Value): unknown {
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint') return v >= MIN && v <= MAX ? Number(v) : undefined;
  if (typeof v === 'number') return Math.abs(v) <= Number.MAX_SAFE_INTEGER || !Number.isFinite(v) ? v : undefined;
  if (isNode(v) || isRel(v)) return v;
  return undefined;
}

// The keyOf map or set is made on its first value: most hold only strings, numbers or nodes, and a
// grouping makes one set per group and DISTINCT aggregate.
export class ValueMap<T> {
  private readonly own = new Map<unknown, T>();
  private byKeyOf: Map<string, T> | null = null;

  get(v: Value): T | undefined {
    const k = ownKey(v);
    return k !== undefined ? this.own.get(k) : this.byKeyOf?.get(keyOf(v));
  }

  set(v: Value, x: T): void {
    const k = ownKey(v);
    if (k !== undefined) this.own.set(k, x);
    else (this.byKeyOf ??= new Map()).set(keyOf(v), x);
  }
}

export class ValueSet {
  private readonly own = new Set<unknown>();
  private byKeyOf: Set<string> | null = null;

  /** Adds `v`; false when an equivalent value was already there. */
  add(v: Value): boolean {
    const k = ownKey(v);
    if (k !== undefined) {
      if (this.own.has(k)) return false;
      this.own.add(k);
      return true;
    }
    const s = keyOf(v);
    this.byKeyOf ??= new Set();
    if (this.byKeyOf.has(s)) return false;
    this.byKeyOf.add(s);
    return true;
  }
}
