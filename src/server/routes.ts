/**
 * The route table. A route module brings its routes and, optionally, start/stop hooks for what it
 * holds (a Neo4j driver...). To add an API, write a module in src/server/api/ and append it to
 * ROUTE_MODULES; the server knows nothing else about it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerConfig } from './config.ts';
import { snapshotRoutes } from './snapshot-routes.ts';
import { neo4jRoutes } from './api/routes.ts';

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  config: ServerConfig;
  /** The request body as JSON, within the configured size limit (413 / 400 / 415 otherwise). */
  readJson(): Promise<unknown>;
}

export interface Route {
  method: 'GET' | 'POST';
  /** Exact path, e.g. '/api/cypher'. */
  path: string;
  handle(ctx: RouteContext): Promise<void> | void;
}

export interface RouteModule {
  name: string;
  routes: Route[];
  start?(config: ServerConfig): Promise<void> | void;
  stop?(): Promise<void> | void;
}

export const ROUTE_MODULES: RouteModule[] = [snapshotRoutes, neo4jRoutes()];
