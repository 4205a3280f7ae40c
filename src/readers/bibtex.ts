/**
 * BibTeX (and the BibLaTeX fields Zotero/JabRef write): one entry in memory at a time.
 * - entries cut out by bibtex-scan.ts and parsed by bibtex-entry.ts (values, @string macros);
 * - LaTeX accents and commands decoded (latex.ts); "Last, First and Other, Name" split at
 *   brace depth 0 so that "{Barnes and Noble}" stays one author;
 * - crossref: a child inherits missing fields from its parent (the parent's title becomes the
 *   child's booktitle); children whose parent comes later wait until the end of the file;
 * - unbalanced braces: an entry still open when the next "@type{" line starts (or at end of file)
 *   is reported with its line and the number of unclosed braces, and reading goes on.
 * @proceedings entries are volumes, not papers: they only serve crossref.
 */
import type { ReadItem, SourceRef } from '../model/paper.ts';
import { buildRecord, normaliseArxivId, normaliseDoi, parseYear } from './fields.ts';
import { BibSyntaxError, Macros, parseEntry, type BibEntry } from './bibtex-entry.ts';
import { rawEntries } from './bibtex-scan.ts';
import { LatexTooDeepError, decodeLatex } from './latex.ts';
import type { Reader, ReaderInput } from './reader.ts';

export const BIBTEX_FORMAT = 'bibtex';

const CONTAINER_TYPES = new Set(['proceedings', 'mvproceedings', 'book', 'mvbook', 'collection', 'mvcollection']);

