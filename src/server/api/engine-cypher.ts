/**
 * /api/cypher without a database: when no Neo4j is configured (no NEO4J_URI, no --neo4j, and the
 * bundled server is not running), the built-in engine answers from the served snapshot, in the
 * same shape as the Neo4j path plus `summary.engine`, so the console can say which one answered.
 */
import { paramsFromJson, runQuery } from '../../cypher/engine.ts';
import { CypherError, errorAnswer } from '../../cypher/errors.ts';
import type { PropertyGraph } from '../../cypher/graph-store.ts';
import { defaultLocalServer, localServerInfo } from '../../store/neo4j/local-server.ts';
import { readSnapshotGraph } from '../../store/snapshot-read.ts';
import type { ServerConfig } from '../config.ts';
import { parseCypherRequest } from './cypher.ts';
import type { ApiAnswer, ApiLimits } from './neo4j-deps.ts';

export type EngineName = 'neo4j' | 'built-in';

/** Which engine answers this server's Cypher: Neo4j when one is configured or the bundled one runs. */
export function cypherEngine(config: ServerConfig): EngineName {
  if (config.neo4jUri) return 'neo4j'; // an empty NEO4J_URI is unset, as resolveNeo4jConfig reads it
  if (!config.snapshotDir) return 'neo4j';
  return localServerInfo(defaultLocalServer(config.env)).running ? 'neo4j' : 'built-in';
}

export function engineErrorAnswer(err: unknown): ApiAnswer {
  if (!(err instanceof CypherError)) throw err;
  const { status, ...json } = errorAnswer(err);
  return { status, json };
}

/** Holds the snapshot's property graph, built on first use. */
export function createEngineHost(snapshotDir: string) {
  let graph: Promise<PropertyGraph> | undefined;
  return {
    async handle(body: unknown, limits: ApiLimits): Promise<ApiAnswer> {
      const request = parseCypherRequest(body, limits.maxQueryLength);
      if ('status' in request) return request;
      graph ??= readSnapshotGraph(snapshotDir);
      try {
        const r = runQuery(await graph, request.query, paramsFromJson(request.params), { timeoutMs: limits.timeoutMs, maxRows: limits.maxRows });
        return {
          status: 200,
          json: { columns: r.columns, rows: r.rows, graph: r.graph, summary: { timeMs: Math.round(r.timeMs), truncated: r.truncated, rowCount: r.rows.length, maxRows: limits.maxRows, engine: 'built-in' } },
        };
      } catch (err) {
        return engineErrorAnswer(err);
      }
    },
  };
}
