/**
 * The BibTeX reader rebuilt on @retorquere/bibtex-parser. The library parses a whole file from one
 * string (it has no streaming interface), decodes LaTeX itself and applies crossref; this adapter
 * maps its entries onto the same record fields as today's reader. Its entries carry no position, so
 * the line is found by locating the entry's source text in the file; its errors name a line only
 * inside their message text, which is taken from there when present.
 */
import { parse, type Creator, type Entry } from '@retorquere/bibtex-parser';
import type { Diagnostic, ReadItem } from '../../src/model/paper.ts';
import { arxivIdOf, BIBTEX_FORMAT } from '../../src/readers/bibtex.ts';
import { buildRecord, normaliseDoi, parseYear } from '../../src/readers/fields.ts';
import type { ReaderInput } from '../../src/readers/reader.ts';

const OPTIONS = { sentenceCase: false, english: false, caseProtection: false, unsupported: 'ignore', applyCrossRef: true } as const;

/**
 * The library marks up rich text (<i>, <sup>, <span class="nocase">) and writes accents as combining
 * marks ("o" + U+0308); records hold plain, composed text.
 */
function plain(v: unknown): string | undefined {
  return typeof v === 'string' ? v.replace(/<\/?[a-z][^>]*>/gi, '').normalize('NFC') : undefined;
}

function authorName(c: Creator): string {
  if (c.name) return c.name.normalize('NFC');
  const family = [c.prefix, c.lastName].filter(Boolean).join(' ');
  return (c.firstName ? `${family}, ${[c.firstName, c.suffix].filter(Boolean).join(' ')}` : family).normalize('NFC');
}

async function wholeText(input: ReaderInput): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of input.open() as AsyncIterable<Buffer>) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks).toString('utf8');
}

/** Line numbers of entries, found by searching each entry's source text from where the last one was. */
function lineFinder(text: string): (snippet: string) => number | undefined {
  let from = 0;
  let line = 1;
  let counted = 0;
  return (snippet) => {
    const at = snippet ? text.indexOf(snippet.trimStart().slice(0, 200), from) : -1;
    if (at === -1) return undefined;
    for (let i = text.indexOf('\n', counted); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
    counted = at;
    from = at + 1;
    return line;
  };
}

function toItem(e: Entry, file: string, line: number | undefined): ReadItem {
  const f = e.fields as Record<string, unknown>;
  const str = (k: string): string | undefined => (typeof f[k] === 'string' ? (f[k] as string) : undefined);
  const raw = Object.fromEntries(Object.entries(f).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  const venue = str('journal') ?? str('journaltitle') ?? str('booktitle') ?? str('eventtitle');
  return buildRecord(
    {
      title: plain(f.title),
      abstract: plain(f.abstract),
      authors: Array.isArray(f.author) ? (f.author as Creator[]).map(authorName).filter((a) => a && a.toLowerCase() !== 'others') : undefined,
      year: parseYear(str('year')) ?? parseYear(str('date')),
      doi: normaliseDoi(str('doi')),
      arxivId: arxivIdOf(raw),
      url: str('url')?.trim() || undefined,
      venue: plain(venue),
      categories: str('primaryclass') ? [str('primaryclass')!.trim()] : undefined,
    },
    { file, ...(line !== undefined ? { line } : {}), format: BIBTEX_FORMAT },
    `title field in @${e.type}{${e.key}}`,
  );
}

export async function* readBibtexWithLibrary(input: ReaderInput): AsyncGenerator<ReadItem> {
  const text = await wholeText(input);
  const library = parse(text, OPTIONS as unknown as Parameters<typeof parse>[1]);
  const lineOf = lineFinder(text);
  for (const e of library.entries) {
    const line = lineOf(e.input);
    if (e.type === 'proceedings' || e.type === 'mvproceedings') continue;
    yield toItem(e, input.file, line);
  }
  for (const err of library.errors) {
    const line = /\bline (\d+)/.exec(err.error)?.[1];
    const diagnostic: Diagnostic = { file: input.file, severity: 'error', message: `malformed BibTeX entry: ${err.error}` };
    if (line) diagnostic.line = Number(line);
    yield { kind: 'diagnostic', diagnostic };
  }
}
