/** Serves the built explorer (dist/) read-only, never outside its folder (symlinks resolved), never a dotfile. */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { constants as zlibConstants, createBrotliCompress, createGzip } from 'node:zlib';
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

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.cypher']);

/** br or gzip, as the client accepts (q=0 means no); undefined for neither. */
export function pickEncoding(accept: string | undefined): 'br' | 'gzip' | undefined {
  const offered = new Map((accept ?? '').split(',').map((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    return [name!, q === undefined ? 1 : Number(q)] as const;
  }));
  const ok = (name: string) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : undefined;
}

/**
 * A file with an ETag (size and modification time: a new snapshot is a new tag), answered 304 when
 * the client has it, compressed with brotli or gzip as it accepts.
 */
export async function sendFile(req: IncomingMessage, res: ServerResponse, file: string, cache = 'no-cache'): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new HttpError(404, 'not found');
  const etag = `"${info.size.toString(16)}-${Math.trunc(info.mtimeMs).toString(16)}"`;
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const encoding = COMPRESSIBLE.has(extname(file)) && info.size > 1024 ? pickEncoding(req.headers['accept-encoding']) : undefined;
  const headers: Record<string, string | number> = { 'content-type': type, 'cache-control': cache, etag, vary: 'accept-encoding' };
  const known = (req.headers['if-none-match'] ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (known.includes(etag) || known.includes('*')) {
    res.writeHead(304, { etag, 'cache-control': cache, vary: 'accept-encoding' });
    res.end();
    return;
  }
  if (encoding) headers['content-encoding'] = encoding;
  else headers['content-length'] = info.size;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const source = createReadStream(file);
  // Quality 5: most of brotli's gain at a fraction of its default (11) cost, for a file sent on every load.
  const sent = encoding === 'br'
    ? pipeline(source, createBrotliCompress({ params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: info.size } }), res)
    : encoding === 'gzip'
      ? pipeline(source, createGzip({ level: 6 }), res)
      : pipeline(source, res);
  await sent.catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ERR_STREAM_PREMATURE_CLOSE') throw err;
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

/**
 * The file a URL path names inside `root`, after symlinks: null when it is outside, or when any
 * part of the path is a dotfile (.env, .git).
 */
export async function realFileInside(root: string, urlPath: string): Promise<string | null> {
  const file = resolveInside(root, urlPath);
  if (!file) return null;
  const base = resolve(root);
  if (file.slice(base.length).split(sep).some((part) => part.startsWith('.'))) return null;
  const [realBase, real] = await Promise.all([realpath(base).catch(() => null), realpath(file).catch(() => null)]);
  if (!realBase || !real) return null;
  return real === realBase || real.startsWith(realBase + sep) ? real : null;
}

export async function serveStatic(req: IncomingMessage, res: ServerResponse, distDir: string, urlPath: string): Promise<void> {
  const path = urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath;
  const file = await realFileInside(distDir, path);
  if (!file) throw new HttpError(404, 'not found');
  if (file.endsWith('.html')) {
    await sendPage(res, file, req.method === 'HEAD');
    return;
  }
  // Hashed assets never change; everything else is revalidated.
  const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
  await sendFile(req, res, file, cache);
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
