/**
 * Field normalisers shared by the readers (identifiers, years, text) and the one place that turns a
 * reader's draft into a PaperRecord or, when it has no title, into a diagnostic saying so.
 */
import type { PaperRecord, ReadItem, SourceRef } from '../model/paper.ts';
import { displayAuthorName } from './authors.ts';

/** Collapses runs of whitespace (hard-wrapped arXiv text, indented XML) to single spaces. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const NEW_ARXIV = /(\d{4}\.\d{4,5})(v\d+)?/;
const OLD_ARXIV = /([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(v\d+)?/;

/**
 * "arXiv:1706.03762v5", "https://arxiv.org/abs/1706.03762v5", "hep-th/9901001v2" -> the id
 * without its version suffix; undefined when the value holds no arXiv id.
 */
export function normaliseArxivId(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const s = String(value).trim();
  const m = NEW_ARXIV.exec(s) ?? OLD_ARXIV.exec(s);
  return m ? m[1] : undefined;
}

/** "https://doi.org/10.1/ABC", "doi:10.1/abc" -> "10.1/abc" (DOIs compare case-insensitively). */
export function normaliseDoi(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /10\.\d{4,9}\/\S+/.exec(value.trim());
  return m ? m[0].replace(/[.,;]+$/, '').toLowerCase() : undefined;
}

/** A plausible publication year from a number or a string holding one ("2019", "2019-05-01", "May 2019"). */
export function parseYear(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value >= 1000 && value <= 2999 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /\b(1[5-9]\d\d|2\d\d\d)\b/.exec(value);
  return m ? Number(m[1]) : undefined;
}

/** Year of a new-style arXiv id (YYMM.NNNNN, from April 2007) or an old-style one (archive/YYMMNNN). */
export function arxivIdYear(id: string): number | undefined {
  const m = /^(\d{2})\d{2}\./.exec(id) ?? /\/(\d{2})\d{5}$/.exec(id);
  if (!m) return undefined;
  const yy = Number(m[1]);
  return yy >= 91 ? 1900 + yy : 2000 + yy;
}

export function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Strings of a list field, or of a single string split by `split`. */
export function asStringList(value: unknown, split?: (s: string) => string[]): string[] | undefined {
  if (Array.isArray(value)) {
    const out = value.map((v) => (typeof v === 'string' ? v : typeof v === 'object' && v && 'name' in v ? asString((v as { name: unknown }).name) : undefined));
    const clean = out.filter((v): v is string => !!v && v.trim() !== '').map((v) => v.trim());
    return clean.length ? clean : undefined;
  }
  if (typeof value === 'string' && value.trim()) return (split ? split(value) : [value]).map((v) => v.trim()).filter(Boolean);
  return undefined;
}

/** A reader's draft: anything may be missing or messy; buildRecord decides. */
export type Draft = Partial<Omit<PaperRecord, 'source'>>;

/**
 * A PaperRecord from a draft, empty fields left out; a draft without a title is an error
 * diagnostic naming the place and what was expected (`titleField` says where the reader looked).
 */
export function buildRecord(draft: Draft, source: SourceRef, titleField = 'title'): ReadItem {
  const title = squash(draft.title ?? '');
  if (!title) {
    return {
      kind: 'diagnostic',
      diagnostic: {
        file: source.file,
        ...(source.line !== undefined ? { line: source.line } : {}),
        ...(source.offset !== undefined ? { offset: source.offset } : {}),
        severity: 'error',
        message: `record without a title; expected a non-empty ${titleField}`,
      },
    };
  }
  const paper: PaperRecord = { title, abstract: (draft.abstract ?? '').trim(), source };
  if (draft.year !== undefined) paper.year = draft.year;
  const authors = draft.authors?.map(displayAuthorName).filter(Boolean);
  if (authors?.length) paper.authors = authors;
  // arXiv's own DOIs (10.48550/arXiv.<id>) carry the arXiv id, which is what merging keys on.
  const arxivId = draft.arxivId ?? (draft.doi?.startsWith('10.48550/arxiv.') ? normaliseArxivId(draft.doi.slice(15)) : undefined);
  if (arxivId) paper.arxivId = arxivId;
  if (draft.doi) paper.doi = draft.doi;
  // The explorer shows the url as a link: only http(s), never javascript: or data:.
  if (draft.url && /^https?:\/\/\S+$/i.test(draft.url.trim())) paper.url = draft.url.trim();
  const venue = draft.venue ? squash(draft.venue) : '';
  if (venue) paper.venue = venue;
  const cats = draft.categories?.map((c) => c.trim()).filter(Boolean);
  if (cats?.length) paper.categories = [...new Set(cats)];
  if (draft.ids?.length) paper.ids = [...new Set(draft.ids)];
  // An empty list is kept: "cites nothing" is known, unlike a source that lists no references.
  if (draft.references) paper.references = [...new Set(draft.references)];
  return { kind: 'paper', paper };
}
