/**
 * `papergraph serve`'s HTTP server: the built explorer, the snapshot and the route modules' JSON
 * API on one origin, bound to 127.0.0.1 unless told otherwise.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { type ServerConfig, type ServerOptions, resolveConfig } from './config.ts';
import { HttpError, readJsonBody, sendError } from './http.ts';
import { ROUTE_MODULES } from './routes.ts';
import type { Route, RouteModule } from './route.ts';
import { applyAccessPolicy, applyOriginPolicy, setSecurityHeaders } from './security.ts';
import { serveStatic } from './static-files.ts';

export interface RunningServer {
  url: string;
  config: ServerConfig;
  close(): Promise<void>;
}

/**
 * The Host values accepted: the loopback names, the bound address and --allow-host names, with the
 * port. Even bound to every interface the list stays: a page on another site that rebinds its own
 * name to this machine's address still sends its own name as Host.
 */
function allowedHosts(config: ServerConfig, port: number): string[] {
  const wildcard = config.host === '0.0.0.0' || config.host === '::';
  // Bound to every interface, the machine's own addresses and name are how other machines reach it.
  const own = wildcard ? [hostname(), ...Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((a) => a.address))] : [config.host];
  const names = new Set(['127.0.0.1', 'localhost', '[::1]', ...own]);
  const withPort = [...names].map((n) => `${n.includes(':') && !n.startsWith('[') ? `[${n}]` : n}:${port}`.toLowerCase());
  // An --allow-host name is accepted with any port (a proxy in front may use its own).
  return [...withPort, ...config.allowHosts.map((h) => h.toLowerCase())];
}

/** The options, and the route modules to mount (ROUTE_MODULES of routes.ts unless given). */
export async function startServer(options: ServerOptions & { modules?: RouteModule[] } = {}): Promise<RunningServer> {
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
      applyAccessPolicy(req, res, url, config.token);
      const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
      const route = table.get(`${method} ${url.pathname}`) ?? [...table.values()].find((r) => r.prefix && r.method === method && url.pathname.startsWith(r.path));
      if (route) {
        await route.handle({ req, res, url, config, readJson: () => readJsonBody(req, config.bodyLimitBytes) });
        return;
      }
      if (url.pathname.startsWith('/api/')) {
        const known = [...table.values()].some((r) => r.path === url.pathname);
        throw new HttpError(known ? 405 : 404, known ? `${req.method} is not allowed on ${url.pathname}` : `no API route ${url.pathname}`);
      }
      if (method !== 'GET') throw new HttpError(405, `${req.method} is not allowed here`);
      await serveStatic(req, res, config.distDir, url.pathname);
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
  // A client gets 10 s to send its headers (Node's default is a minute), and the server holds a
  // bounded number of connections, so slow clients cannot pile up.
  server.headersTimeout = 10_000;
  server.maxConnections = 256;

  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(config.port, config.host, () => ready());
  });
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(config, port);
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${shownHost}:${port}/${config.token ? `?token=${config.token}` : ''}`,
    config: { ...config, port },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      for (const m of [...modules].reverse()) await m.stop?.();
    },
  };
}
