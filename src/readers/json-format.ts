/**
 * A reader for one JSON-shaped source format (arXiv snapshot, OpenAlex, S2ORC, Semantic Scholar):
 * the formats differ only in how a record is recognised and converted; reading is shared.
 */
import { type JsonConverter, type JsonObject, readJsonLines, readJsonRecords, sniffJsonObject } from './json-records.ts';
import type { Reader } from './reader.ts';

export interface JsonFormat {
  name: string;
  description: string;
  /** True when the first record in the file's head is one of this format's. */
  isRecord(record: JsonObject): boolean;
  /**
   * For formats that also come as a JSON document (an API response, an array): recognises a
   * pretty-printed head, whose first record spans several lines, by its key names. Without it the
   * format is JSON Lines only.
   */
  documentHead?(head: string): boolean;
  convert: JsonConverter;
}

export function jsonFormatReader(format: JsonFormat): Reader {
  return {
    name: format.name,
    description: format.description,
    sniff(head) {
      const record = sniffJsonObject(head);
      if (record) return format.isRecord(record);
      return !!format.documentHead && /^\s*[[{]/.test(head) && format.documentHead(head);
    },
    read: (input) => (format.documentHead ? readJsonRecords(input, format.name, format.convert) : readJsonLines(input, format.name, format.convert)),
  };
}
