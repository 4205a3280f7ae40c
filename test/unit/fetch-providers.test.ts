/**
 * The three fetch clients against a replay server on 127.0.0.1 serving hand-written pages in each
 * provider's documented response schema: paging to the end, the provider's rate limit, and the
 * faults a real API produces (429 with Retry-After, a 500, a body cut short, an empty last page).
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { arxiv } from '../../src/fetch/arxiv.ts';
import { openAlex } from '../../src/fetch/openalex.ts';
import { runFetch, type FetchOptions } from '../../src/fetch/paging.ts';
import type { Provider } from '../../src/fetch/provider.ts';
import { semanticScholar } from '../../src/fetch/s2.ts';
import { readRecords } from '../../src/pipeline.ts';
import { ROUTES, startReplay, type Replay, type Reply, type Route } from '../support/replay-server.ts';

interface Case {
  name: 'openalex' | 'arxiv' | 's2';
  provider: Provider<never>;
  /** Keys of every record, in the order the pages give them. */
  keys: string[];
  /** Number of search pages of a normal run. */
  pages: number;
  /** A route whose results end with an empty page. */
  emptyLast: Route;
  format: string;
}

const oa = (n: number) => `https://openalex.org/W210000000${n}`;
const s2 = (n: number) => `649def34f8be52c8b66281af98ae884c09aef38${n}`;
const CASES: Case[] = [
  { name: 'openalex', provider: openAlex as Provider<never>, keys: [1, 2, 3, 4, 5, 6, 7, 8].map(oa), pages: 4, emptyLast: ROUTES.openalex, format: 'openalex' },
  {
    name: 'arxiv',
    provider: arxiv as Provider<never>,
    keys: [1, 2, 3, 4, 5].map((n) => `2401.0000${n}`),
    pages: 3,
    // The feed promises a sixth result that never comes.
    emptyLast: (req, n) => {
      const r = ROUTES.arxiv(req, n);
      return { ...r, body: r.body.replace(/(totalResults[^>]*>)5</, '$16<') };
    },
    format: 'arxiv-jsonl',
  },
  {
    name: 's2',
    provider: semanticScholar as Provider<never>,
    keys: [1, 2, 3, 4, 5].map(s2),
    pages: 3,
    emptyLast: (req, n) => {
      const r = ROUTES.s2(req, n);
      return req.query.get('token') === 't3' ? { ...r, body: r.body.replace('"token": null', '"token": "t4"') } : r;
    },
    format: 's2',
  },
];

let replay: Replay | undefined;
afterEach(async () => {
  await replay?.close();
  replay = undefined;
});

const tmp = () => mkdtempSync(join(tmpdir(), 'pg-fetch-'));

