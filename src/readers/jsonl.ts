/**
 * Generic JSON Lines (or a JSON array) of paper objects with any field names: the usual names are
 * recognised (title, abstract, year, authors, doi, arxiv_id, url, venue, categories) and `--map`
 * names others. Nested keys may be mapped with dots ("meta.title").
 */
import type { ReadItem, SourceRef } from '../model/paper.ts';
import { buildRecord } from './fields.ts';
import { type JsonConverter, type JsonObject, readJsonRecords, sniffJsonObject } from './json-records.ts';
import { draftFrom, resolveFields, unknownMapFields } from './mapping.ts';
import type { Reader, ReaderInput, ReaderOptions } from './reader.ts';

export const JSONL_FORMAT = 'jsonl';

function getPath(obj: JsonObject, key: string): unknown {
  if (key in obj) return obj[key];
  let cur: unknown = obj;
  for (const part of key.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** The converter of the generic reader: usual field names, or the ones `map` gives. */
export function genericJsonConverter(map: Record<string, string>): JsonConverter {
  const titleWhere = map.title ? `"${map.title}" field (from --map)` : '"title" field (or --map title=<field>)';
  return (obj: JsonObject, source: SourceRef): ReadItem => {
    const keys = Object.keys(obj);
    // Mapped dotted paths are not top-level keys; pass them through so resolveFields keeps them.
    for (const v of Object.values(map)) if (v.includes('.') && getPath(obj, v) !== undefined) keys.push(v);
    const fields = resolveFields(keys, map);
    return buildRecord(draftFrom((k) => getPath(obj, k), fields), source, titleWhere);
  };
}

export async function* readGenericJson(input: ReaderInput, options: ReaderOptions): AsyncGenerator<ReadItem> {
  const map = options.map ?? {};
  const bad = unknownMapFields(map);
  if (bad.length) {
    yield { kind: 'diagnostic', diagnostic: { file: input.file, severity: 'error', message: `--map names unknown field ${bad.join(', ')}; expected title, abstract, year, authors, doi, arxivId, url, venue, categories` } };
  }
  yield* readJsonRecords(input, JSONL_FORMAT, genericJsonConverter(map));
}

export const jsonlReader: Reader = {
  name: JSONL_FORMAT,
  description: 'generic JSON Lines or JSON array of papers (title, abstract, ...; --map for other names)',
  sniff(head) {
    return !!sniffJsonObject(head) || /^\s*\[\s*\{/.test(head);
  },
  read: readGenericJson,
};
