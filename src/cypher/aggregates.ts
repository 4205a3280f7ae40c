/** Aggregating functions, one accumulator per group (agg-columns.ts keeps count and collect, and DISTINCT, for all groups at once). */
import type { Value } from './graph-store.ts';
import { typeError } from './errors.ts';
import { isNumber, orderCompare, typeName } from './values.ts';

/** One group's running value; `q` is a second argument (the percentile), undefined for the rest. */
export interface Accumulator {
  add(v: Value, q?: Value): void;
  result(): Value;
}

const AGGREGATES: Record<string, () => Accumulator> = {
  count: () => {
    let n = 0;
    return { add: (v) => void (v !== null && n++), result: () => BigInt(n) };
  },
  collect: () => {
    const items: Value[] = [];
    return { add: (v) => void (v !== null && items.push(v)), result: () => items };
  },
  sum: () => {
    let int = 0n;
    let float = 0;
    let isFloat = false;
    return {
      add: (v) => {
        if (v === null) return;
        if (typeof v === 'bigint') int += v;
        else if (typeof v === 'number') {
          float += v;
          isFloat = true;
        }
        else throw typeError(`sum expects numbers, got ${typeName(v)}`);
      },
      result: () => (isFloat ? float + Number(int) : int),
    };
  },
  avg: () => {
    let sum = 0;
    let n = 0;
    return {
      add: (v) => {
        if (v === null) return;
        if (!isNumber(v)) throw typeError(`avg expects numbers, got ${typeName(v)}`);
        sum += Number(v);
        n++;
      },
      result: () => (n === 0 ? null : sum / n),
    };
  },
  min: () => extreme(-1),
  max: () => extreme(1),
  stdev: () => deviation(true),
  stdevp: () => deviation(false),
  percentilecont: () => percentile(true),
  percentiledisc: () => percentile(false),
};

export const isAggregate = (name: string): boolean => name in AGGREGATES;

export function accumulator(name: string): Accumulator {
  return AGGREGATES[name]!();
}

function extreme(sign: 1 | -1): Accumulator {
  let best: Value = null;
  return {
    add: (v) => {
      if (v === null) return;
      if (best === null || sign * orderCompare(v, best) > 0) best = v;
    },
    result: () => best,
  };
}

function deviation(sample: boolean): Accumulator {
  const xs: number[] = [];
  return {
    add: (v) => void (v !== null && xs.push(Number(v))),
    result: () => {
      const n = xs.length;
      if (n < (sample ? 2 : 1)) return 0;
      const mean = xs.reduce((a, b) => a + b, 0) / n;
      return Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (sample ? n - 1 : n));
    },
  };
}

function percentile(continuous: boolean): Accumulator {
  const xs: Value[] = [];
  let p = 0;
  return {
    add: (v, q) => {
      if (!isNumber(q ?? null)) throw typeError('a percentile must be a number between 0.0 and 1.0');
      p = Number(q);
      if (p < 0 || p > 1) throw typeError(`a percentile must be between 0.0 and 1.0, got ${p}`);
      if (v !== null) xs.push(v);
    },
    result: () => {
      if (xs.length === 0) return null;
      const sorted = [...xs].sort(orderCompare);
      if (!continuous) {
        const i = p === 0 ? 0 : Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, i)]!;
      }
      const pos = p * (sorted.length - 1);
      const lo = Math.floor(pos);
      const hi = Math.ceil(pos);
      const a = Number(sorted[lo]);
      return a + (Number(sorted[hi]) - a) * (pos - lo);
    },
  };
}
