/**
 * One page over HTTP, with retries: 429 and 5xx answers, dropped connections and truncated bodies
 * are retried with exponential backoff, and a Retry-After header (seconds or an HTTP date) is
 * honoured. Every retry is reported with its cause, so a slow fetch says why it is slow.
 */
import { ProviderError, TruncatedBodyError, type PageRequest, type Validate } from './provider.ts';
import type { Clock, RateLimiter } from './rate-limit.ts';

export interface HttpOptions {
  limiter: RateLimiter;
  clock: Clock;
  /** Attempts per page before giving up (default 6). */
  attempts?: number;
  /** First backoff; doubled on each retry, up to a minute (default 1 s). */
  backoffMs?: number;
  timeoutMs?: number;
  onRetry?(cause: string, waitMs: number, attempt: number): void;
}

/** "120" or "Wed, 21 Oct 2015 07:28:00 GMT" -> milliseconds from now; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const s = header.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Math.round(Number(s) * 1000);
  const at = Date.parse(s);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

class Retryable extends Error {
  constructor(
    message: string,
    readonly waitMs?: number,
  ) {
    super(message);
  }
}

async function attempt(req: PageRequest, validate: Validate, o: HttpOptions): Promise<string> {
  let res: Response;
  try {
    res = await fetch(req.url, { method: req.method ?? 'GET', headers: req.headers ?? {}, body: req.body ?? null, signal: AbortSignal.timeout(o.timeoutMs ?? 60_000) });
  } catch (err) {
    throw new Retryable(`network error (${(err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message})`);
  }
  const wait = retryAfterMs(res.headers.get('retry-after'), o.clock.now());
  let body: string;
  try {
    body = await res.text();
  } catch {
    throw new Retryable(`truncated body (HTTP ${res.status}: the connection closed before the body ended)`, wait);
  }
  if (res.status === 429) throw new Retryable(`429 Too Many Requests${wait !== undefined ? ` (Retry-After ${Math.round(wait / 1000)} s)` : ''}`, wait);
  if (res.status >= 500) throw new Retryable(`HTTP ${res.status} ${res.statusText}`.trim(), wait);
  if (res.status >= 400) throw new ProviderError(`HTTP ${res.status} ${res.statusText} from ${redact(req.url)}: ${body.slice(0, 300).replace(/\s+/g, ' ')}`);
  try {
    await validate(body);
  } catch (err) {
    if (err instanceof TruncatedBodyError) throw new Retryable(`truncated body (${err.message})`);
    throw err;
  }
  return body;
}

export async function requestPage(req: PageRequest, validate: Validate, o: HttpOptions): Promise<string> {
  const attempts = o.attempts ?? 6;
  for (let i = 1; ; i++) {
    await o.limiter.wait();
    try {
      const body = await attempt(req, validate, o);
      o.limiter.finished();
      return body;
    } catch (err) {
      o.limiter.finished();
      if (!(err instanceof Retryable)) throw err;
      if (i >= attempts) throw new ProviderError(`gave up after ${attempts} attempts at ${redact(req.url)}: ${err.message}`);
      const waitMs = err.waitMs ?? Math.min(60_000, (o.backoffMs ?? 1000) * 2 ** (i - 1));
      o.onRetry?.(err.message, waitMs, i);
      o.limiter.delay(waitMs);
    }
  }
}

/** A URL fit for a message: api keys and contact addresses removed. */
export function redact(url: string): string {
  return url.replace(/([?&](?:api_key|mailto)=)[^&]*/g, '$1…');
}
