/**
 * A set of non-negative integers (below 2^53) in one typed array, open addressing: no object per
 * entry and, past a few kilobytes, a buffer outside the heap the garbage collector copies. DISTINCT
 * aggregates keep (group, value) numbers here, tens of thousands of them in one query.
 */
const EMPTY = -1;

export class IntSet {
  // 8 KB to start: one set serves every group of an aggregate, so it seldom stays small.
  private slots = new Float64Array(1024).fill(EMPTY);
  private size = 0;

  /** Adds `k`; false when it was there already. */
  add(k: number): boolean {
    const mask = this.slots.length - 1;
    let i = hash(k) & mask;
    for (;;) {
      const s = this.slots[i]!;
      if (s === k) return false;
      if (s === EMPTY) break;
      i = (i + 1) & mask;
    }
    this.slots[i] = k;
    if (++this.size * 2 > this.slots.length) this.grow();
    return true;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2).fill(EMPTY);
    const mask = this.slots.length - 1;
    for (const k of old) {
      if (k === EMPTY) continue;
      let i = hash(k) & mask;
      while (this.slots[i] !== EMPTY) i = (i + 1) & mask;
      this.slots[i] = k;
    }
  }
}

/** Mixes both 32-bit halves, so keys that differ only in their high bits (the group) spread too. */
function hash(k: number): number {
  const h = Math.imul((k | 0) ^ Math.floor(k / 4294967296), 0x9e3779b1);
  return h ^ (h >>> 15);
}
