/**
 * Expressions that match a pattern: a pattern predicate, a pattern comprehension, EXISTS and COUNT
 * subqueries, shortestPath as a value. Apart from evaluate.ts: their callbacks would make every
 * evaluate call allocate a closure context for its parameters, pattern or not.
 */
import type { Expr } from './ast.ts';
import type { Value } from './graph-store.ts';
import type { Row, Runtime } from './runtime.ts';

type PatternExpr = Extract<Expr, { k: 'pattern' | 'patternComp' | 'exists' | 'shortest' }>;

export function patternValue(e: PatternExpr, row: Row, rt: Runtime): Value {
  switch (e.k) {
    case 'pattern': {
      let found = false;
      rt.match([e.pattern], row, () => (found = true));
      return found;
    }
    case 'patternComp': {
      const out: Value[] = [];
      rt.match([{ ...e.pattern, v: e.path }], row, (m) => {
        if (!e.where || rt.evaluate(e.where, m) === true) out.push(rt.evaluate(e.map, m));
      });
      return out;
    }
    case 'exists': {
      let n = 0n;
      rt.match(e.patterns, row, (m) => {
        if (e.where && rt.evaluate(e.where, m) !== true) return false;
        n++;
        return !e.count;
      });
      return e.count ? n : n > 0n;
    }
    case 'shortest': {
      const out: Value[] = [];
      rt.match([{ ...e.pattern, v: '\u0000path' }], row, (m) => void out.push(m['\u0000path']!));
      return e.all ? out : (out[0] ?? null);
    }
  }
}
