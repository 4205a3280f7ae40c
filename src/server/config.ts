/** The server's settings, resolved once at the entry point into a complete object. */
import { fileURLToPath } from 'node:url';

export interface ServerOptions {
  /** Folder holding graph.json (written by `papergraph ingest --out`); null when serving from Neo4j only. */
  snapshotDir?: string | null;
  port?: number;
  host?: string;
  /** The built explorer; defaults to dist/ in the repository. */
  distDir?: string;
  /** Largest accepted request body, in bytes. */
  bodyLimitBytes?: number;
  /** Origins allowed cross-origin access; none by default. */
  corsOrigins?: string[];
  /** A Bolt URI given on the command line (--neo4j); NEO4J_URI in env otherwise. */
  neo4jUri?: string;
  env?: NodeJS.ProcessEnv;
  /** Route modules to mount; defaults to ROUTE_MODULES (routes.ts). */
  modules?: import('./route.ts').RouteModule[];
}

export interface ServerConfig {
  snapshotDir: string | null;
  port: number;
  host: string;
  distDir: string;
  bodyLimitBytes: number;
  corsOrigins: string[];
  neo4jUri: string | null;
  env: NodeJS.ProcessEnv;
}

export const DEFAULT_PORT = 8750;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_BODY_LIMIT = 256 * 1024;
export const DEFAULT_DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

export function resolveConfig(o: ServerOptions): ServerConfig {
  const env = o.env ?? process.env;
  return {
    snapshotDir: o.snapshotDir ?? null,
    port: o.port ?? DEFAULT_PORT,
    host: o.host ?? DEFAULT_HOST,
    distDir: o.distDir ?? DEFAULT_DIST,
    bodyLimitBytes: o.bodyLimitBytes ?? DEFAULT_BODY_LIMIT,
    corsOrigins: o.corsOrigins ?? [],
    neo4jUri: o.neo4jUri ?? env.NEO4J_URI ?? null,
    env,
  };
}
