/**
 * Records out of JSON, streamed with bounded memory, for every JSON-shaped source:
 * - JSON Lines: one object a line; a malformed line is one diagnostic and the next line still reads;
 * - a JSON document: a top-level array of records, an API envelope whose "results" / "data" array
 *   holds them (OpenAlex, Semantic Scholar), or one record object. Only one record is in memory at
 *   a time; the envelope's other fields are skipped.
 */
import type { ReadItem, SourceRef } from '../model/paper.ts';
import { decodeHead } from './decode.ts';
import { readLines, tooLongMessage } from './lines.ts';
import type { ReaderInput } from './reader.ts';

export type JsonObject = Record<string, unknown>;
/** Turns one parsed record into papers/diagnostics; `source` carries its file and line. */
export type JsonConverter = (obj: JsonObject, source: SourceRef) => ReadItem | ReadItem[];

/** Keys of API envelopes whose array value holds the records. */
const ENVELOPE_KEYS = new Set(['results', 'data', 'works', 'papers', 'items', 'records']);

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  return Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v === 'string' ? 'a string' : `a ${typeof v}`;
}

/** Records inside one parsed value: an envelope's array, an array's objects, or the object itself. */
export function* unwrap(v: unknown): Generator<{ obj?: JsonObject; bad?: string }> {
  if (isObject(v)) {
    const key = Object.keys(v).find((k) => ENVELOPE_KEYS.has(k) && Array.isArray(v[k]));
    if (key && !('title' in v)) {
      for (const el of v[key] as unknown[]) yield isObject(el) ? { obj: el } : { bad: describe(el) };
    } else yield { obj: v };
  } else if (Array.isArray(v)) {
    for (const el of v) yield isObject(el) ? { obj: el } : { bad: describe(el) };
  } else yield { bad: describe(v) };
}

export function toItems(r: ReadItem | ReadItem[]): ReadItem[] {
  return Array.isArray(r) ? r : [r];
}

/** True when the first non-blank line of the head is a complete JSON value (JSON Lines, or one-line JSON). */
export function firstLineIsJson(head: string): JsonObject | unknown[] | undefined {
  const line = head.split('\n').find((l) => l.trim() !== '');
  return line === undefined ? undefined : parseLine(line);
}

