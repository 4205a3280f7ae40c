/**
 * The engine's entry: parse (refusing writes), run with a time budget and a row budget, answer in
 * the same shape as the Neo4j path ({columns, rows, graph, truncated, timeMs}), so the console's
 * table, CSV and map highlight read either.
 */
import type { Query } from './ast.ts';
import { buildQuery } from './build-query.ts';
import { execute, createRuntime } from './execute.ts';
import type { PropertyGraph, Value } from './graph-store.ts';
import { JsonCollector, type JsonNode, type JsonRelationship } from './result-json.ts';

export interface EngineLimits {
  timeoutMs: number;
  /** Result rows beyond this are dropped and the answer says it was truncated. */
  maxRows: number;
  /** Rows stop being added once their JSON passes this many bytes (the answer says truncated). */
  maxResultBytes: number;
  /** Most rows a clause may hold while the query runs. */
  maxIntermediateRows: number;
}

export const DEFAULT_ENGINE_LIMITS: EngineLimits = { timeoutMs: 10_000, maxRows: 1_000, maxResultBytes: 16_000_000, maxIntermediateRows: 2_000_000 };

export interface EngineResult {
  columns: string[];
  rows: Record<string, unknown>[];
  graph: { nodes: JsonNode[]; relationships: JsonRelationship[] };
  truncated: boolean;
  timeMs: number;
}

/** JSON parameters -> values, as neo4j-driver sends JS values: every JSON number is a FLOAT. */
export function paramsFromJson(params: Record<string, unknown>): Record<string, Value> {
  const convert = (v: unknown): Value => {
    if (v === null || v === undefined) return null;
    if (Array.isArray(v)) return v.map(convert);
    if (typeof v === 'object') return Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, convert(x)]));
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'bigint') return v;
    return String(v);
  };
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, convert(v)]));
}

// Parsed queries by text: the console and the gallery send the same texts again and again.
const parsed = new Map<string, Query>();
const PARSE_CACHE_SIZE = 200;

function parseCached(text: string): Query {
  let q = parsed.get(text);
  if (q) {
    parsed.delete(text);
  } else {
    q = buildQuery(text);
    if (parsed.size >= PARSE_CACHE_SIZE) parsed.delete(parsed.keys().next().value!);
  }
  parsed.set(text, q);
  return q;
}

export function runQuery(graph: PropertyGraph, text: string, params: Record<string, Value>, limits: Partial<EngineLimits> = {}): EngineResult {
  const t0 = performance.now();
  const l = { ...DEFAULT_ENGINE_LIMITS, ...limits };
  const query = parseCached(text);
  const budget = { deadline: t0 + l.timeoutMs, timeoutMs: l.timeoutMs, maxIntermediateRows: l.maxIntermediateRows, resultRows: l.maxRows + 1 };
  const { columns, rows } = execute(query, createRuntime(graph, params, budget), budget);
  const collector = new JsonCollector();
  const out: Record<string, unknown>[] = [];
  let bytes = 0;
  let truncated = false;
  for (const row of rows) {
    if (out.length >= l.maxRows) {
      truncated = true;
      break;
    }
    const json: Record<string, unknown> = {};
    for (const c of columns) json[c] = collector.toJson(row[c] ?? null);
    bytes += JSON.stringify(json).length;
    if (bytes > l.maxResultBytes) {
      truncated = true;
      break;
    }
    out.push(json);
  }
  return { columns, rows: out, graph: collector.graph(), truncated, timeMs: performance.now() - t0 };
}
