/**
 * The JSON record layer (JSON Lines, arrays, API envelopes, single objects) rebuilt on stream-json,
 * with the same per-format converters as today's readers, so only the parsing differs. The
 * library's tokens and JSON Lines items carry no position: a JSON Lines line number is counted from
 * the item index (right only when the file has no blank lines), document records have none, and a
 * syntax error in a document ends the stream with a message that names no place.
 */
import { Readable, pipeline } from 'node:stream';
import jsonl from 'stream-json/jsonl/parser.js';
import pick from 'stream-json/filters/pick.js';
import streamArray from 'stream-json/streamers/stream-array.js';
import streamValues from 'stream-json/streamers/stream-values.js';
import type { ReadItem, SourceRef } from '../../src/model/paper.ts';
import { decodeHead } from '../../src/readers/decode.ts';
import { type JsonConverter, type JsonObject, isJsonLines, toItems, unwrap } from '../../src/readers/json-records.ts';
import type { ReaderInput } from '../../src/readers/reader.ts';

const ENVELOPE = /^(results|data|works|papers|items|records)$/;

type Stage = NodeJS.ReadWriteStream;

/** Values out of a chain of stages; a stage's error ends the iteration with that error. */
function through(input: ReaderInput, ...stages: Stage[]): AsyncIterable<{ key: number; value: unknown }> {
  const source = Readable.from(input.open() as AsyncIterable<Buffer>);
  return (pipeline as unknown as (...s: unknown[]) => AsyncIterable<{ key: number; value: unknown }>)(source, ...stages, () => {});
}

function* records(value: unknown, source: SourceRef, convert: JsonConverter): Generator<ReadItem> {
  for (const r of unwrap(value)) {
    if (r.obj) yield* toItems(convert(r.obj as JsonObject, source));
    else yield { kind: 'diagnostic', diagnostic: { file: source.file, ...(source.line ? { line: source.line } : {}), severity: 'error', message: `found ${r.bad}; expected a JSON object (one paper record)` } };
  }
}

function failure(file: string, err: unknown): ReadItem {
  return { kind: 'diagnostic', diagnostic: { file, severity: 'error', message: `malformed JSON (${(err as Error).message}); reading stopped` } };
}

async function* lines(input: ReaderInput, format: string, convert: JsonConverter): AsyncGenerator<ReadItem> {
  const bad = Symbol('bad line');
  const parser = jsonl.asStream({ errorIndicator: (err: Error) => ({ [bad]: err.message }) });
  try {
    for await (const { key, value } of through(input, parser as Stage)) {
      const line = key + 1;
      const why = value && typeof value === 'object' ? (value as Record<symbol, string>)[bad] : undefined;
      if (why !== undefined) {
        yield { kind: 'diagnostic', diagnostic: { file: input.file, line, severity: 'error', message: `malformed JSON (${why}); expected one JSON object per line` } };
      } else yield* records(value, { file: input.file, line, format }, convert);
    }
  } catch (err) {
    yield failure(input.file, err);
  }
}

type Root = 'array' | 'envelope' | 'object';

async function* document(input: ReaderInput, format: string, convert: JsonConverter, root: Root): AsyncGenerator<ReadItem> {
  const source: SourceRef = { file: input.file, format };
  const stages =
    root === 'array' ? [streamArray.withParserAsStream()] : root === 'envelope' ? [pick.withParserAsStream({ filter: ENVELOPE }), streamArray.asStream()] : [streamValues.withParserAsStream()];
  let found = 0;
  try {
    for await (const { value } of through(input, ...(stages as Stage[]))) {
      found++;
      yield* records(value, source, convert);
    }
  } catch (err) {
    yield failure(input.file, err);
    return;
  }
  // An object root without an envelope array is one record: read it again as a whole value.
  if (root === 'envelope' && found === 0) yield* document(input, format, convert, 'object');
}

/** Same decision as today's readJsonRecords between JSON Lines and a document. */
export function readJsonRecordsWithLibrary(input: ReaderInput, format: string, convert: JsonConverter): AsyncIterable<ReadItem> {
  if (isJsonLines(input.head)) return lines(input, format, convert);
  return document(input, format, convert, /^\s*\{/.test(decodeHead(input.head)) ? 'envelope' : 'array');
}
