/** The server's settings, resolved once at the entry point into a complete object. */
import { randomBytes } from 'node:crypto';
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
  /** More Host names to accept besides the loopback ones and the bound address (--allow-host). */
  allowHosts?: string[];
  /** The access token off loopback; a random one by default there, none on loopback. */
  token?: string | null;
  /** A Bolt URI given on the command line (--neo4j); NEO4J_URI in env otherwise. */
  neo4jUri?: string;
  env?: NodeJS.ProcessEnv;
}

export interface ServerConfig {
  snapshotDir: string | null;
  port: number;
  host: string;
  distDir: string;
  bodyLimitBytes: number;
  corsOrigins: string[];
  allowHosts: string[];
  /** Required for the data (/api/*, /graph.json) when set: bound off loopback. */
  token: string | null;
  neo4jUri: string | null;
  env: NodeJS.ProcessEnv;
}

/** Loopback addresses: only processes of this machine can connect. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
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
    allowHosts: o.allowHosts ?? [],
    token: o.token !== undefined ? o.token : isLoopback(o.host ?? DEFAULT_HOST) ? null : randomBytes(24).toString('base64url'),
    neo4jUri: o.neo4jUri ?? env.NEO4J_URI ?? null,
    env,
  };
}
