/**
 * Semantic Scholar Graph API (https://api.semanticscholar.org/api-docs/graph): bulk search, GET
 * /graph/v1/paper/search/bulk, follows its continuation `token`; an API key, when given, goes in the
 * `x-api-key` header; at most one request a second. Bulk search cannot return nested data such as
 * references, so they are asked for afterwards with POST /graph/v1/paper/batch, 500 ids a call.
 * Papers are written as the API returns them, with their `references` added.
 */
import { parseJsonBody } from './openalex.ts';
import { ProviderError, type FetchQuery, type PageRequest, type Provider } from './provider.ts';

const FIELDS = 'paperId,corpusId,externalIds,title,abstract,year,publicationDate,authors,venue,publicationVenue,journal,url,fieldsOfStudy';
const REFERENCE_FIELDS = 'references.paperId,references.externalIds';
const BATCH = 500;

interface SearchPage {
  total?: number;
  token?: string | null;
  data?: Record<string, unknown>[];
  message?: string;
  error?: string;
}

function headers(q: FetchQuery, json = false): Record<string, string> {
  return { ...(q.credentials.apiKey ? { 'x-api-key': q.credentials.apiKey } : {}), ...(json ? { 'content-type': 'application/json' } : {}) };
}

const api = (q: FetchQuery, path: string) => `${q.baseUrl.replace(/\/$/, '')}/graph/v1${path}`;

function batchRequest(ids: string[], q: FetchQuery): PageRequest {
  return { url: `${api(q, '/paper/batch')}?${new URLSearchParams({ fields: REFERENCE_FIELDS })}`, method: 'POST', headers: headers(q, true), body: JSON.stringify({ ids }) };
}

function parseBatch(body: string, ids: readonly string[]): Array<Record<string, unknown> | null> {
  const list = parseJsonBody<unknown>(body, 'the Semantic Scholar batch response');
  if (!Array.isArray(list) || list.length !== ids.length) throw new ProviderError(`Semantic Scholar batch answered ${Array.isArray(list) ? `${list.length} papers for ${ids.length} ids` : 'without an array'}; expected one entry per id`);
  return list as Array<Record<string, unknown> | null>;
}

export const semanticScholar: Provider<{ token?: string }> = {
  name: 's2',
  defaultBaseUrl: 'https://api.semanticscholar.org',
  // The documented rate for an API key is one request a second (shared pools are stricter still).
  minIntervalMs: 1000,
  first: () => ({}),
  request(state, q) {
    const params = new URLSearchParams({ query: q.query, fields: FIELDS });
    if (q.since !== undefined) params.set('year', `${q.since}-`);
    if (state.token) params.set('token', state.token);
    return { url: `${api(q, '/paper/search/bulk')}?${params}`, headers: headers(q) };
  },
  parse(body) {
    const page = parseJsonBody<SearchPage>(body, 'the Semantic Scholar response');
    if (!Array.isArray(page.data)) {
      // An empty result set comes back as {"total": 0} with no data array.
      if (page.total === 0) return { records: [], next: null, total: 0 };
      throw new ProviderError(`Semantic Scholar answered without a "data" array${page.message || page.error ? `: ${page.message ?? page.error}` : ''}`);
    }
    return { records: page.data, next: page.token ? { token: page.token } : null, ...(typeof page.total === 'number' ? { total: page.total } : {}) };
  },
  keyOf: (r) => String(r.paperId ?? JSON.stringify(r)),
  async complete(records, pages, q) {
    const ids = records.map((r) => r.paperId).filter((id): id is string => typeof id === 'string');
    const refs = new Map<string, unknown>();
    for (let i = 0; i < ids.length; i += BATCH) {
      const chunk = ids.slice(i, i + BATCH);
      const body = await pages(`references-${String(i / BATCH + 1).padStart(6, '0')}`, batchRequest(chunk, q), (b) => void parseBatch(b, chunk));
      parseBatch(body, chunk).forEach((p, k) => {
        if (p && Array.isArray(p.references)) refs.set(chunk[k]!, p.references);
      });
    }
    return records.map((r) => (refs.has(r.paperId as string) ? { ...r, references: refs.get(r.paperId as string) } : r));
  },
};
