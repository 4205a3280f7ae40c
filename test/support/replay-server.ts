/**
 * A local HTTP server on 127.0.0.1 that replays provider responses written by hand under
 * test/fixtures/fetch/, for the fetch clients pointed at it with --base-url. It records when each
 * request arrives (for rate-limit tests) and can be told to misbehave: a 429 with Retry-After, a
 * 500, a body cut short, a response held back.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/fetch/', import.meta.url));

export const fixture = (path: string) => readFileSync(`${FIXTURES}${path}`, 'utf8');

export interface Arrival {
  at: number;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body: string;
  /** Send only this many bytes of the body while announcing all of it, then drop the connection. */
  cutAfter?: number;
  /** Wait this long before answering. */
  delayMs?: number;
}

/** Decides each reply from the request and its 1-based number. */
export type Route = (req: Arrival, n: number) => Reply;

export interface Replay {
  url: string;
  arrivals: Arrival[];
  close(): Promise<void>;
}

export async function startReplay(route: Route): Promise<Replay> {
  const arrivals: Arrival[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const arrival: Arrival = { at: Date.now(), method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body };
      arrivals.push(arrival);
      let reply: Reply;
      try {
        reply = route(arrival, arrivals.length);
      } catch (err) {
        reply = { status: 404, body: JSON.stringify({ error: String(err) }) };
      }
      const send = () => {
        const bytes = Buffer.from(reply.body);
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', 'content-length': String(bytes.length), ...reply.headers });
        if (reply.cutAfter !== undefined) {
          res.write(bytes.subarray(0, reply.cutAfter), () => res.destroy());
          return;
        }
        res.end(bytes);
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    arrivals,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** The replies of a normal run of each provider, by what the request asks for. */
export const ROUTES: Record<'openalex' | 'arxiv' | 's2', Route> = {
  openalex(req) {
    if (req.path !== '/works') throw new Error(`no such path ${req.path}`);
    const page = { '*': 1, c2: 2, c3: 3, c4: 4 }[req.query.get('cursor') ?? ''];
    if (!page) throw new Error(`unknown cursor ${req.query.get('cursor')}`);
    return { body: fixture(`openalex/page-${page}.json`) };
  },
  arxiv(req) {
    if (req.path !== '/api/query') throw new Error(`no such path ${req.path}`);
    const start = req.query.get('start');
    return { headers: { 'content-type': 'application/atom+xml' }, body: fixture(start === '5' ? 'arxiv/start-5-empty.xml' : `arxiv/start-${start}.xml`) };
  },
  s2(req) {
    if (req.path === '/graph/v1/paper/batch' && req.method === 'POST') {
      const ids = (JSON.parse(req.body) as { ids: string[] }).ids;
      const all = JSON.parse(fixture('s2/batch.json')) as Array<{ paperId: string }>;
      return { body: JSON.stringify(ids.map((id) => all.find((p) => p.paperId === id) ?? null)) };
    }
    if (req.path !== '/graph/v1/paper/search/bulk') throw new Error(`no such path ${req.path}`);
    const page = { '': 1, t2: 2, t3: 3, t4: 'empty' }[req.query.get('token') ?? ''];
    if (!page) throw new Error(`unknown token ${req.query.get('token')}`);
    return { body: fixture(`s2/page-${page}.json`) };
  },
};
