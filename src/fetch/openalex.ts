/**
 * OpenAlex works (https://docs.openalex.org/api-entities/works): GET /works with `search` and
 * `filter`, cursor paging (`cursor=*`, then each response's meta.next_cursor), `per-page=100`, and
 * `mailto` (the polite pool) or `api_key`. Works are written as OpenAlex returns them; the reader
 * rebuilds each abstract from abstract_inverted_index and keeps referenced_works.
 */
import { ProviderError, TruncatedBodyError, type Provider } from './provider.ts';

type Cursor = string;

interface WorksPage {
  meta?: { count?: number; next_cursor?: string | null };
  results?: Record<string, unknown>[];
  error?: string;
  message?: string;
}

export function parseJsonBody<T>(body: string, what: string): T {
  try {
    return JSON.parse(body) as T;
  } catch (err) {
    // A document that stops mid-way is the common way a response is cut short.
    throw new TruncatedBodyError(`${what} is not complete JSON: ${(err as Error).message}`);
  }
}

export const openAlex: Provider<Cursor> = {
  name: 'openalex',
  defaultBaseUrl: 'https://api.openalex.org',
  // OpenAlex allows 10 requests a second.
  minIntervalMs: 100,
  first: () => '*',
  request(cursor, q) {
    const params = new URLSearchParams({ search: q.query, 'per-page': '100', cursor });
    if (q.since !== undefined) params.set('filter', `from_publication_date:${q.since}-01-01`);
    if (q.credentials.apiKey) params.set('api_key', q.credentials.apiKey);
    if (q.credentials.mailto) params.set('mailto', q.credentials.mailto);
    return { url: `${q.baseUrl.replace(/\/$/, '')}/works?${params}` };
  },
  parse(body) {
    const page = parseJsonBody<WorksPage>(body, 'the OpenAlex response');
    if (!Array.isArray(page.results)) throw new ProviderError(`OpenAlex answered without a "results" array${page.error ? `: ${page.error} ${page.message ?? ''}` : ''}`);
    const next = page.meta?.next_cursor;
    return { records: page.results, next: typeof next === 'string' && next ? next : null, ...(typeof page.meta?.count === 'number' ? { total: page.meta.count } : {}) };
  },
  keyOf: (r) => String(r.id ?? JSON.stringify(r)),
};
