/**
 * One aggregate over all the groups of a grouping, group `g`'s state at index g: count and collect
 * keep a number or a list per group, DISTINCT one set for all groups of the values it can number
 * (nodes, small integers), so a group costs no objects of its own beyond its list. The other
 * aggregates keep one accumulator (aggregates.ts) per group.
 */
import { accumulator, type Accumulator } from './aggregates.ts';
import { type Value, isNode } from './graph-store.ts';
import { IntSet } from './int-set.ts';
import { ValueSet } from './value-map.ts';

export interface AggColumn {
  /** Makes the state of the next group (groups are numbered 0, 1, 2, ... in the order they open). */
  open(): void;
  /** `q` is a second argument (the percentile), undefined for the rest. */
  add(g: number, v: Value, q?: Value): void;
  result(g: number): Value;
}

/** `stride`: more than any node index, so that group and node index make one number. */
export function aggColumn(fn: string, distinct: boolean, stride: number): AggColumn {
  const inner = fn === 'count' ? new CountColumn() : fn === 'collect' ? new CollectColumn() : new PerGroup(() => accumulator(fn));
  return distinct ? new DistinctColumn(inner, stride) : inner;
}

// Counted as JS numbers (exact far past any row budget): adding bigints allocates one per row.
class CountColumn implements AggColumn {
  private readonly n: number[] = [];
  open(): void {
    this.n.push(0);
  }
  add(g: number, v: Value): void {
    if (v !== null) this.n[g]!++;
  }
  result(g: number): Value {
    return BigInt(this.n[g]!);
  }
}

class CollectColumn implements AggColumn {
  private readonly lists: Value[][] = [];
  open(): void {
    this.lists.push([]);
  }
  add(g: number, v: Value): void {
    if (v !== null) this.lists[g]!.push(v);
  }
  result(g: number): Value {
    return this.lists[g]!;
  }
}

class PerGroup implements AggColumn {
  private readonly accs: Accumulator[] = [];
  constructor(private readonly make: () => Accumulator) {}
  open(): void {
    this.accs.push(this.make());
  }
  add(g: number, v: Value, q?: Value): void {
    this.accs[g]!.add(v, q);
  }
  result(g: number): Value {
    return this.accs[g]!.result();
  }
}

/** Drops a group's repeated inputs before `inner` sees them. */
class DistinctColumn implements AggColumn {
  // Group and node index, or group and integer, as one number: g * stride + i.
  private readonly nodes = new IntSet();
  private readonly ints = new IntSet();
  // Per group, made on its first value of any other kind.
  private readonly rest: (ValueSet | undefined)[] = [];
  constructor(
    private readonly inner: AggColumn,
    private readonly stride: number,
  ) {}
  open(): void {
    this.rest.push(undefined);
    this.inner.open();
  }
  add(g: number, v: Value, q?: Value): void {
    if (this.first(g, v)) this.inner.add(g, v, q);
  }
  result(g: number): Value {
    return this.inner.result(g);
  }

  private first(g: number, v: Value): boolean {
    const base = g * this.stride;
    if (base + this.stride <= Number.MAX_SAFE_INTEGER) {
      if (isNode(v)) return this.nodes.add(base + v.idx);
      // 1 and 1.0 are one value to DISTINCT, as they are to keyOf.
      const i = typeof v === 'bigint' ? (v >= 0n && v < this.stride ? Number(v) : -1) : typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < this.stride ? v : -1;
      if (i >= 0) return this.ints.add(base + i);
    }
    return (this.rest[g] ??= new ValueSet()).add(v);
  }
}