function parseLine(line: string): JsonObject | unknown[] | undefined {
  try {
    const v: unknown = JSON.parse(line);
    return isObject(v) || Array.isArray(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The first record-like object among the first few lines of the head, so that JSON Lines whose
 * first line is broken are still recognised (the broken line is then reported, not the file).
 */
export function sniffJsonObject(head: string): JsonObject | undefined {
  const lines = head.split('\n').filter((l) => l.trim() !== '').slice(0, 5);
  for (const line of lines) {
    const v = parseLine(line);
    if (v) {
      for (const r of unwrap(v)) return r.obj;
      return undefined;
    }
    if (!/^\s*\{/.test(line)) return undefined;
  }
  return undefined;
}

export async function* readJsonLines(input: ReaderInput, format: string, convert: JsonConverter): AsyncGenerator<ReadItem> {
  for await (const { text, line, offset, tooLong } of readLines(input.open() as AsyncIterable<Buffer>)) {
    if (tooLong !== undefined) {
      yield { kind: 'diagnostic', diagnostic: { file: input.file, line, offset, severity: 'error', message: tooLongMessage(tooLong, 'one JSON object per line') } };
      continue;
    }
    const t = text.trim();
    if (!t) continue;
    const source: SourceRef = { file: input.file, line, offset, format };
    let value: unknown;
    try {
      value = JSON.parse(t);
    } catch (err) {
      yield {
        kind: 'diagnostic',
        diagnostic: { file: input.file, line, offset, severity: 'error', message: `malformed JSON (${(err as Error).message}); expected one JSON object per line` },
      };
      continue;
    }
    for (const r of unwrap(value)) {
      if (r.obj) yield* toItems(convert(r.obj, source));
      else yield { kind: 'diagnostic', diagnostic: { file: input.file, line, offset, severity: 'error', message: `found ${r.bad}; expected a JSON object (one paper record)` } };
    }
  }
}

const MAX_RECORD_CHARS = 64 * 1024 * 1024;

/**
 * Streams a JSON document, cutting out each record's text by tracking nesting and strings, then
 * parsing only that record. `line` numbers are of the record's opening brace.
 */
export async function* readJsonDocument(input: ReaderInput, format: string, convert: JsonConverter): AsyncGenerator<ReadItem> {
  const file = input.file;
  const decoder = new TextDecoder('utf-8');
  let line = 1;
  let depth = 0;
  let inString = false;
  let escape = false;
  /** Depth at which record objects open: 1 in a top-level array, 2 in an envelope's array. */
  let recordDepth = -1;
  let rootIsObject = false;
  let envelopeFound = false;
  let lastString = '';
  let stringStart = -1;
  let buf: string[] | null = null;
  let segStart = -1;
  let bufChars = 0;
  let bufLine = 0;
  let badElementReported = false;
  let strayReported = false;
  const openLines: number[] = [];
  /** Set when text outside any JSON value is met; reported once per file, after the character. */
  let strayPending = false;
  const strayText = (): void => {
    if (!strayReported) {
      strayReported = true;
      strayPending = true;
    }
  };

  const diag = (message: string, at = line): ReadItem => ({ kind: 'diagnostic', diagnostic: { file, line: at, severity: 'error', message } });

  function* emit(text: string, at: number): Generator<ReadItem> {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      yield diag(`malformed JSON in the record starting here (${(err as Error).message}); expected a JSON object`, at);
      return;
    }
    for (const r of unwrap(value)) {
      if (r.obj) yield* toItems(convert(r.obj, { file, line: at, format }));
      else yield diag(`found ${r.bad}; expected a JSON object (one paper record)`, at);
    }
  }

  for await (const chunk of input.open() as AsyncIterable<Buffer>) {
    const s = decoder.decode(chunk, { stream: true });
    segStart = buf ? 0 : -1;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 10) line++;
      if (inString) {
        if (escape) escape = false;
        else if (c === 92) escape = true;
        else if (c === 34) {
          inString = false;
          if (stringStart >= 0) lastString = s.slice(stringStart, i);
        }
        continue;
      }
      switch (c) {
        case 34: // "
          inString = true;
          stringStart = depth === 1 && rootIsObject && !envelopeFound ? i + 1 : -1;
          if (depth === 0) strayText();
          break;
        case 123: // {
        case 91: // [
          if (depth === 0) {
            rootIsObject = c === 123;
            envelopeFound = false;
            recordDepth = rootIsObject ? -1 : 1;
            if (rootIsObject) [buf, bufChars, bufLine, segStart] = [[], 0, line, i];
          } else if (depth === recordDepth && !buf) {
            if (c === 123) [buf, bufChars, bufLine, segStart] = [[], 0, line, i];
            else if (!badElementReported) {
              badElementReported = true;
              yield diag('found an array where a record was expected; expected JSON objects');
            }
          }
          depth++;
          openLines.push(line);
          if (c === 91 && depth === 2 && rootIsObject && !envelopeFound && ENVELOPE_KEYS.has(lastString)) {
            // The envelope's record array: drop the envelope buffer, stream its elements instead.
            envelopeFound = true;
            recordDepth = 2;
            buf = null;
            segStart = -1;
          }
          break;
        case 125: // }
        case 93: // ]
          if (depth === 0) {
            strayText();
            break;
          }
          depth--;
          openLines.pop();
          if (buf && (depth === recordDepth || (depth === 0 && rootIsObject && !envelopeFound))) {
            buf.push(s.slice(segStart, i + 1));
            const text = buf.join('');
            buf = null;
            segStart = -1;
            yield* emit(text, bufLine);
          }
          break;
        default:
          if (c > 32 && c !== 44 && c !== 58) {
            if (depth === 0) strayText();
            else if (depth === recordDepth && !buf && !badElementReported) {
              badElementReported = true;
              yield diag(`found "${s.slice(i, i + 20)}" where a record was expected; expected JSON objects`);
            }
          }
      }
      if (strayPending) {
        strayPending = false;
        yield diag(`unexpected text "${s.slice(i, i + 20).split('\n')[0]}" outside any JSON value; expected a JSON array or object`);
      }
    }
    if (buf) {
      const piece = s.slice(segStart);
      buf.push(piece);
      bufChars += piece.length;
      if (bufChars > MAX_RECORD_CHARS) {
        yield diag(`record larger than ${MAX_RECORD_CHARS / 1024 / 1024} MiB; expected one paper per JSON object`, bufLine);
        return;
      }
    }
  }
  if (depth > 0) {
    yield diag(
      `unexpected end of file inside JSON (${depth} bracket${depth > 1 ? 's' : ''} still open, the innermost from line ${openLines.at(-1)}); expected the closing '}' or ']'`,
    );
  }
}

/** JSON Lines or a JSON document, decided from the head (isJsonLines). */
export function readJsonRecords(input: ReaderInput, format: string, convert: JsonConverter): AsyncIterable<ReadItem> {
  return isJsonLines(input.head) ? readJsonLines(input, format, convert) : readJsonDocument(input, format, convert);
}

/** One object per line (even if the first line is broken) is JSON Lines; anything else a document. */
export function isJsonLines(rawHead: Buffer): boolean {
  const head = decodeHead(rawHead);
  const first = firstLineIsJson(head);
  const lines = head.split('\n').filter((l) => l.trim()).length;
  return first ? lines > 1 || isObject(first) : sniffJsonObject(head) !== undefined;
}
