/** What a route module is: its routes and, optionally, start/stop hooks for what it holds. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerConfig } from './config.ts';

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
  /** Exact path, e.g. '/api/cypher'; with `prefix`, every path under it (ending in '/'). */
  path: string;
  prefix?: boolean;
  handle(ctx: RouteContext): Promise<void> | void;
}

export interface RouteModule {
  name: string;
  routes: Route[];
  start?(config: ServerConfig): Promise<void> | void;
  stop?(): Promise<void> | void;
}
