/**
 * arXiv's bulk metadata snapshot (the Kaggle "arxiv-metadata-oai-snapshot.json"): JSON Lines with
 * id, submitter, authors, title, abstract, categories, doi, versions, update_date, authors_parsed.
 */
import { arxivIdYear, buildRecord, normaliseArxivId, normaliseDoi, parseYear } from './fields.ts';
import { jsonFormatReader } from './json-format.ts';
import type { JsonObject } from './json-records.ts';
import { decodeLatex } from './latex.ts';
import type { SourceRef } from '../model/paper.ts';

export const ARXIV_JSONL_FORMAT = 'arxiv-jsonl';

function authorsOf(obj: JsonObject): string[] | undefined {
  // authors_parsed is [[last, first, suffix], ...] and already split; prefer it over the free text.
  if (Array.isArray(obj.authors_parsed)) {
    const names = obj.authors_parsed
      .filter((a): a is string[] => Array.isArray(a))
      .map(([last = '', first = '', suffix = '']) => decodeLatex(`${first} ${last} ${suffix}`));
    if (names.some(Boolean)) return names.filter(Boolean);
  }
  if (typeof obj.authors === 'string') {
    return decodeLatex(obj.authors)
      .split(/,\s*|\s+and\s+/)
      .map((s) => s.trim())
      .filter(Boolean);
  }
  return undefined;
}

export function convertArxivSnapshot(obj: JsonObject, source: SourceRef) {
  const arxivId = normaliseArxivId(obj.id);
  const versions = Array.isArray(obj.versions) ? (obj.versions as Array<{ created?: unknown }>) : [];
  const year = parseYear(versions[0]?.created) ?? (arxivId ? arxivIdYear(arxivId) : undefined) ?? parseYear(obj.update_date);
  return buildRecord(
    {
      title: typeof obj.title === 'string' ? decodeLatex(obj.title) : undefined,
      abstract: typeof obj.abstract === 'string' ? decodeLatex(obj.abstract) : undefined,
      authors: authorsOf(obj),
      arxivId,
      doi: normaliseDoi(obj.doi),
      year,
      url: arxivId ? `https://arxiv.org/abs/${arxivId}` : undefined,
      categories: typeof obj.categories === 'string' ? obj.categories.split(/\s+/) : undefined,
    },
    source,
    '"title"',
  );
}

export const arxivJsonlReader = jsonFormatReader({
  name: ARXIV_JSONL_FORMAT,
  description: 'arXiv metadata snapshot, JSON Lines (id, title, abstract, authors_parsed, versions)',
  isRecord: (o) => 'id' in o && ('authors_parsed' in o || 'submitter' in o || ('versions' in o && 'categories' in o)),
  convert: convertArxivSnapshot,
});