/** Splits an author field on " and " outside braces, in one pass (each character is looked at once). */
export function splitBibAuthors(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
  for (let i = 0; i < value.length; ) {
    const c = value[i];
    if (depth === 0 && isSpace(c)) {
      let j = i;
      while (isSpace(value[j])) j++;
      // A run of spaces, then "and", then another run: a separator.
      if (value.slice(j, j + 3).toLowerCase() === 'and' && isSpace(value[j + 3])) {
        let k = j + 3;
        while (isSpace(value[k])) k++;
        out.push(value.slice(start, i));
        start = k;
        i = k;
      } else i = j;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth--;
    i++;
  }
  out.push(value.slice(start));
  return out.map((a) => decodeLatex(a)).filter((a) => a && a.toLowerCase() !== 'others');
}

export function arxivIdOf(f: Record<string, string>): string | undefined {
  const prefix = (f.archiveprefix ?? f.eprinttype ?? '').toLowerCase();
  if (f.eprint && (prefix === 'arxiv' || /^\d{4}\.\d{4,5}/.test(f.eprint))) return normaliseArxivId(f.eprint);
  for (const v of [f.journal, f.url, f.note, f.volume]) {
    const m = v && /(?:arxiv[:\s/]*|abs\/)(\d{4}\.\d{4,5}(v\d+)?)/i.exec(v);
    if (m) return normaliseArxivId(m[1]);
  }
  return undefined;
}

export function entryToItem(e: BibEntry, file: string): ReadItem {
  const f = e.fields;
  const venue = f.journal ?? f.journaltitle ?? f.booktitle ?? f.eventtitle;
  const source: SourceRef = { file, line: e.line, format: BIBTEX_FORMAT };
  return buildRecord(
    {
      title: f.title ? decodeLatex(f.title) : undefined,
      abstract: f.abstract ? decodeLatex(f.abstract) : undefined,
      authors: f.author ? splitBibAuthors(f.author) : undefined,
      year: parseYear(f.year) ?? parseYear(f.date),
      doi: normaliseDoi(f.doi),
      arxivId: arxivIdOf(f),
      url: f.url?.trim() || undefined,
      venue: venue ? decodeLatex(venue) : undefined,
      categories: f.primaryclass ? [f.primaryclass.trim()] : undefined,
    },
    source,
    `title field in @${e.type}{${e.key}}`,
  );
}

/** Fields a child takes from its crossref parent when it lacks them. */
function inherit(child: BibEntry, parent: Record<string, string>): void {
  for (const [k, v] of Object.entries(parent)) {
    if (k === 'title') child.fields.booktitle ??= v;
    else if (k !== 'abstract' && k !== 'author' && k !== 'crossref' && k !== 'key') child.fields[k] ??= v;
  }
}

/** The diagnostic for an entry that cannot be read; the rest of the file still is. */
function entryError(file: string, line: number, err: unknown): ReadItem {
  if (!(err instanceof BibSyntaxError) && !(err instanceof LatexTooDeepError) && !(err instanceof RangeError)) throw err;
  const why = err instanceof RangeError ? `${err.message}; expected an entry of sensible size and nesting` : err.message;
  return { kind: 'diagnostic', diagnostic: { file, line, severity: 'error', message: `malformed BibTeX entry: ${why}` } };
}

export async function* readBibtex(input: ReaderInput): AsyncGenerator<ReadItem> {
  const macros = new Macros();
  const containers = new Map<string, Record<string, string>>();
  const waiting: BibEntry[] = [];
  const reported: ReadItem[] = [];
  const item = (entry: BibEntry): ReadItem => {
    try {
      return entryToItem(entry, input.file);
    } catch (err) {
      return entryError(input.file, entry.line, err);
    }
  };
  for await (const raw of rawEntries(input, (d) => reported.push(d))) {
    yield* reported.splice(0);
    const type = /^\s*@([a-zA-Z]+)/.exec(raw.text)?.[1]?.toLowerCase() ?? '';
    if (type === 'comment' || type === 'preamble') continue;
    let entry: BibEntry;
    try {
      entry = parseEntry(raw.text, raw.line, macros);
    } catch (err) {
      yield entryError(input.file, raw.line, err);
      // A macro that could not be defined must not silently become its own name later.
      if (type === 'string') for (const name of /^\s*@string\s*[{(]\s*([^\s=]+)/i.exec(raw.text)?.slice(1) ?? []) macros.refuse(name.toLowerCase(), raw.line);
      continue;
    }
    if (entry.type === 'string') {
      try {
        for (const [k, v] of Object.entries(entry.fields)) macros.define(k, v);
      } catch (err) {
        yield entryError(input.file, raw.line, err);
        for (const k of Object.keys(entry.fields)) macros.refuse(k, raw.line);
      }
      continue;
    }
    if (CONTAINER_TYPES.has(entry.type)) containers.set(entry.key.toLowerCase(), entry.fields);
    if (entry.type === 'proceedings' || entry.type === 'mvproceedings') continue;
    const ref = entry.fields.crossref?.trim().toLowerCase();
    if (ref) {
      const parent = containers.get(ref);
      if (!parent) {
        waiting.push(entry);
        continue;
      }
      inherit(entry, parent);
    }
    yield item(entry);
  }
  yield* reported.splice(0);
  for (const entry of waiting) {
    const parent = containers.get(entry.fields.crossref!.trim().toLowerCase());
    if (parent) inherit(entry, parent);
    else {
      yield {
        kind: 'diagnostic',
        diagnostic: { file: input.file, line: entry.line, severity: 'warning', message: `crossref "${entry.fields.crossref}" names no entry in this file; read without it` },
      };
    }
    yield item(entry);
  }
}

export const bibtexReader: Reader = {
  name: BIBTEX_FORMAT,
  description: 'BibTeX / BibLaTeX (.bib): abstract, author, @string macros, crossref',
  sniff: (head) => /^\s*(%[^\n]*\n\s*)*@(article|inproceedings|misc|book|incollection|techreport|phdthesis|mastersthesis|online|unpublished|proceedings|inbook|report|thesis|string|preamble|comment|software|dataset|conference)\s*[{(]/im.test(head.slice(0, 4096)),
  read: (input) => readBibtex(input),
};
