/**
 * The arXiv API (https://info.arxiv.org/help/api/user-manual.html): GET /api/query with
 * `search_query`, paged by `start` and `max_results`, at most one call every 3 seconds, answered
 * with an Atom feed. Entries are written in the shape of arXiv's metadata snapshot (id, title,
 * abstract, authors_parsed, categories, versions), which the arxiv-jsonl reader reads.
 */
import { Readable } from 'node:stream';
import type { ReaderInput } from '../readers/reader.ts';
import { child, childrenNamed, readXmlRecords, textOf, type XmlNode } from '../readers/xml-records.ts';
import { normaliseArxivId, squash } from '../readers/fields.ts';
import { ProviderError, TruncatedBodyError, type FetchQuery, type Provider } from './provider.ts';

const PAGE = 100;
const FIELD_PREFIX = /\b(ti|au|abs|co|jr|cat|rn|id|all|submittedDate):/;

/** A plain query becomes every word in any field; one already in arXiv's syntax is kept. */
export function arxivSearchQuery(q: Pick<FetchQuery, 'query' | 'since'>): string {
  const words = q.query.trim().split(/\s+/).filter(Boolean);
  const text = FIELD_PREFIX.test(q.query) ? q.query.trim() : words.map((w) => `all:${w.replace(/[():"]/g, '')}`).join(' AND ');
  return q.since !== undefined ? `(${text}) AND submittedDate:[${q.since}01010000 TO 999912312359]` : text;
}

/** "Jane Q. Doe" -> ["Doe", "Jane Q.", ""]: the snapshot's [last, first, suffix]. */
function parsedName(name: string): [string, string, string] {
  const parts = squash(name).split(' ');
  const last = parts.pop() ?? '';
  return [last, parts.join(' '), ''];
}

function toSnapshotRecord(entry: XmlNode): Record<string, unknown> {
  const id = normaliseArxivId(textOf(child(entry, 'id'))) ?? textOf(child(entry, 'id')).trim();
  const primary = child(entry, 'primary_category')?.attrs.term;
  const cats = [...new Set([primary, ...childrenNamed(entry, 'category').map((c) => c.attrs.term)].filter((c): c is string => !!c))];
  const authors = childrenNamed(entry, 'author').map((a) => squash(textOf(child(a, 'name'))));
  const doi = squash(textOf(child(entry, 'doi'))) || childrenNamed(entry, 'link').find((l) => l.attrs.title === 'doi')?.attrs.href;
  const published = squash(textOf(child(entry, 'published')));
  return {
    id,
    title: squash(textOf(child(entry, 'title'))),
    abstract: squash(textOf(child(entry, 'summary'))),
    authors: authors.join(', '),
    authors_parsed: authors.map(parsedName),
    categories: cats.join(' '),
    ...(doi ? { doi } : {}),
    versions: [{ version: 'v1', created: published }],
    update_date: squash(textOf(child(entry, 'updated'))).slice(0, 10),
  };
}

function memoryInput(body: string): ReaderInput {
  const bytes = Buffer.from(body);
  return { file: 'arXiv API response', head: bytes.subarray(0, 4096), open: () => Readable.from([bytes]) };
}

export const arxiv: Provider<{ start: number }> = {
  name: 'arxiv',
  defaultBaseUrl: 'https://export.arxiv.org',
  // "make no more than one request every three seconds" (the API's terms of use).
  minIntervalMs: 3000,
  first: () => ({ start: 0 }),
  request(state, q) {
    const params = new URLSearchParams({ search_query: arxivSearchQuery(q), start: String(state.start), max_results: String(PAGE), sortBy: 'submittedDate', sortOrder: 'descending' });
    return { url: `${q.baseUrl.replace(/\/$/, '')}/api/query?${params}` };
  },
  async parse(body, state) {
    if (!/<\/(\w+:)?feed>\s*$/.test(body)) throw new TruncatedBodyError('the Atom feed has no closing </feed>');
    const total = Number(/<(?:\w+:)?totalResults[^>]*>\s*(\d+)\s*</.exec(body)?.[1] ?? NaN);
    const records: Record<string, unknown>[] = [];
    for await (const r of readXmlRecords(memoryInput(body), new Set(['entry']))) {
      if ('diagnostic' in r) throw new TruncatedBodyError(r.diagnostic.kind === 'diagnostic' ? r.diagnostic.diagnostic.message : 'broken XML');
      const id = textOf(child(r.record.node, 'id'));
      if (/\/api\/errors/.test(id)) throw new ProviderError(`arXiv API error: ${squash(textOf(child(r.record.node, 'summary')))}`);
      records.push(toSnapshotRecord(r.record.node));
    }
    const start = state.start + records.length;
    const more = records.length > 0 && (Number.isNaN(total) || start < total);
    return { records, next: more ? { start } : null, ...(Number.isNaN(total) ? {} : { total }) };
  },
  keyOf: (r) => String(r.id),
};
