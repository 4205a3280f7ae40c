/**
 * `papergraph serve`'s HTTP server: the built explorer, the snapshot and the route modules' JSON
 * API on one origin, bound to 127.0.0.1 unless told otherwise.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ServerConfig, type ServerOptions, resolveConfig } from './config.ts';
import { HttpError, readJsonBody, sendError } from './http.ts';
import { ROUTE_MODULES } from './routes.ts';
import type { Route, RouteModule } from './route.ts';
import { applyOriginPolicy, setSecurityHeaders } from './security.ts';
import { serveStatic } from './static-files.ts';

export interface RunningServer {
  url: string;
  config: ServerConfig;
  close(): Promise<void>;
}

function allowedHosts(config: ServerConfig, port: number): string[] {
  // Bound to every interface on purpose: any Host is legitimate.
  if (config.host === '0.0.0.0' || config.host === '::') return [];
  const names = new Set([config.host, '127.0.0.1', 'localhost', '[::1]']);
  return [...names].map((n) => `${n.includes(':') && !n.startsWith('[') ? `[${n}]` : n}:${port}`.toLowerCase());
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const config = resolveConfig(options);
  const modules: RouteModule[] = options.modules ?? ROUTE_MODULES;
  const table = new Map<string, Route>();
  for (const m of modules) for (const r of m.routes) table.set(`${r.method} ${r.path}`, r);
  for (const m of modules) await m.start?.(config);

  let hosts: string[] = [];
  const server = createServer(async (req, res) => {
    setSecurityHeaders(res);
    try {
      if (applyOriginPolicy(req, res, { allowedHosts: hosts, corsOrigins: config.corsOrigins })) return;
      const url = new URL(req.url ?? '/', 'http://localhost');
      const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
      const route = table.get(`${method} ${url.pathname}`);
      if (route) {
        await route.handle({ req, res, url, config, readJson: () => readJsonBody(req, config.bodyLimitBytes) });
        return;
      }
      if (url.pathname.startsWith('/api/')) {
        const known = [...table.values()].some((r) => r.path === url.pathname);
        throw new HttpError(known ? 405 : 404, known ? `${req.method} is not allowed on ${url.pathname}` : `no API route ${url.pathname}`);
      }
      if (method !== 'GET') throw new HttpError(405, `${req.method} is not allowed here`);
      await serveStatic(res, config.distDir, url.pathname, req.method === 'HEAD');
    } catch (err) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (err instanceof HttpError) sendError(res, err);
      else {
        console.error(`papergraph serve: ${req.method} ${req.url}: ${(err as Error).stack ?? err}`);
        sendError(res, new HttpError(500, 'internal error'));
      }
    }
  });
  server.requestTimeout = 120_000;

  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(config.port, config.host, () => ready());
  });
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(config, port);
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${shownHost}:${port}/`,
    config: { ...config, port },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      for (const m of [...modules].reverse()) await m.stop?.();
    },
  };
}
