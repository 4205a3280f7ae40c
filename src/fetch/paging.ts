/**
 * The paging loop every provider shares: ask for a page (from the page cache when an earlier run
 * already got it, otherwise over HTTP, rate-limited and retried), keep its records by identity, and
 * follow the provider's continuation until the results end or `max` is reached. Then the provider's
 * second pass, if it has one, and the output file, written once at the end.
 */
import { requestPage } from './http.ts';
import { writeJsonLines } from './output.ts';
import { openPageCache } from './page-cache.ts';
import { ProviderError, type FetchQuery, type PageSource, type ParsedPage, type Provider } from './provider.ts';
import { createRateLimiter, realClock, type Clock } from './rate-limit.ts';

export interface FetchOptions {
  out: string;
  /** Folder of this fetch's raw pages (page-cache.ts). */
  cacheDir: string;
  max?: number;
  /** Forget the pages of earlier runs and ask again from the first. */
  fresh?: boolean;
  /** A shorter pause than the provider's, for a mirror or a replay server (never the real API). */
  minIntervalMs?: number;
  backoffMs?: number;
  clock?: Clock;
  log?(line: string): void;
}

export interface FetchSummary {
  provider: string;
  records: number;
  pages: number;
  fromCache: number;
  requests: number;
  retries: string[];
  total?: number;
  /** Why paging stopped. */
  ended: 'end of results' | 'empty page' | 'max reached';
  out: string;
}

export async function runFetch<S>(provider: Provider<S>, q: FetchQuery, o: FetchOptions): Promise<FetchSummary> {
  const log = o.log ?? (() => {});
  const clock = o.clock ?? realClock;
  const cache = await openPageCache(o.cacheDir);
  if (o.fresh) await cache.clear();
  const limiter = createRateLimiter(o.minIntervalMs ?? provider.minIntervalMs, clock);
  const summary: FetchSummary = { provider: provider.name, records: 0, pages: 0, fromCache: 0, requests: 0, retries: [], ended: 'end of results', out: o.out };

  const source: PageSource = async (name, request, validate) => {
    const cached = await cache.get(name);
    if (cached !== undefined) {
      try {
        await validate(cached);
        summary.fromCache++;
        return cached;
      } catch {
        log(`${name}: the cached copy is unreadable; asking again`);
      }
    }
    summary.requests++;
    const body = await requestPage(request, validate, {
      limiter,
      clock,
      ...(o.backoffMs !== undefined ? { backoffMs: o.backoffMs } : {}),
      onRetry: (cause, waitMs, attempt) => {
        summary.retries.push(cause);
        log(`${name}: ${cause}; retry ${attempt} in ${(waitMs / 1000).toFixed(1)} s`);
      },
    });
    await cache.put(name, body);
    return body;
  };

  const kept = new Map<string, Record<string, unknown>>();
  let state: S | null = provider.first(q);
  while (state !== null) {
    const page = ++summary.pages;
    const current: S = state;
    let parsed: ParsedPage<S> | undefined;
    await source(`page-${String(page).padStart(6, '0')}`, provider.request(current, q), async (body) => {
      parsed = await provider.parse(body, current);
    });
    if (!parsed) throw new ProviderError(`page ${page}: no page was read`);
    if (parsed.total !== undefined) summary.total = parsed.total;
    for (const r of parsed.records) {
      const key = provider.keyOf(r);
      if (!kept.has(key)) kept.set(key, r);
    }
    log(`${provider.name}: ${kept.size.toLocaleString('en-US')}${summary.total !== undefined ? ` of ${summary.total.toLocaleString('en-US')}` : ''} records (page ${page})`);
    if (parsed.records.length === 0) {
      summary.ended = 'empty page';
      log(`page ${page} is empty: end of results`);
      break;
    }
    if (o.max !== undefined && kept.size >= o.max) {
      summary.ended = 'max reached';
      break;
    }
    state = parsed.next;
  }
  let records = [...kept.values()].slice(0, o.max);
  if (provider.complete) records = await provider.complete(records, source, q);
  await writeJsonLines(o.out, records);
  summary.records = records.length;
  return summary;
}

export function formatSummary(s: FetchSummary): string {
  const retries = s.retries.length ? `, ${s.retries.length} ${s.retries.length === 1 ? 'retry' : 'retries'} (${[...new Set(s.retries)].join('; ')})` : '';
  return [
    `fetched     ${s.records.toLocaleString('en-US')} records from ${s.provider}${s.total !== undefined ? ` (the provider counts ${s.total.toLocaleString('en-US')} matches)` : ''}`,
    `requests    ${s.requests} over HTTP, ${s.fromCache} pages from the cache${retries}`,
    `stopped     ${s.ended}`,
    `written     ${s.out}`,
  ].join('\n') + '\n';
}
