/**
 * Maps and sets keyed by Cypher equivalence (as grouping and DISTINCT compare), without building a
 * key string for the common values: a string is its own key (no other value equals a string), a
 * node or relationship is keyed by identity; anything else goes through keyOf.
 */
import { type Value, isNode, isRel } from './graph-store.ts';
import { keyOf } from './values.ts';

export class ValueMap<T> {
  private readonly strings = new Map<string, T>();
  private readonly others = new Map<unknown, T>();
  private readonly order: T[] = [];

  private bucket(v: Value): [Map<unknown, T>, unknown] {
    if (typeof v === 'string') return [this.strings as Map<unknown, T>, v];
    return [this.others, isNode(v) || isRel(v) ? v : keyOf(v)];
  }

  get(v: Value): T | undefined {
    return typeof v === 'string' ? this.strings.get(v) : this.others.get(isNode(v) || isRel(v) ? v : keyOf(v));
  }

  set(v: Value, x: T): void {
    const [m, k] = this.bucket(v);
    if (!m.has(k)) this.order.push(x);
    m.set(k, x);
  }

  /** Entries in first-insertion order (the order results come out in). */
  values(): readonly T[] {
    return this.order;
  }

  get size(): number {
    return this.order.length;
  }
}

export class ValueSet {
  private readonly strings = new Set<string>();
  private readonly others = new Set<unknown>();

  /** Adds `v`; false when an equivalent value was already there. */
  add(v: Value): boolean {
    if (typeof v === 'string') {
      if (this.strings.has(v)) return false;
      this.strings.add(v);
      return true;
    }
    const k = isNode(v) || isRel(v) ? v : keyOf(v);
    if (this.others.has(k)) return false;
    this.others.add(k);
    return true;
  }
}
