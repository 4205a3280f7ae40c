/**
 * The CSV reader rebuilt on csv-parse: the library cuts rows, and the same header and column code
 * as today's reader (csvItems) turns them into papers, so only the parsing differs. Options are the
 * most forgiving that keep RFC 4180: quotes inside unquoted fields are text (as spreadsheets write
 * them), rows of other lengths are passed on for the column check, and a bad row is skipped rather
 * than ending the read.
 */
import { parse, type CsvError, type Info } from 'csv-parse';
import type { ReadItem } from '../../src/model/paper.ts';
import { csvItems, inputDelimiter, type CsvRow, type CsvRowError } from '../../src/readers/csv.ts';
import type { ReaderInput, ReaderOptions } from '../../src/readers/reader.ts';

const MAX_ROW_CHARS = 8 * 1024 * 1024;

function newlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

async function* libraryRows(input: ReaderInput): AsyncGenerator<CsvRow | CsvRowError> {
  const skipped: CsvRowError[] = [];
  const parser = parse({
    delimiter: inputDelimiter(input),
    info: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    max_record_size: MAX_ROW_CHARS,
    // csv-parse names the line where it noticed the problem (the end of the record).
    on_skip: (err: CsvError | undefined) => {
      if (err) skipped.push({ error: err.message, line: (err as CsvError & { lines?: number }).lines ?? 0, fatal: false });
    },
  });
  const source = input.open() as AsyncIterable<Buffer>;
  const feeding = (async () => {
    try {
      for await (const chunk of source) if (!parser.write(chunk)) await new Promise((r) => parser.once('drain', r));
      parser.end();
    } catch (err) {
      parser.destroy(err as Error);
    }
  })();
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      yield* skipped.splice(0);
      // The library gives the line a record ends on; it starts as many lines earlier as its fields hold newlines.
      const inner = record.reduce((n, f) => n + newlines(f), 0);
      yield { fields: record, line: info.lines - inner };
    }
  } catch (err) {
    yield* skipped.splice(0);
    const e = err as CsvError & { lines?: number };
    yield { error: e.message, line: e.lines ?? 0, fatal: true };
  }
  yield* skipped.splice(0);
  await feeding;
}

export function readCsvWithLibrary(input: ReaderInput, options: ReaderOptions): AsyncGenerator<ReadItem> {
  return csvItems(libraryRows(input), input.file, options.map ?? {});
}
