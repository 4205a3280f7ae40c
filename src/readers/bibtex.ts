/**
 * BibTeX (and the BibLaTeX fields Zotero/JabRef write): one entry in memory at a time.
 * - values in braces, quotes, numbers, @string macros (and the month names), joined with #;
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
import { decodeLatex } from './latex.ts';
import { readLines } from './lines.ts';
import type { Reader, ReaderInput } from './reader.ts';

export const BIBTEX_FORMAT = 'bibtex';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MAX_ENTRY_CHARS = 1024 * 1024;
const CONTAINER_TYPES = new Set(['proceedings', 'mvproceedings', 'book', 'mvbook', 'collection', 'mvcollection']);
const ENTRY_START = /^\s*@([a-zA-Z]+)\s*[{(]/;

export interface BibEntry {
  type: string;
  key: string;
  fields: Record<string, string>;
  line: number;
}

class BibSyntaxError extends Error {}

/** Parses the text of one entry ("@type{key, f = v, ...}"); throws BibSyntaxError with what was expected. */
export function parseEntry(text: string, line: number, macros: Map<string, string>): BibEntry {
  let i = 0;
  const s = text;
  const ws = (): void => {
    while (i < s.length && /\s/.test(s[i]!)) i++;
  };
  const m = /^\s*@([a-zA-Z]+)\s*([{(])/.exec(s);
  if (!m) throw new BibSyntaxError('expected "@type{"');
  const type = m[1]!.toLowerCase();
  const close = m[2] === '{' ? '}' : ')';
  i = m[0].length;
  ws();
  let key = '';
  if (type !== 'string') {
    const k = /^[^,\s{}()]*/.exec(s.slice(i))![0];
    key = k;
    i += k.length;
    ws();
    if (s[i] === close) return { type, key, fields: {}, line };
    if (s[i] !== ',') throw new BibSyntaxError(`expected "," after the key "${key}"`);
    i++;
  }
  const braced = (): string => {
    // s[i] === '{'
    let depth = 0;
    const start = i;
    for (; i < s.length; i++) {
      if (s[i] === '\\') {
        i++;
        continue;
      }
      if (s[i] === '{') depth++;
      else if (s[i] === '}' && --depth === 0) {
        i++;
        return s.slice(start + 1, i - 1);
      }
    }
    throw new BibSyntaxError('unbalanced braces in a value; expected "}"');
  };
  const quoted = (): string => {
    let depth = 0;
    const start = ++i;
    for (; i < s.length; i++) {
      const c = s[i];
      if (c === '\\') {
        i++;
        continue;
      }
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '"' && depth === 0) {
        i++;
        return s.slice(start, i - 1);
      }
    }
    throw new BibSyntaxError('unterminated quoted value; expected a closing \'"\'');
  };
  const value = (field: string): string => {
    const parts: string[] = [];
    for (;;) {
      ws();
      const c = s[i];
      if (c === '{') parts.push(braced());
      else if (c === '"') parts.push(quoted());
      else {
        const tok = /^[^\s,#{}()"=]+/.exec(s.slice(i))?.[0];
        if (!tok) throw new BibSyntaxError(`expected a value for field "${field}"`);
        i += tok.length;
        const lower = tok.toLowerCase();
        parts.push(/^\d+$/.test(tok) ? tok : (macros.get(lower) ?? (MONTHS.includes(lower) ? String(MONTHS.indexOf(lower) + 1) : tok)));
      }
      ws();
      if (s[i] !== '#') return parts.join('');
      i++;
    }
  };
  const fields: Record<string, string> = {};
  for (;;) {
    ws();
    while (s[i] === ',') {
      i++;
      ws();
    }
    if (s[i] === close) break;
    if (i >= s.length) throw new BibSyntaxError(`expected "${close}" to close the entry`);
    const name = /^[^\s=,{}()"#]+/.exec(s.slice(i))?.[0];
    if (!name) throw new BibSyntaxError(`expected a field name, found "${s.slice(i, i + 15).split('\n')[0]}"`);
    i += name.length;
    ws();
    if (s[i] !== '=') throw new BibSyntaxError(`expected "=" after field name "${name}"`);
    i++;
    fields[name.toLowerCase()] = value(name);
  }
  return { type, key, fields, line };
}

/** Splits an author field on " and " outside braces. */
export function splitBibAuthors(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0 && /\s/.test(c!) && /^\s+and\s/i.test(value.slice(i))) {
      out.push(value.slice(start, i));
      const m = /^\s+and\s+/i.exec(value.slice(i))!;
      i += m[0].length - 1;
      start = i + 1;
    }
  }
  out.push(value.slice(start));
  return out.map((a) => decodeLatex(a)).filter((a) => a && a.toLowerCase() !== 'others');
}

function arxivIdOf(f: Record<string, string>): string | undefined {
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

interface RawEntry {
  text: string;
  line: number;
}

/** Cuts the file into entry texts by brace depth, recovering at the next "@type{" line when braces never close. */
async function* rawEntries(input: ReaderInput, report: (d: ReadItem) => void): AsyncGenerator<RawEntry> {
  let cur: string[] | null = null;
  let curLine = 0;
  let curChars = 0;
  let depth = 0;
  let opened = false;
  let closeWith = '}';
  let tooBig = false;
  const unclosed = (where: string): void => {
    report({
      kind: 'diagnostic',
      diagnostic: {
        file: input.file,
        line: curLine,
        severity: 'error',
        message: `entry "${(cur![0] ?? '').trim().slice(0, 40)}" is not closed: unbalanced braces (${depth} "{" still open at ${where}); expected "}"`,
      },
    });
  };
  for await (const { text, line } of readLines(input.open() as AsyncIterable<Buffer>)) {
    let i = 0;
    if (cur && ENTRY_START.test(text) && depth > 0) {
      unclosed(`line ${line}, where the next entry starts`);
      cur = null;
    }
    while (i < text.length) {
      if (!cur) {
        const at = text.indexOf('@', i);
        if (at === -1) break;
        cur = [];
        curLine = line;
        curChars = 0;
        depth = 0;
        opened = false;
        tooBig = false;
        i = at;
        const rest = text.slice(at);
        const m = /^@[a-zA-Z]+\s*([{(])/.exec(rest);
        if (!m) {
          // A stray "@" (an e-mail address in a comment) is not an entry.
          cur = null;
          i = at + 1;
          continue;
        }
        closeWith = m[1] === '(' ? ')' : '}';
      }
      const start = i;
      let ended = false;
      for (; i < text.length; i++) {
        const c = text[i];
        if (c === '\\') {
          i++;
          continue;
        }
        if (c === '{' || (c === '(' && closeWith === ')' && !opened)) {
          depth++;
          opened = true;
        } else if (c === '}' || (c === ')' && closeWith === ')' && depth === 1)) {
          depth--;
          if (opened && depth === 0) {
            i++;
            ended = true;
            break;
          }
        }
      }
      const piece = text.slice(start, i);
      curChars += piece.length;
      if (curChars > MAX_ENTRY_CHARS) tooBig = true;
      else cur!.push(piece);
      if (ended) {
        if (tooBig) {
          report({ kind: 'diagnostic', diagnostic: { file: input.file, line: curLine, severity: 'error', message: `entry longer than ${MAX_ENTRY_CHARS} characters; expected one BibTeX entry` } });
        } else {
          yield { text: cur!.join(''), line: curLine };
        }
        cur = null;
      }
    }
    if (cur) cur.push('\n');
  }
  if (cur && opened) unclosed('the end of the file');
}

export async function* readBibtex(input: ReaderInput): AsyncGenerator<ReadItem> {
  const macros = new Map<string, string>();
  const containers = new Map<string, Record<string, string>>();
  const waiting: BibEntry[] = [];
  const reported: ReadItem[] = [];
  for await (const raw of rawEntries(input, (d) => reported.push(d))) {
    yield* reported.splice(0);
    const type = /^\s*@([a-zA-Z]+)/.exec(raw.text)?.[1]?.toLowerCase() ?? '';
    if (type === 'comment' || type === 'preamble') continue;
    let entry: BibEntry;
    try {
      entry = parseEntry(raw.text, raw.line, macros);
    } catch (err) {
      if (!(err instanceof BibSyntaxError)) throw err;
      yield { kind: 'diagnostic', diagnostic: { file: input.file, line: raw.line, severity: 'error', message: `malformed BibTeX entry: ${err.message}` } };
      continue;
    }
    if (entry.type === 'string') {
      for (const [k, v] of Object.entries(entry.fields)) macros.set(k, v);
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
    yield entryToItem(entry, input.file);
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
    yield entryToItem(entry, input.file);
  }
}

export const bibtexReader: Reader = {
  name: BIBTEX_FORMAT,
  description: 'BibTeX / BibLaTeX (.bib): abstract, author, @string macros, crossref',
  sniff: (head) => /^\s*(%[^\n]*\n\s*)*@(article|inproceedings|misc|book|incollection|techreport|phdthesis|mastersthesis|online|unpublished|proceedings|inbook|report|thesis|string|preamble|comment|software|dataset|conference)\s*[{(]/im.test(head.slice(0, 4096)),
  read: (input) => readBibtex(input),
};
