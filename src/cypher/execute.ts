/** Runs a Query (ast.ts) clause by clause over rows of variable bindings. */
import type { Clause, Expr, LabelTest, PathPattern, Query, SingleQuery } from './ast.ts';
import { CypherError, invalid } from './errors.ts';
import { evaluate } from './evaluate.ts';
import { type NodeRec, type PropertyGraph, type Value, isMap } from './graph-store.ts';
import { matchPatterns } from './match.ts';
import { containsAggregate } from './check-expr.ts';
import { conjuncts } from './plan-match.ts';
import { groupsStreamable, project } from './project.ts';
import type { Row, Runtime } from './runtime.ts';
import { keyOf } from './values.ts';

export interface Budget {
  /** performance.now() after which the query stops with a timeout. */
  deadline: number;
  /** Most rows any clause may hold at once (the engine's memory guard). */
  maxIntermediateRows: number;
  timeoutMs: number;
  /** Rows the caller reads at most (the answer's row budget plus one, to tell it was cut). */
  resultRows?: number;
}

export function createRuntime(graph: PropertyGraph, params: Record<string, Value>, budget: Budget): Runtime {
  let ticks = 0;
  const rt: Runtime = {
    graph,
    params,
    maxRows: budget.maxIntermediateRows,
    tick() {
      if (++ticks % 4096 === 0 && performance.now() > budget.deadline) throw new CypherError('timeout', `the query ran longer than its time budget of ${budget.timeoutMs} ms`);
    },
    evaluate: (e, row) => evaluate(e, row, rt),
    match: (patterns, row, emit) => void matchPatterns(patterns, row, rt, emit),
  };
  return rt;
}

export function execute(query: Query, rt: Runtime, budget: Budget): { columns: string[]; rows: Row[] } {
  // Under UNION, duplicates dropped later could leave fewer rows than the caller reads: no cut there.
  const resultRows = query.parts.length === 1 ? (budget.resultRows ?? Infinity) : Infinity;
  let result = single(query.parts[0]!, rt, budget, resultRows);
  for (let i = 1; i < query.parts.length; i++) {
    const next = single(query.parts[i]!, rt, budget, Infinity);
    if (next.columns.join('\u0000') !== result.columns.join('\u0000')) throw invalid('All sub queries in an UNION must have the same return column names');
    result = { columns: result.columns, rows: [...result.rows, ...next.rows] };
    if (!query.unionAll[i - 1]) {
      const seen = new Set<string>();
      result.rows = result.rows.filter((r) => {
        const k = keyOf(result.columns.map((c) => r[c]!));
        return seen.has(k) ? false : (seen.add(k), true);
      });
    }
  }
  return result;
}

function single(q: SingleQuery, rt: Runtime, budget: Budget, resultRows: number): { columns: string[]; rows: Row[] } {
  let rows: Row[] = [{}];
  let columns: string[] = [];
  for (let i = 0; i < q.clauses.length; i++) {
    const c = q.clauses[i]!;
    const last = i === q.clauses.length - 1;
    if (c.k === 'return' && !last) throw invalid('RETURN can only be used at the end of the query');
    const next = q.clauses[i + 1];
    if (c.k === 'match' && (next?.k === 'with' || next?.k === 'return') && groupsStreamable(next.proj)) {
      // A MATCH that feeds a grouping WITH/RETURN: its matches go straight into the groups.
      if (next.k === 'return' && i + 2 !== q.clauses.length) throw invalid('RETURN can only be used at the end of the query');
      const input = rows;
      rows = project((each) => matchInto(c, input, rt, each), next.proj, rt, next.k === 'with' ? next.where : null);
      if (next.k === 'return') columns = next.proj.items.map((it) => it.alias);
      i++;
      continue;
    }
    rows = step(c, rows, rt, budget.maxIntermediateRows, rowsNeeded(next, rt, i + 2 === q.clauses.length ? resultRows : Infinity));
    if (c.k === 'return') columns = [...new Set([...(c.proj.star ? (c.proj.starColumns ?? Object.keys(rows[0] ?? {}).filter((k) => !k.startsWith('\u0000'))) : []), ...c.proj.items.map((it) => it.alias)])];
  }
  const lastClause = q.clauses[q.clauses.length - 1];
  if (lastClause?.k !== 'return' && lastClause?.k !== 'create') throw invalid('Query cannot conclude with ' + (lastClause?.k.toUpperCase() ?? 'nothing') + ' (must be a RETURN clause)');
  return { columns, rows: lastClause.k === 'return' ? rows : [] };
}

/** Rows a clause produces, refused past the budget while they are made (not after). */
class Sink {
  readonly rows: Row[] = [];
  constructor(
    private readonly max: number,
    /** Rows the next clause reads at most: past them making more is wasted. */
    private readonly needed: number,
  ) {}
  get full(): boolean {
    return this.rows.length >= this.needed;
  }
  push(row: Row): void {
    if (this.rows.length >= this.max) throw new CypherError('timeout', `the query built more than ${this.max} intermediate rows; narrow the MATCH or add a LIMIT`);
    this.rows.push(row);
  }
}

