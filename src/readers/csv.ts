/**
 * CSV/TSV with a header row (RFC 4180 quoting: fields in double quotes may hold the delimiter,
 * newlines and "" for a quote), as spreadsheets, Scopus, Web of Science and Zotero export it.
 * The delimiter (comma, semicolon or tab) is taken from the header line. Columns are found by
 * name (mapping.ts) or `--map`; without a title column the file is refused with the header shown.
 */
import type { ReadItem } from '../model/paper.ts';
import { decodeHead } from './decode.ts';
import { buildRecord } from './fields.ts';
import { MAP_FIELDS, draftFrom, resolveFields, unknownMapFields } from './mapping.ts';
import type { Reader, ReaderInput, ReaderOptions } from './reader.ts';

export const CSV_FORMAT = 'csv';
const MAX_ROW_CHARS = 8 * 1024 * 1024;

/** The delimiter that occurs most in the header line (outside quotes). */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let inQuotes = false;
  for (const c of headerLine) {
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

/** One parsed row and the line it starts on. */
export interface CsvRow {
  fields: string[];
  line: number;
}

export interface CsvRowError {
  error: string;
  line: number;
  /** Reading cannot go on past it (an unclosed quote swallows the rest of the file). */
  fatal: boolean;
}

/**
 * Streams rows; throws nothing. An unterminated or oversized quoted field ends reading with an error
 * row; an oversized unquoted row is skipped to its newline with an error row, and reading goes on.
 */
async function* csvRows(input: ReaderInput, delimiter: string): AsyncGenerator<CsvRow | CsvRowError> {
  const decoder = new TextDecoder('utf-8');
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let afterQuote = false;
  let line = 1;
  let rowLine = 1;
  let rowChars = 0;
  let skipping = false;
  for await (const chunk of input.open() as AsyncIterable<Buffer>) {
    const s = decoder.decode(chunk, { stream: true });
    let i = 0;
    const out: Array<CsvRow | CsvRowError> = [];
    while (i < s.length) {
      if (skipping) {
        const nl = s.indexOf('\n', i);
        if (nl === -1) break;
        out.push({ error: `row longer than ${MAX_ROW_CHARS} characters; skipped (expected one record per line)`, line: rowLine, fatal: false });
        line++;
        rowLine = line;
        rowChars = 0;
        skipping = false;
        i = nl + 1;
        continue;
      }
      const c = s[i]!;
      if (inQuotes) {
        // Fast path: copy everything up to the next quote.
        const q = s.indexOf('"', i);
        const end = q === -1 ? s.length : q;
        const piece = s.slice(i, end);
        field += piece;
        rowChars += piece.length;
        for (let k = piece.indexOf('\n'); k !== -1; k = piece.indexOf('\n', k + 1)) line++;
        i = end;
        if (q !== -1) {
          if (s[q + 1] === '"') {
            field += '"';
            i = q + 2;
          } else {
            // At a chunk end this quote may be the first of a "" pair: afterQuote lets the next chunk decide.
            inQuotes = false;
            afterQuote = true;
            i = q + 1;
          }
        }
        if (rowChars > MAX_ROW_CHARS) {
          yield* out;
          yield { error: `quoted field longer than ${MAX_ROW_CHARS} characters (an unclosed quote?); expected a closing '"'`, line: rowLine, fatal: true };
          return;
        }
        continue;
      }
      if (afterQuote && c === '"' && i === 0) {
        // "" split across two chunks: it was an escaped quote after all.
        field += '"';
        inQuotes = true;
        afterQuote = false;
        i++;
        continue;
      }
      afterQuote = false;
      if (c === '"' && field === '') {
        inQuotes = true;
        i++;
        continue;
      }
      if (c === delimiter) {
        fields.push(field);
        field = '';
      } else if (c === '\n') {
        fields.push(field.endsWith('\r') ? field.slice(0, -1) : field);
        out.push({ fields, line: rowLine });
        fields = [];
        field = '';
        line++;
        rowLine = line;
        rowChars = 0;
      } else {
        // A run of plain characters, copied at once (one character at a time is slow on long fields).
        let end = i + 1;
        while (end < s.length && s[end] !== delimiter && s[end] !== '\n') end++;
        rowChars += end - i;
        if (rowChars > MAX_ROW_CHARS) {
          skipping = true;
          fields = [];
          field = '';
        } else field += s.slice(i, end);
        i = end;
        continue;
      }
      i++;
    }
    yield* out;
  }
  if (skipping) {
    yield { error: `row longer than ${MAX_ROW_CHARS} characters; skipped (expected one record per line)`, line: rowLine, fatal: false };
    return;
  }
  if (inQuotes) {
    yield { error: `unterminated quoted field; expected a closing '"' before the end of the file`, line: rowLine, fatal: true };
    return;
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field.endsWith('\r') ? field.slice(0, -1) : field);
    yield { fields, line: rowLine };
  }
}

