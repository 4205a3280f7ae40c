/**
 * Security headers and cross-origin policy. The content security policy allows only the app's own
 * scripts, styles and connections (the e2e tests check the app runs under it without violations);
 * CORS is closed unless origins are configured; Host is checked so a DNS-rebound name cannot reach
 * a loopback server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { HttpError } from './http.ts';

/** Where an HTML page asks for the per-response nonce (index.html's meta tag). */
export const NONCE_PLACEHOLDER = '{{CSP_NONCE}}';

/**
 * The policy; with a nonce, style elements carrying it are allowed too (the Cypher editor,
 * CodeMirror, injects its styles that way), still no inline style from anywhere else.
 */
export function contentSecurityPolicy(nonce?: string): string {
  return CONTENT_SECURITY_POLICY.replace("style-src 'self'", nonce ? `style-src 'self' 'nonce-${nonce}'` : "style-src 'self'");
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('cross-origin-opener-policy', 'same-origin');
  res.setHeader('cross-origin-resource-policy', 'same-origin');
}

export interface OriginPolicy {
  /** Host header values accepted (host:port or host); always checked, so DNS rebinding cannot reach the server. */
  allowedHosts: string[];
  /** Origins allowed cross-origin access (CORS); empty: closed. */
  corsOrigins: string[];
}

/**
 * Applies the origin policy; returns true when the request was fully answered (a preflight).
 * Throws HttpError for refused requests.
 */
export function applyOriginPolicy(req: IncomingMessage, res: ServerResponse, policy: OriginPolicy): boolean {
  const host = req.headers.host ?? '';
  const bare = host.toLowerCase().replace(/:\d+$/, '');
  if (!policy.allowedHosts.includes(host.toLowerCase()) && !policy.allowedHosts.includes(bare)) {
    throw new HttpError(421, `unexpected Host header "${host}" (start the server with --allow-host ${bare || '<name>'} to accept it)`);
  }
  const origin = req.headers.origin;
  const sameOrigin = !origin || origin === `http://${host}`;
  const allowed = !sameOrigin && origin !== undefined && policy.corsOrigins.includes(origin);
  if (allowed) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('vary', 'Origin');
  }
  if (req.method === 'OPTIONS') {
    if (!allowed) throw new HttpError(403, 'cross-origin requests are not allowed (start the server with --cors-origin to allow one)');
    res.writeHead(204, { 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type', 'access-control-max-age': '600' });
    res.end();
    return true;
  }
  // Browsers send Origin on cross-origin POSTs; refuse them before any handler runs.
  if (!sameOrigin && !allowed && req.method !== 'GET' && req.method !== 'HEAD') {
    throw new HttpError(403, `cross-origin request from ${origin} refused`);
  }
  return false;
}

export const TOKEN_COOKIE = 'papergraph_token';

/** Paths that carry the data: the API and the snapshot. The explorer's own files are public. */
export function isDataPath(path: string): boolean {
  return path.startsWith('/api/') || path.startsWith('/map/') || path === '/graph.json';
}

function tokenOf(req: IncomingMessage, url: URL): string | undefined {
  const auth = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const cookie = (req.headers.cookie ?? '').split(/;\s*/).find((c) => c.startsWith(`${TOKEN_COOKIE}=`))?.slice(TOKEN_COOKIE.length + 1);
  return auth ?? cookie ?? url.searchParams.get('token') ?? undefined;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Who may read the data. A browser marks requests a page of another site makes (Sec-Fetch-Site:
 * cross-site): refused. Off loopback the data also needs the token, given once in the URL the
 * startup line prints; the page that opens with it gets it back as a same-site-only cookie.
 */
export function applyAccessPolicy(req: IncomingMessage, res: ServerResponse, url: URL, token: string | null): void {
  const data = isDataPath(url.pathname);
  if (data && req.headers['sec-fetch-site'] === 'cross-site') throw new HttpError(403, 'cross-site requests are refused');
  if (!token) return;
  const given = tokenOf(req, url);
  const valid = given !== undefined && sameToken(given, token);
  if (valid && !data) res.setHeader('set-cookie', `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
  if (data && !valid) throw new HttpError(401, 'this server is reachable from the network: open the URL with ?token= that `papergraph serve` printed');
}
