/**
 * The two implementations compared per format: today's reader and the adapter on the library. Both
 * take the same ReaderInput, so everything before parsing (opening, gzip, UTF-8 cleaning) is shared.
 */
import type { ReadItem, SourceRef } from '../../src/model/paper.ts';
import { convertArxivSnapshot } from '../../src/readers/arxiv-jsonl.ts';
import { readBibtex } from '../../src/readers/bibtex.ts';
import { readCsv } from '../../src/readers/csv.ts';
import { decodeHead } from '../../src/readers/decode.ts';
import type { JsonConverter, JsonObject } from '../../src/readers/json-records.ts';
import { genericJsonConverter } from '../../src/readers/jsonl.ts';
import { convertOpenAlex } from '../../src/readers/openalex.ts';
import type { ReaderInput } from '../../src/readers/reader.ts';
import { detectFormat, readerByName } from '../../src/readers/registry.ts';
import { convertS2Paper, convertS2orc } from '../../src/readers/s2.ts';
import { readBibtexWithLibrary } from './bibtex-library.ts';
import { readCsvWithLibrary } from './csv-library.ts';
import { readJsonRecordsWithLibrary } from './json-library.ts';

export type FormatName = 'CSV' | 'BibTeX' | 'JSON';
export type SideName = 'today' | 'library';
export const LIBRARY: Record<FormatName, string> = { CSV: 'csv-parse', BibTeX: '@retorquere/bibtex-parser', JSON: 'stream-json' };

/** The JSON readers of the registry, each with the converter it applies to one parsed object. */
const CONVERTERS: Record<string, JsonConverter> = {
  jsonl: genericJsonConverter({}),
  openalex: convertOpenAlex as JsonConverter,
  s2: convertS2Paper as JsonConverter,
  'arxiv-jsonl': convertArxivSnapshot as (o: JsonObject, s: SourceRef) => ReadItem,
  s2orc: convertS2orc as JsonConverter,
};
export const JSON_READERS = Object.keys(CONVERTERS);

/** The JSON reader for an input: `reader` when given (fuzz cases keep their seed's reader), else sniffed. */
function jsonReaderName(input: ReaderInput, reader?: string): string {
  const name = reader ?? detectFormat(decodeHead(input.head), input.file)?.name ?? 'jsonl';
  return CONVERTERS[name] ? name : 'jsonl';
}

export function reading(format: FormatName, side: SideName, input: ReaderInput, jsonReader?: string): AsyncIterable<ReadItem> {
  if (format === 'CSV') return side === 'today' ? readCsv(input, {}) : readCsvWithLibrary(input, {});
  if (format === 'BibTeX') return side === 'today' ? readBibtex(input) : readBibtexWithLibrary(input);
  const name = jsonReaderName(input, jsonReader);
  return side === 'today' ? readerByName(name).read(input, {}) : readJsonRecordsWithLibrary(input, name, CONVERTERS[name]!);
}
