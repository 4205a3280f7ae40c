/**
 * POST /api/cypher {query, params}: a user's Cypher, read-only (see src/store/neo4j/query.ts), with
 * the server's timeout and row cap, marked in the transaction metadata as typed in the explorer.
 * Answers {columns, rows, graph: {nodes, relationships}, summary: {timeMs, truncated, rowCount}}.
 */
import { runReadQuery } from '../../store/neo4j/query.ts';
import { neo4jErrorAnswer } from './errors.ts';
import type { ApiAnswer, Neo4jDeps } from './neo4j-deps.ts';

export interface CypherRequest {
  query: string;
  params: Record<string, unknown>;
}

/** Checks the body's shape; the answer is a 400 with what was expected, or the request. */
export function parseCypherRequest(body: unknown, maxQueryLength: number): CypherRequest | ApiAnswer {
  const bad = (error: string): ApiAnswer => ({ status: 400, json: { error, kind: 'bad-request' } });
  if (!body || typeof body !== 'object' || Array.isArray(body)) return bad('expected a JSON object {"query": "...", "params": {...}}');
  const { query, params } = body as { query?: unknown; params?: unknown };
  if (typeof query !== 'string' || query.trim() === '') return bad('"query" must be a non-empty string of Cypher');
  if (query.length > maxQueryLength) return bad(`"query" is longer than ${maxQueryLength} characters`);
  if (params !== undefined && (params === null || typeof params !== 'object' || Array.isArray(params))) return bad('"params" must be an object of parameter values');
  return { query, params: (params ?? {}) as Record<string, unknown> };
}

export async function handleCypher(body: unknown, deps: Neo4jDeps): Promise<ApiAnswer> {
  const request = parseCypherRequest(body, deps.limits.maxQueryLength);
  if ('status' in request) return request;
  if (deps.inFlight.count >= deps.limits.maxConcurrent) {
    return { status: 429, json: { error: `${deps.limits.maxConcurrent} queries are already running on this server; try again when one finishes`, kind: 'busy' } };
  }
  deps.inFlight.count++;
  try {
    const r = await runReadQuery(deps.driver(), request.query, request.params, {
      database: deps.config.database,
      timeoutMs: deps.limits.timeoutMs,
      maxRows: deps.limits.maxRows,
      maxBytes: deps.limits.maxBytes,
      origin: 'user-typed in the explorer console',
    });
    const summary = { timeMs: Math.round(r.timeMs), truncated: r.truncated, ...(r.truncatedBy ? { truncatedBy: r.truncatedBy } : {}), rowCount: r.rows.length, maxRows: deps.limits.maxRows };
    return { status: 200, json: { columns: r.columns, rows: r.rows, graph: r.graph, summary } };
  } catch (err) {
    return neo4jErrorAnswer(err, deps);
  } finally {
    deps.inFlight.count--;
  }
}