async function fetchFrom(c: Case, route: Route, options: Partial<FetchOptions> = {}, credentials = {}) {
  replay = await startReplay(route);
  const dir = tmp();
  const lines: string[] = [];
  const out = join(dir, 'out.jsonl.gz');
  const summary = await runFetch(c.provider, { query: 'retrieval', baseUrl: replay.url, credentials }, { out, cacheDir: join(dir, 'pages'), minIntervalMs: 20, backoffMs: 50, log: (l) => lines.push(l), ...options });
  const records = gunzipSync(readFileSync(out)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  return { summary, records, lines, out, dir, arrivals: replay.arrivals };
}

const searches = (arrivals: Replay['arrivals']) => arrivals.filter((a) => !a.path.endsWith('/batch'));

/** Replaces the reply to the given request numbers (counting every request, retries included). */
function withFaults(route: Route, faults: Record<number, (normal: Reply) => Reply>): Route {
  return (req, n) => {
    const normal = route(req, n);
    return faults[n] ? faults[n](normal) : normal;
  };
}

describe.each(CASES)('fetch $name', (c) => {
  it('pages to the end: every record once, in page order, readable by its reader', async () => {
    const r = await fetchFrom(c, ROUTES[c.name]);
    expect(r.records.map((x) => c.provider.keyOf(x))).toEqual(c.keys);
    expect(r.summary).toMatchObject({ records: c.keys.length, pages: c.pages, requests: searches(r.arrivals).length + (c.name === 's2' ? 1 : 0), fromCache: 0 });
    expect(searches(r.arrivals)).toHaveLength(c.pages);
    const read = await readRecords([r.out]);
    expect(read.diagnostics).toEqual([]);
    expect(read.records.map((p) => p.source.format)).toEqual(c.keys.map(() => c.format));
    expect(read.records.every((p) => p.title && p.abstract.length > 40)).toBe(true);
  });

  it("asks in the provider's documented way", async () => {
    const r = await fetchFrom(c, ROUTES[c.name], { max: 100 }, { apiKey: 'k-123', mailto: 'me@example.org' });
    const [first, second] = searches(r.arrivals);
    if (c.name === 'openalex') {
      expect(Object.fromEntries(first!.query)).toEqual({ search: 'retrieval', 'per-page': '100', cursor: '*', api_key: 'k-123', mailto: 'me@example.org' });
      expect(second!.query.get('cursor')).toBe('c2');
    } else if (c.name === 'arxiv') {
      expect(first!.query.get('search_query')).toBe('all:retrieval');
      expect([first!.query.get('start'), first!.query.get('max_results'), second!.query.get('start')]).toEqual(['0', '100', '2']);
    } else {
      expect(first!.query.get('query')).toBe('retrieval');
      expect(first!.query.get('token')).toBeNull();
      expect(second!.query.get('token')).toBe('t2');
      expect(r.arrivals.every((a) => a.headers['x-api-key'] === 'k-123')).toBe(true);
      const batch = r.arrivals.find((a) => a.path.endsWith('/paper/batch'))!;
      expect(batch.query.get('fields')).toBe('references.paperId,references.externalIds');
      expect(JSON.parse(batch.body)).toEqual({ ids: c.keys });
      expect(r.records[1]!.references).toHaveLength(2);
    }
    // The key travels to the server only, never into the cached pages.
    const cacheDir = join(r.dir, 'pages');
    for (const f of readdirSync(cacheDir)) expect(readFileSync(join(cacheDir, f), 'utf8')).not.toContain('k-123');
  });

  it("honours the provider's rate limit between requests", async () => {
    const r = await fetchFrom(c, ROUTES[c.name], { minIntervalMs: undefined as never });
    const gaps = r.arrivals.slice(1).map((a, i) => a.at - r.arrivals[i]!.at);
    expect(gaps.length).toBeGreaterThan(1);
    // Arrival times are taken at the server, so this is the limit as the provider would see it.
    for (const g of gaps) expect(g).toBeGreaterThanOrEqual(c.provider.minIntervalMs);
  });

  it('retries a 429 after its Retry-After, a 500 and truncated bodies, naming each', async () => {
    const r = await fetchFrom(
      c,
      withFaults(ROUTES[c.name], {
        2: () => ({ status: 429, headers: { 'retry-after': '1' }, body: '{"error":"Too Many Requests"}' }),
        3: () => ({ status: 500, body: '{"error":"Internal Server Error"}' }),
        4: (normal) => ({ ...normal, cutAfter: Math.floor(normal.body.length / 2) }),
        5: (normal) => ({ ...normal, body: normal.body.slice(0, Math.floor(normal.body.length / 2)) }),
      }),
    );
    expect(r.records.map((x) => c.provider.keyOf(x))).toEqual(c.keys);
    expect(r.summary.retries).toHaveLength(4);
    expect(r.summary.retries[0]).toBe('429 Too Many Requests (Retry-After 1 s)');
    expect(r.summary.retries[1]).toBe('HTTP 500 Internal Server Error');
    expect(r.summary.retries[2]).toMatch(/^truncated body \(HTTP 200: the connection closed before the body ended\)$/);
    expect(r.summary.retries[3]).toMatch(c.name === 'arxiv' ? /^truncated body \(the Atom feed has no closing <\/feed>\)$/ : /^truncated body \(the .* response is not complete JSON/);
    expect(r.lines.some((l) => /429 Too Many Requests \(Retry-After 1 s\); retry 1 in 1\.0 s/.test(l))).toBe(true);
    // The request after the 429 waited the second the server asked for.
    expect(r.arrivals[2]!.at - r.arrivals[1]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('ends at an empty last page and says so', async () => {
    const r = await fetchFrom(c, c.emptyLast);
    expect(r.records.map((x) => c.provider.keyOf(x))).toEqual(c.keys);
    expect(r.summary.ended).toBe('empty page');
    expect(r.lines).toContain(`page ${searches(r.arrivals).length} is empty: end of results`);
  });

  it('gives up with the cause after the last attempt', async () => {
    await expect(fetchFrom(c, () => ({ status: 503, body: 'down' }), { backoffMs: 1 })).rejects.toThrow(/gave up after 6 attempts .*HTTP 503/);
  });
});