/** The delimiter of a CSV input, from its header line. */
export function inputDelimiter(input: ReaderInput): string {
  return detectDelimiter(decodeHead(input.head).split('\n', 1)[0] ?? '');
}

export async function* readCsv(input: ReaderInput, options: ReaderOptions): AsyncGenerator<ReadItem> {
  yield* csvItems(csvRows(input, inputDelimiter(input)), input.file, options.map ?? {});
}

/** Rows to papers: the first non-blank row is the header, whose columns say where each field is. */
export async function* csvItems(rows: AsyncIterable<CsvRow | CsvRowError>, file: string, map: Record<string, string>): AsyncGenerator<ReadItem> {
  const bad = unknownMapFields(map);
  if (bad.length) {
    yield { kind: 'diagnostic', diagnostic: { file, severity: 'error', message: `--map names unknown field ${bad.join(', ')}; expected ${MAP_FIELDS.join(', ')}` } };
  }
  let header: string[] | null = null;
  let columns: Partial<Record<(typeof MAP_FIELDS)[number], string>> = {};
  let index = new Map<string, number>();
  for await (const row of rows) {
    if ('error' in row) {
      yield { kind: 'diagnostic', diagnostic: { file, line: row.line, severity: 'error', message: row.error } };
      if (row.fatal) return;
      continue;
    }
    if (row.fields.every((f) => f.trim() === '')) continue;
    if (!header) {
      header = row.fields.map((h) => h.trim());
      columns = resolveFields(header, map);
      index = new Map(header.map((h, i) => [h, i]));
      if (columns.title === undefined) {
        const wanted = map.title ? `a column "${map.title}" (from --map title=${map.title})` : 'a column named title (or --map title=<column>)';
        yield {
          kind: 'diagnostic',
          diagnostic: { file, line: row.line, severity: 'error', message: `no title column in the header (${header.map((h) => `"${h}"`).join(', ')}); expected ${wanted}` },
        };
        return;
      }
      continue;
    }
    if (row.fields.length > header.length) {
      yield {
        kind: 'diagnostic',
        diagnostic: { file, line: row.line, severity: 'error', message: `row has ${row.fields.length} fields but the header has ${header.length}; expected ${header.length} (a delimiter inside an unquoted field?)` },
      };
      continue;
    }
    const fields = row.fields;
    const draft = draftFrom((k) => {
      const v = fields[index.get(k)!];
      return v === undefined || v.trim() === '' ? undefined : v;
    }, columns);
    yield buildRecord(draft, { file, line: row.line, format: CSV_FORMAT }, `"${columns.title}" column`);
  }
  if (!header) yield { kind: 'diagnostic', diagnostic: { file, severity: 'error', message: 'no header row; expected a CSV header naming the columns' } };
}

export const csvReader: Reader = {
  name: CSV_FORMAT,
  description: 'CSV/TSV with a header row (title, abstract, authors, ...; --map for other names)',
  sniff(head) {
    if (/^\s*[{[<@]/.test(head)) return false;
    const lines = head.split('\n', 3).map((l) => l.replace(/\r$/, ''));
    const first = lines[0] ?? '';
    const d = detectDelimiter(first);
    const n = first.split(d).length - 1;
    if (n === 0) return false;
    // A header names columns: short cells, and the usual paper columns count as strong evidence.
    const cells = first.split(d).map((c) => c.trim().replace(/^"|"$/g, ''));
    if (cells.some((c) => /^(title|abstract|authors?|doi|year)$/i.test(c))) return true;
    return cells.every((c) => c.length > 0 && c.length <= 60) && (lines[1] ?? '').split(d).length - 1 >= n;
  },
  read: readCsv,
};
