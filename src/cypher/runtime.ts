/** What evaluation and matching share while one query runs: the graph, parameters and the budgets. */
import type { Expr, PathPattern } from './ast.ts';
import type { PropertyGraph, Value } from './graph-store.ts';

export type Row = Record<string, Value>;

export interface Runtime {
  graph: PropertyGraph;
  params: Record<string, Value>;
  /** Most rows, or groups, a clause may hold at once (the engine's memory guard). */
  maxRows: number;
  /** Counts work; throws once the time budget is spent. */
  tick(): void;
  evaluate(e: Expr, row: Row): Value;
  /** Calls `emit` with each match; emit returns true to stop early. */
  match(patterns: PathPattern[], row: Row, emit: (r: Row) => boolean | void): void;
}
