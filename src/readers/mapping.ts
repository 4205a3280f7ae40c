/**
 * Field mapping for the generic readers (CSV, JSON Lines): which column or key holds the title,
 * the abstract, and so on. `--map title=Title,abstract=Abstract` overrides; without it, the usual
 * names (case-insensitive) are recognised.
 */
import { splitAuthorList } from './authors.ts';
import { type Draft, asString, asStringList, normaliseArxivId, normaliseDoi, parseYear } from './fields.ts';
import { readableMath } from './latex.ts';

export const MAP_FIELDS = ['title', 'abstract', 'year', 'authors', 'doi', 'arxivId', 'url', 'venue', 'categories'] as const;
export type MapField = (typeof MAP_FIELDS)[number];

/** Names a source commonly uses for each field, tried in order (compared case-insensitively). */
export const FIELD_ALIASES: Record<MapField, string[]> = {
  title: ['title', 'paper_title', 'display_name', 'name', 'article title', 'document title'],
  abstract: ['abstract', 'abstract_text', 'summary', 'description', 'abstractnote', 'abstract note'],
  year: ['year', 'publication_year', 'pub_year', 'publication year', 'date', 'publication_date', 'published', 'issued'],
  authors: ['authors', 'author', 'creators', 'author full names', 'author_names'],
  doi: ['doi'],
  arxivId: ['arxivid', 'arxiv_id', 'arxiv', 'eprint', 'arxiv id'],
  url: ['url', 'link', 'href', 'landing_page_url'],
  venue: ['venue', 'journal', 'booktitle', 'conference', 'source title', 'publication title', 'container-title', 'publication'],
  categories: ['categories', 'category', 'subjects', 'primary_category'],
};

/** Parses "title=Title,abstract=Abstract" (the CLI's --map) into a mapping; throws on a bad field. */
export function parseMap(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0 || eq === part.length - 1) throw new Error(`--map: "${part}" is not field=column`);
    out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  const bad = unknownMapFields(out);
  if (bad.length) throw new Error(`--map: unknown field ${bad.map((b) => `"${b}"`).join(', ')}; expected ${MAP_FIELDS.join(', ')}`);
  return out;
}

export function unknownMapFields(map: Record<string, string> | undefined): string[] {
  return Object.keys(map ?? {}).filter((k) => !(MAP_FIELDS as readonly string[]).includes(k));
}

/** For each field, the actual key/column in `keys` that holds it (undefined when none does). */
export function resolveFields(keys: string[], map: Record<string, string> = {}): Partial<Record<MapField, string>> {
  const byLower = new Map<string, string>();
  for (const k of keys) if (!byLower.has(k.trim().toLowerCase())) byLower.set(k.trim().toLowerCase(), k);
  const out: Partial<Record<MapField, string>> = {};
  for (const field of MAP_FIELDS) {
    const wanted = map[field];
    if (wanted !== undefined) {
      const hit = keys.includes(wanted) ? wanted : byLower.get(wanted.toLowerCase());
      if (hit !== undefined) out[field] = hit;
      continue;
    }
    for (const alias of FIELD_ALIASES[field]) {
      const hit = byLower.get(alias);
      if (hit !== undefined) {
        out[field] = hit;
        break;
      }
    }
  }
  return out;
}

function authorsFrom(v: unknown): string[] | undefined {
  if (Array.isArray(v)) {
    // Lists of strings, or of {name} / {given, family} / {first, last} objects.
    return v
      .map((a) => {
        if (typeof a === 'string') return a;
        if (a && typeof a === 'object') {
          const o = a as Record<string, unknown>;
          if (typeof o.name === 'string') return o.name;
          const given = o.given ?? o.first ?? o.firstName;
          const family = o.family ?? o.last ?? o.lastName;
          return [given, family].filter((x) => typeof x === 'string').join(' ');
        }
        return '';
      })
      .filter(Boolean);
  }
  return typeof v === 'string' ? splitAuthorList(v) : undefined;
}

/** A draft record from a row/object, through the resolved field names. */
export function draftFrom(get: (key: string) => unknown, fields: Partial<Record<MapField, string>>): Draft {
  const val = (f: MapField): unknown => (fields[f] !== undefined ? get(fields[f]!) : undefined);
  const abstract = asString(val('abstract'));
  const arxivRaw = val('arxivId');
  const url = asString(val('url'));
  const arxivId = normaliseArxivId(arxivRaw) ?? (url && /arxiv\.org\//.test(url) ? normaliseArxivId(url) : undefined);
  return {
    title: asString(val('title')),
    abstract: abstract ? readableMath(abstract) : undefined,
    year: parseYear(val('year')),
    authors: authorsFrom(val('authors')),
    doi: normaliseDoi(val('doi')),
    arxivId,
    url,
    venue: asString(val('venue')),
    categories: asStringList(val('categories'), (s) => s.split(/[;,]\s*|\s+/)),
  };
}
