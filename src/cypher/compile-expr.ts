/**
 * An expression as a function of the row, for the ones a grouping evaluates per row: a variable,
 * a node's or relationship's property, a literal read without going through evaluate's dispatch;
 * anything else (or a property of something else, with its errors) is evaluate's.
 */
import type { Expr } from './ast.ts';
import { NodeRec, RelRec, type Value } from './graph-store.ts';
import type { Row, Runtime } from './runtime.ts';

export type RowFn = (row: Row) => Value;

export function compileExpr(e: Expr, rt: Runtime): RowFn {
  const general: RowFn = (row) => rt.evaluate(e, row);
  if (e.k === 'lit') {
    const v = e.v as Value;
    return () => v;
  }
  if (e.k === 'var') {
    const name = e.name;
    return (row) => row[name] ?? general(row);
  }
  if (e.k === 'prop' && e.of.k === 'var') {
    const name = e.of.name;
    const key = e.key;
    return (row) => {
      const of = row[name];
      return of instanceof NodeRec || of instanceof RelRec ? (of.props[key] ?? null) : general(row);
    };
  }
  return general;
}