/**
 * How many rows a projection reads: SKIP + LIMIT (or SKIP + what the caller reads, for the last
 * one) when it only passes rows on (no DISTINCT, ORDER BY or aggregate), so the clause before it
 * can stop there; otherwise all of them.
 */
function rowsNeeded(next: Clause | undefined, rt: Runtime, read: number): number {
  if (!next || (next.k !== 'with' && next.k !== 'return')) return Infinity;
  const p = next.proj;
  if (p.distinct || p.order.length > 0 || p.items.some((i) => containsAggregate(i.expr))) return Infinity;
  if (!p.limit) return read + (p.skip ? Number(rt.evaluate(p.skip, {})) : 0);
  const skip = p.skip ? rt.evaluate(p.skip, {}) : 0n;
  const limit = rt.evaluate(p.limit, {});
  // A bad SKIP or LIMIT is the projection's to report.
  return typeof skip === 'bigint' && typeof limit === 'bigint' && skip >= 0n && limit >= 0n ? Number(skip + limit) : Infinity;
}

function step(c: Clause, rows: Row[], rt: Runtime, max: number, needed: number): Row[] {
  const out = new Sink(max, needed);
  switch (c.k) {
    case 'match': {
      const where = conjuncts(c.where);
      for (const row of rows) {
        if (out.full) break;
        matchRows(c.patterns, where, c.optional, row, rt, out);
      }
      return out.rows;
    }
    case 'unwind':
      for (const row of rows) {
        const list = rt.evaluate(c.list, row);
        if (list === null) continue;
        for (const item of Array.isArray(list) ? list : [list]) {
          if (out.full) return out.rows;
          rt.tick();
          out.push({ ...row, [c.v]: item });
        }
      }
      return out.rows;
    case 'with': {
      return project(rows, c.proj, rt, c.where);
    }
    case 'return':
      return project(rows, c.proj, rt);
    case 'create':
      return rows.map((row) => create(c.patterns, row, rt));
  }
}

/** Each match of a MATCH clause, as a frame the matcher reuses (the receiver copies what it keeps). */
function matchInto(c: Extract<Clause, { k: 'match' }>, rows: Row[], rt: Runtime, each: (row: Row) => void): void {
  const where = conjuncts(c.where);
  for (const row of rows) {
    let matched = false;
    matchPatterns(c.patterns, row, rt, (m) => {
      matched = true;
      each(m);
    }, new Set(), where);
    if (!matched && c.optional) each(nullsFor(c.patterns, row));
  }
}

function matchRows(patterns: PathPattern[], where: readonly Expr[], optional: boolean, row: Row, rt: Runtime, out: Sink): void {
  const before = out.rows.length;
  matchPatterns(patterns, row, rt, (m) => {
    rt.tick();
    out.push({ ...m });
    return out.full;
  }, new Set(), where);
  if (out.rows.length === before && optional) out.push(nullsFor(patterns, row));
}

/** OPTIONAL MATCH's row when nothing matched: the pattern's new variables bound to null. */
function nullsFor(patterns: PathPattern[], row: Row): Row {
  const nulls: Row = { ...row };
  for (const p of patterns) {
    if (p.v && !(p.v in row)) nulls[p.v] = null;
    for (const n of p.nodes) if (n.v && !(n.v in row)) nulls[n.v] = null;
    for (const r of p.rels) if (r.v && !(r.v in row)) nulls[r.v] = null;
  }
  return nulls;
}

/** CREATE, for building fixture graphs only (the engine's public entry refuses it while parsing). */
function create(patterns: PathPattern[], row: Row, rt: Runtime): Row {
  const out: Row = { ...row };
  const props = (e: Expr | null): Record<string, Value> => {
    if (!e) return {};
    const v = rt.evaluate(e, out);
    if (!isMap(v)) throw invalid('CREATE expects a map of properties');
    return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null));
  };
  for (const p of patterns) {
    const nodes = p.nodes.map((n) => {
      const bound = n.v ? out[n.v] : undefined;
      if (bound !== undefined && bound !== null) return bound as NodeRec;
      const labels = n.labels ? labelNames(n.labels) : [];
      const node = rt.graph.addNode(labels, props(n.props));
      if (n.v) out[n.v] = node;
      return node;
    });
    p.rels.forEach((r, i) => {
      const [a, b] = r.dir === 'in' ? [nodes[i + 1]!, nodes[i]!] : [nodes[i]!, nodes[i + 1]!];
      const rel = rt.graph.addRel(r.types[0] ?? '', a, b, props(r.props));
      if (r.v) out[r.v] = rel;
    });
  }
  return out;
}

function labelNames(t: LabelTest): string[] {
  if (t.k === 'name') return [t.name];
  if (t.k === 'and') return t.parts.flatMap(labelNames);
  throw invalid('CREATE takes plain labels');
}
