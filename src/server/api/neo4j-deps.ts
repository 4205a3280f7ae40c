/**
 * What the Neo4j API handlers need, owned by the route module: one driver for the server's life,
 * opened on first use (so the explorer starts without Neo4j and Cypher works once it is up), plus the
 * query limits. Credentials stay here; no answer ever carries them.
 */
import type { Driver } from 'neo4j-driver';
import { resolveNeo4jConfig, type Neo4jConfig } from '../../store/neo4j/config.ts';
import { openDriver } from '../../store/neo4j/driver.ts';

export interface ApiLimits {
  timeoutMs: number;
  maxRows: number;
  /** Longest accepted query text, in characters. */
  maxQueryLength: number;
  /** Most bytes of JSON rows one answer may carry. */
  maxBytes: number;
  /** Console queries running at once on this server; more are answered 429. */
  maxConcurrent: number;
  /** Most nodes GET /api/graph returns. */
  maxGraphNodes: number;
}

export interface Neo4jDeps {
  config: Neo4jConfig;
  driver(): Driver;
  limits: ApiLimits;
  /** Console queries running now (against limits.maxConcurrent). */
  inFlight: { count: number };
}

/** Handler answers: a status and a JSON body, so handlers stay free of HTTP plumbing. */
export interface ApiAnswer {
  status: number;
  json: unknown;
}

export const NEEDS_NEO4J =
  'Cypher needs a Neo4j: start the bundled one with `npm run neo4j:start`, or point papergraph at yours with NEO4J_URI (or `papergraph serve --neo4j <uri>`)';

export function limitsFromEnv(env: NodeJS.ProcessEnv): ApiLimits {
  const num = (v: string | undefined, fallback: number) => (v !== undefined && Number.isInteger(Number(v)) && Number(v) > 0 ? Number(v) : fallback);
  return {
    timeoutMs: num(env.PAPERGRAPH_CYPHER_TIMEOUT_MS, 15_000),
    maxRows: num(env.PAPERGRAPH_CYPHER_MAX_ROWS, 1_000),
    maxQueryLength: num(env.PAPERGRAPH_CYPHER_MAX_LENGTH, 20_000),
    maxBytes: num(env.PAPERGRAPH_CYPHER_MAX_BYTES, 8 * 1024 * 1024),
    maxConcurrent: num(env.PAPERGRAPH_CYPHER_MAX_CONCURRENT, 4),
    maxGraphNodes: num(env.PAPERGRAPH_GRAPH_MAX_NODES, 20_000),
  };
}

export function createNeo4jDeps(env: NodeJS.ProcessEnv, uri: string | null): Neo4jDeps & { close(): Promise<void> } {
  const config = resolveNeo4jConfig(uri ? { ...env, NEO4J_URI: uri } : env);
  let driver: Driver | undefined;
  return {
    config,
    limits: limitsFromEnv(env),
    inFlight: { count: 0 },
    driver() {
      // A person waits on every answer: retry transient failures briefly, then say what is wrong.
      driver ??= openDriver(config, { maxConnectionPoolSize: 50, maxTransactionRetryTime: 1_000 });
      return driver;
    },
    async close() {
      await driver?.close();
      driver = undefined;
    },
  };
}
