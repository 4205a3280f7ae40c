/**
 * `papergraph serve` as an attacker meets it. Bound to 0.0.0.0 (the real CLI, in a child process):
 * a warning at startup, a foreign Host refused, the data only with the printed token, cross-site
 * requests refused. On loopback: the snapshot compressed per Accept-Encoding with an ETag and 304,
 * and static serving that follows no symlink out of the folder and serves no dotfile.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureGraph } from '../fixtures/explorer-snapshot.ts';
import { snapshotRoutes } from '../../src/server/snapshot-routes.ts';
import { type RunningServer, startServer } from '../../src/server/server.ts';

const BIN = new URL('../../bin/papergraph.js', import.meta.url).pathname;
let dir: string;
let child: ChildProcess;
let stderr = '';
let exposed: URL;
let local: RunningServer;
let snapshot: string;

function send(port: number, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((done, fail) => {
    const req = request({ host: '127.0.0.1', port, method: 'GET', path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pg-serve-hard-'));
  mkdirSync(join(dir, 'dist', 'assets'), { recursive: true });
  mkdirSync(join(dir, 'snap'));
  writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(dir, 'dist', '.env'), 'SECRET=1');
  writeFileSync(join(dir, 'secret.txt'), 'outside dist');
  symlinkSync(join(dir, 'secret.txt'), join(dir, 'dist', 'assets', 'link.txt'));
  snapshot = JSON.stringify(buildFixtureGraph().export());
  writeFileSync(join(dir, 'snap', 'graph.json'), snapshot);
  child = spawn(process.execPath, [BIN, 'serve', join(dir, 'snap'), '--host', '0.0.0.0', '--port', '0', '--allow-host', 'papers.example'], {
    env: { ...process.env, PAPERGRAPH_DIST: join(dir, 'dist'), NEO4J_URI: 'bolt://127.0.0.1:1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  exposed = await new Promise<URL>((done, fail) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /papergraph explorer: (\S+)/.exec(out);
      if (m) done(new URL(m[1]!));
    });
    child.on('exit', (code) => fail(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  local = await startServer({ snapshotDir: join(dir, 'snap'), distDir: join(dir, 'dist'), port: 0, modules: [snapshotRoutes] });
}, 60_000);

afterAll(async () => {
  child?.kill('SIGINT');
  await local?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('serve --host 0.0.0.0', () => {
  const port = () => Number(exposed.port);
  const token = () => exposed.searchParams.get('token')!;
  const host = () => `127.0.0.1:${port()}`;

  it('warns at startup and prints the URL with a random token', () => {
    expect(stderr).toMatch(/WARNING: listening on 0\.0\.0\.0, reachable from other machines/);
    expect(token()).toMatch(/^[\w-]{32}$/);
  });

  it('refuses a foreign Host, even with the token; accepts an --allow-host name', async () => {
    expect((await send(port(), '/', { host: `rebound.attacker.example:${port()}` })).status).toBe(421);
    expect((await send(port(), `/api/health?token=${token()}`, { host: `rebound.attacker.example:${port()}` })).status).toBe(421);
    expect((await send(port(), `/api/health?token=${token()}`, { host: 'papers.example' })).status).toBe(200);
  });

  it('answers /api/* and /graph.json only with the token', async () => {
    for (const path of ['/api/health', '/api/queries', '/graph.json']) {
      expect((await send(port(), path, { host: host() })).status, path).toBe(401);
      expect((await send(port(), path, { host: host(), authorization: 'Bearer wrong-token' })).status, path).toBe(401);
      expect((await send(port(), path, { host: host(), authorization: `Bearer ${token()}` })).status, path).toBe(200);
    }
    // The page opened with the printed URL gets the token back as a same-site-only cookie.
    const page = await send(port(), `/?token=${token()}`, { host: host() });
    expect(page.status).toBe(200);
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly; SameSite=Strict/);
    expect((await send(port(), '/api/health', { host: host(), cookie: cookie.split(';')[0]! })).status).toBe(200);
    expect((await send(port(), '/', { host: host() })).status).toBe(200); // the app itself holds no data
  });

  it('refuses Sec-Fetch-Site: cross-site, token or not', async () => {
    const r = await send(port(), '/api/health', { host: host(), authorization: `Bearer ${token()}`, 'sec-fetch-site': 'cross-site' });
    expect(r.status).toBe(403);
    expect((await send(port(), '/api/health', { host: host(), authorization: `Bearer ${token()}`, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });
});

describe('serving files on loopback', () => {
  const port = () => Number(new URL(local.url).port);

  it('sends the snapshot with brotli or gzip as accepted, with an ETag, and 304 for a known one', async () => {
    const br = await send(port(), '/graph.json', { 'accept-encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(snapshot);
    const gz = await send(port(), '/graph.json', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(snapshot);
    const plain = await send(port(), '/graph.json', { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(snapshot);
    console.log(`graph.json: ${plain.body.length} bytes plain, ${gz.body.length} gzip, ${br.body.length} brotli`);
    const etag = String(br.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect([gz.headers.etag, plain.headers.etag]).toEqual([etag, etag]);
    const again = await send(port(), '/graph.json', { 'if-none-match': etag, 'accept-encoding': 'br' });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect((await send(port(), '/graph.json', { 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('follows no symlink out of the folder and serves no dotfile', async () => {
    expect((await send(port(), '/assets/link.txt')).status).toBe(404);
    expect((await send(port(), '/.env')).status).toBe(404);
    expect((await send(port(), '/%2eenv')).status).toBe(404);
    expect((await send(port(), '/index.html')).status).toBe(200);
  });
});
