/** The HTTP server on a real loopback socket: static files, snapshot, route table, security. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureGraph } from '../fixtures/explorer-snapshot.ts';
import type { RouteModule } from '../../src/server/route.ts';
import { snapshotRoutes } from '../../src/server/snapshot-routes.ts';
import { type RunningServer, startServer } from '../../src/server/server.ts';

let dir: string;
let server: RunningServer;
let port: number;
const stopped: string[] = [];

const echo: RouteModule = {
  name: 'echo',
  routes: [{ method: 'POST', path: '/api/echo', handle: async ({ res, readJson }) => void res.end(JSON.stringify(await readJson())) }],
  stop: () => void stopped.push('echo'),
};

/** A raw request, so tests can set any Host or Origin header. */
function send(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((done, fail) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'papergraph-serve-'));
  mkdirSync(join(dir, 'dist', 'assets'), { recursive: true });
  mkdirSync(join(dir, 'snap'));
  writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><meta name="csp-nonce" content="{{CSP_NONCE}}"><title>app</title>');
  writeFileSync(join(dir, 'dist', 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'outside dist');
  writeFileSync(join(dir, 'snap', 'graph.json'), JSON.stringify(buildFixtureGraph().export()));
  server = await startServer({ snapshotDir: join(dir, 'snap'), distDir: join(dir, 'dist'), port: 0, bodyLimitBytes: 1024, modules: [snapshotRoutes, echo] });
  port = Number(new URL(server.url).port);
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('papergraph serve', () => {
  it('binds 127.0.0.1 by default', () => {
    expect(server.url).toBe(`http://127.0.0.1:${port}/`);
  });

  it('serves the app with a content security policy and no CORS header', async () => {
    const r = await send('GET', '/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>app</title>');
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
    expect((await send('GET', '/assets/app.js')).headers['cache-control']).toContain('immutable');
  });

  it('writes a fresh style nonce into each page and its policy', async () => {
    const nonces = [];
    for (const _ of [1, 2]) {
      const r = await send('GET', '/');
      const nonce = /content="([^"]+)"/.exec(r.body)![1]!;
      expect(nonce).not.toBe('{{CSP_NONCE}}');
      expect(r.headers['content-security-policy']).toContain(`style-src 'self' 'nonce-${nonce}'`);
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it('serves the snapshot with its length, so the explorer can show progress', async () => {
    const r = await send('GET', '/graph.json');
    expect(r.status).toBe(200);
    expect(Number(r.headers['content-length'])).toBe(Buffer.byteLength(r.body));
    expect(JSON.parse(r.body).nodes).toHaveLength(buildFixtureGraph().order);
  });

  it('never serves files outside dist/', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%00']) {
      const r = await send('GET', path);
      expect(r.status, path).toBe(404);
      expect(r.body).not.toContain('outside dist');
    }
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    expect((await send('GET', '/', { host: 'attacker.example' })).status).toBe(421);
    expect((await send('GET', '/', { host: `localhost:${port}` })).status).toBe(200);
  });

  it('keeps CORS closed: preflights and cross-origin posts are refused', async () => {
    const pre = await send('OPTIONS', '/api/echo', { origin: 'http://evil.example', 'access-control-request-method': 'POST' });
    expect(pre.status).toBe(403);
    const post = await send('POST', '/api/echo', { origin: 'http://evil.example', 'content-type': 'application/json' }, '{"a":1}');
    expect(post.status).toBe(403);
    const same = await send('POST', '/api/echo', { origin: `http://127.0.0.1:${port}`, 'content-type': 'application/json' }, '{"a":1}');
    expect(same.status).toBe(200);
    expect(JSON.parse(same.body)).toEqual({ a: 1 });
  });

  it('limits request bodies and explains bad ones', async () => {
    const big = JSON.stringify({ q: 'x'.repeat(2000) });
    const r = await send('POST', '/api/echo', { 'content-type': 'application/json' }, big);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error).toMatch(/exceeds the limit of 1024 bytes/);
    const bad = await send('POST', '/api/echo', { 'content-type': 'application/json' }, '{oops');
    expect(bad.status).toBe(400);
    expect((await send('POST', '/api/echo', { 'content-type': 'text/plain' }, 'hi')).status).toBe(415);
  });

  it('answers unknown API paths and wrong methods with JSON errors', async () => {
    expect((await send('GET', '/api/nothing')).status).toBe(404);
    const r = await send('GET', '/api/echo');
    expect(r.status).toBe(405);
    expect(JSON.parse(r.body).error).toMatch(/GET is not allowed/);
  });
});

describe('server lifecycle', () => {
  it('stops its route modules on close', async () => {
    const s = await startServer({ distDir: join(dir, 'dist'), port: 0, modules: [echo] });
    await s.close();
    expect(stopped).toContain('echo');
  });
});
