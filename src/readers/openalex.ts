/**
 * OpenAlex works (https://docs.openalex.org/api-entities/works/work-object): JSON Lines (the data
 * snapshot), a JSON array, or an API response whose "results" array holds the works. The abstract
 * is rebuilt from abstract_inverted_index (word -> positions), since OpenAlex ships no plain text.
 * referenced_works (OpenAlex ids of the works cited) become the record's references.
 */
import type { SourceRef } from '../model/paper.ts';
import { buildRecord, normaliseArxivId, normaliseDoi, parseYear } from './fields.ts';
import { jsonFormatReader } from './json-format.ts';
import type { JsonObject } from './json-records.ts';
import { readableMath } from './latex.ts';

export const OPENALEX_FORMAT = 'openalex';

/** Places every word at each of its positions; positions OpenAlex left out stay empty. */
export function rebuildAbstract(index: unknown): string | undefined {
  if (typeof index !== 'object' || index === null || Array.isArray(index)) return undefined;
  const words: string[] = [];
  for (const [word, positions] of Object.entries(index as Record<string, unknown>)) {
    if (!Array.isArray(positions)) continue;
    for (const p of positions) {
      if (Number.isInteger(p) && p >= 0 && p < 1_000_000) words[p as number] = word;
    }
  }
  const text = words.filter((w) => w !== undefined).join(' ');
  return text || undefined;
}

type Location = { landing_page_url?: unknown; pdf_url?: unknown; source?: { display_name?: unknown } | null } | null | undefined;

function arxivFromLocations(obj: JsonObject): string | undefined {
  const locs = [obj.primary_location, obj.best_oa_location, ...(Array.isArray(obj.locations) ? obj.locations : [])] as Location[];
  for (const l of locs) {
    for (const u of [l?.landing_page_url, l?.pdf_url]) {
      if (typeof u === 'string' && /arxiv\.org\//i.test(u)) {
        const id = normaliseArxivId(u);
        if (id) return id;
      }
    }
  }
  return undefined;
}

/** "https://openalex.org/W2741809807" -> "openalex:W2741809807". */
export function openAlexKey(value: unknown): string | undefined {
  const m = typeof value === 'string' ? /(?:^|\/)(W\d+)$/i.exec(value.trim()) : null;
  return m ? `openalex:${m[1]!.toUpperCase()}` : undefined;
}

function referencesOf(obj: JsonObject): string[] | undefined {
  if (!Array.isArray(obj.referenced_works)) return undefined;
  return obj.referenced_works.map(openAlexKey).filter((k): k is string => !!k);
}

export function convertOpenAlex(obj: JsonObject, source: SourceRef) {
  const authorships = Array.isArray(obj.authorships) ? (obj.authorships as Array<{ author?: { display_name?: unknown }; raw_author_name?: unknown }>) : [];
  const authors = authorships
    .map((a) => (typeof a?.author?.display_name === 'string' ? a.author.display_name : typeof a?.raw_author_name === 'string' ? a.raw_author_name : ''))
    .filter(Boolean);
  const primary = obj.primary_location as Location;
  const ids = (typeof obj.ids === 'object' && obj.ids ? obj.ids : {}) as Record<string, unknown>;
  const title = typeof obj.title === 'string' ? obj.title : typeof obj.display_name === 'string' ? obj.display_name : undefined;
  const abstract = rebuildAbstract(obj.abstract_inverted_index);
  const venue = primary?.source?.display_name;
  return buildRecord(
    {
      title,
      abstract: abstract ? readableMath(abstract) : undefined,
      authors,
      year: parseYear(obj.publication_year) ?? parseYear(obj.publication_date),
      doi: normaliseDoi(obj.doi) ?? normaliseDoi(ids.doi),
      arxivId: arxivFromLocations(obj),
      venue: typeof venue === 'string' ? venue : undefined,
      url: typeof obj.id === 'string' ? obj.id : undefined,
      ids: [openAlexKey(obj.id)].filter((k): k is string => !!k),
      references: referencesOf(obj),
    },
    source,
    '"title" or "display_name"',
  );
}

export const openAlexReader = jsonFormatReader({
  name: OPENALEX_FORMAT,
  description: 'OpenAlex works: JSON Lines, JSON array or API response (abstract_inverted_index)',
  isRecord: (o) => 'abstract_inverted_index' in o || (typeof o.id === 'string' && o.id.startsWith('https://openalex.org/W')),
  documentHead: (head) => /"abstract_inverted_index"\s*:/.test(head) || /"id"\s*:\s*"https:\/\/openalex\.org\/W/.test(head),
  convert: convertOpenAlex,
});
