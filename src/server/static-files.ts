/** Serves the built explorer (dist/) read-only, never outside its folder. */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { HttpError } from './http.ts';
import { NONCE_PLACEHOLDER, contentSecurityPolicy } from './security.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.cypher': 'text/plain; charset=utf-8',
};

export async function sendFile(res: ServerResponse, file: string, head = false, cache = 'no-cache'): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new HttpError(404, 'not found');
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': info.size, 'cache-control': cache });
  if (head) {
    res.end();
    return;
  }
  await new Promise<void>((done, fail) => {
    const stream = createReadStream(file);
    stream.on('error', fail);
    res.on('close', done);
    stream.pipe(res);
  });
}

/** Resolves a URL path inside `root`, or null when it would escape it. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const full = resolve(join(base, decoded));
  return full === base || full.startsWith(base + sep) ? full : null;
}

export async function serveStatic(res: ServerResponse, distDir: string, urlPath: string, head: boolean): Promise<void> {
  const path = urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath;
  const file = resolveInside(distDir, path);
  if (!file) throw new HttpError(404, 'not found');
  if (file.endsWith('.html')) {
    await sendPage(res, file, head);
    return;
  }
  // Hashed assets never change; everything else is revalidated.
  const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
  await sendFile(res, file, head, cache);
}

/** An HTML page with a fresh CSP nonce written into it and into its policy. */
async function sendPage(res: ServerResponse, file: string, head: boolean): Promise<void> {
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) throw new HttpError(404, 'not found');
  const nonce = randomBytes(16).toString('base64');
  const body = text.replaceAll(NONCE_PLACEHOLDER, nonce);
  res.setHeader('content-security-policy', contentSecurityPolicy(nonce));
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  res.end(head ? undefined : body);
}
