/**
 * Semantic Scholar, two shapes:
 * - S2ORC metadata JSON Lines (paper_id, title, authors [{first, middle, last, suffix}], abstract,
 *   year, arxiv_id, doi, venue, journal, mag_field_of_study, s2_url);
 * - Graph API paper objects (paperId, corpusId, externalIds {DOI, ArXiv}, title, abstract, year,
 *   authors [{authorId, name}], venue, publicationVenue, journal, url, fieldsOfStudy), as JSON Lines,
 *   a JSON array, or an API response whose "data" array holds them.
 * References (Graph API `references`, S2ORC `outbound_citations`) become the record's references.
 */
import type { SourceRef } from '../model/paper.ts';
import { asString, asStringList, buildRecord, normaliseArxivId, normaliseDoi, parseYear } from './fields.ts';
import { jsonFormatReader } from './json-format.ts';
import type { JsonObject } from './json-records.ts';
import { readableMath } from './latex.ts';

export const S2ORC_FORMAT = 's2orc';
export const S2_FORMAT = 's2';

function str(v: unknown): string | undefined {
  const s = asString(v);
  return s && s.trim() ? s.trim() : undefined;
}

/**
 * A Graph API reference ({paperId, externalIds}) as one identifier: the S2 paper id, or for a paper
 * S2 could not resolve, its DOI or arXiv id.
 */
function s2ReferenceKey(ref: unknown): string | undefined {
  if (typeof ref !== 'object' || ref === null) return undefined;
  const r = ref as { paperId?: unknown; externalIds?: Record<string, unknown> | null };
  if (typeof r.paperId === 'string' && r.paperId) return `s2:${r.paperId}`;
  const doi = normaliseDoi(r.externalIds?.DOI);
  if (doi) return `doi:${doi}`;
  const arxiv = normaliseArxivId(r.externalIds?.ArXiv);
  return arxiv ? `arxiv:${arxiv}` : undefined;
}

function keysOf(list: unknown, key: (v: unknown) => string | undefined): string[] | undefined {
  return Array.isArray(list) ? list.map(key).filter((k): k is string => !!k) : undefined;
}

const s2orcKey = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? `s2orc:${v}` : undefined);

export function convertS2orc(obj: JsonObject, source: SourceRef) {
  const authors = Array.isArray(obj.authors)
    ? (obj.authors as Array<Record<string, unknown>>).map((a) => {
        const middle = Array.isArray(a?.middle) ? (a.middle as unknown[]).join(' ') : '';
        return [a?.first, middle, a?.last, a?.suffix].filter((p) => typeof p === 'string' && p).join(' ');
      })
    : undefined;
  const arxivId = normaliseArxivId(obj.arxiv_id);
  return buildRecord(
    {
      title: str(obj.title),
      abstract: typeof obj.abstract === 'string' ? readableMath(obj.abstract) : undefined,
      authors,
      year: parseYear(obj.year),
      arxivId,
      doi: normaliseDoi(obj.doi),
      venue: str(obj.venue) ?? str(obj.journal),
      url: str(obj.s2_url) ?? (arxivId ? `https://arxiv.org/abs/${arxivId}` : undefined),
      categories: asStringList(obj.mag_field_of_study),
      ids: keysOf([obj.paper_id], s2orcKey),
      references: keysOf(obj.outbound_citations, s2orcKey),
    },
    source,
    '"title"',
  );
}

export function convertS2Paper(obj: JsonObject, source: SourceRef) {
  const ext = (typeof obj.externalIds === 'object' && obj.externalIds ? obj.externalIds : {}) as Record<string, unknown>;
  const pubVenue = obj.publicationVenue as { name?: unknown } | null | undefined;
  const journal = obj.journal as { name?: unknown } | null | undefined;
  const fields = asStringList(obj.fieldsOfStudy) ??
    (Array.isArray(obj.s2FieldsOfStudy) ? asStringList((obj.s2FieldsOfStudy as Array<{ category?: unknown }>).map((f) => f?.category)) : undefined);
  const arxivId = normaliseArxivId(ext.ArXiv);
  return buildRecord(
    {
      title: str(obj.title),
      abstract: typeof obj.abstract === 'string' ? readableMath(obj.abstract) : undefined,
      authors: asStringList(obj.authors),
      year: parseYear(obj.year) ?? parseYear(obj.publicationDate),
      arxivId,
      doi: normaliseDoi(ext.DOI),
      venue: str(obj.venue) ?? str(pubVenue?.name) ?? str(journal?.name),
      url: str(obj.url) ?? (typeof obj.paperId === 'string' ? `https://www.semanticscholar.org/paper/${obj.paperId}` : undefined),
      categories: fields ? [...new Set(fields)] : undefined,
      ids: typeof obj.paperId === 'string' && obj.paperId ? [`s2:${obj.paperId}`] : undefined,
      references: keysOf(obj.references, s2ReferenceKey),
    },
    source,
    '"title"',
  );
}

/** A Graph API object: its own field names, camel-cased, that no other source uses together. */
function looksLikeS2Paper(o: JsonObject): boolean {
  return 'paperId' in o || 'corpusId' in o || ('externalIds' in o && 'title' in o);
}

export const s2orcReader = jsonFormatReader({
  name: S2ORC_FORMAT,
  description: 'Semantic Scholar S2ORC metadata, JSON Lines (paper_id, title, authors, abstract, s2_url)',
  isRecord: (o) => 'paper_id' in o && ('s2_url' in o || 'mag_field_of_study' in o || 'has_pdf_parse' in o || 'outbound_citations' in o),
  convert: convertS2orc,
});

export const s2Reader = jsonFormatReader({
  name: S2_FORMAT,
  description: 'Semantic Scholar Graph API papers: JSON, JSON Lines, or a response with "data"',
  isRecord: looksLikeS2Paper,
  documentHead: (head) => /"paperId"\s*:/.test(head) && /"title"\s*:/.test(head),
  convert: convertS2Paper,
});
