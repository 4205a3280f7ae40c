/**
 * The byte-level mutation behind the reader fuzzing, and the seeds it starts from (small real
 * samples and fixtures). Shared by test/unit/fuzz-readers.test.ts and `npm run compare-readers`,
 * so both feed the readers exactly the same cases.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CleanUtf8 } from '../../src/readers/decode.ts';
import type { ReaderInput } from '../../src/readers/reader.ts';

const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const SHARED_DIR = resolve(REPO_ROOT, '..', 'shared');
export const FIXTURE_DIR = resolve(REPO_ROOT, 'test', 'fixtures', 'formats');

const TOKENS = ['{', '}', '[', ']', '"', "'", ',', ':', '\n', '\r\n', '\\', '<', '>', '</', '/>', '@', '#', '=', '$', '&', ';', '\t', '<![CDATA[', '<!--', '@string{', '\\"', '\u00e9', '\ufeff'].map((t) => Buffer.from(t));
const BAD_BYTES = [0x00, 0xff, 0xe9, 0xc3, 0x80, 0xef, 0xbb, 0xbf, 0x1f, 0x8b];

/** One to four random edits: flips, deletions, structural tokens, bad bytes, duplications, truncation, swaps. */
export function mutate(seed: Buffer, rnd: () => number): Buffer {
  let b = seed;
  const n = 1 + Math.floor(rnd() * 4);
  for (let k = 0; k < n; k++) {
    const at = Math.floor(rnd() * (b.length + 1));
    const len = 1 + Math.floor(rnd() * 24);
    switch (Math.floor(rnd() * 7)) {
      case 0: // flip a byte
        if (b.length) {
          b = Buffer.from(b);
          b[Math.min(at, b.length - 1)] = Math.floor(rnd() * 256);
        }
        break;
      case 1: // delete a range
        b = Buffer.concat([b.subarray(0, at), b.subarray(at + len)]);
        break;
      case 2: // insert a structural token
        b = Buffer.concat([b.subarray(0, at), TOKENS[Math.floor(rnd() * TOKENS.length)]!, b.subarray(at)]);
        break;
      case 3: // insert bad bytes
        b = Buffer.concat([b.subarray(0, at), Buffer.from(Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => BAD_BYTES[Math.floor(rnd() * BAD_BYTES.length)]!)), b.subarray(at)]);
        break;
      case 4: // duplicate a range
        b = Buffer.concat([b.subarray(0, at + len), b.subarray(at, at + len), b.subarray(at + len)]);
        break;
      case 5: // truncate
        b = b.subarray(0, at);
        break;
      default: // swap two ranges
        {
          const other = Math.floor(rnd() * (b.length + 1));
          const [x, y] = at < other ? [at, other] : [other, at];
          b = Buffer.concat([b.subarray(0, x), b.subarray(y, y + len), b.subarray(x + len, y), b.subarray(x, x + len), b.subarray(y + len)]);
        }
        break;
    }
  }
  return b;
}

/** The registry's decoding, run synchronously: what the readers really receive. */
export function cleanUtf8(buf: Buffer): Buffer {
  const t = new CleanUtf8(() => {});
  const out: Buffer[] = [];
  t.push = (chunk: unknown): boolean => {
    if (chunk) out.push(chunk as Buffer);
    return true;
  };
  t._transform(buf, 'binary', () => {});
  t._flush(() => {});
  return Buffer.concat(out);
}

/** A reader input over `bytes`, cleaned as the registry would and cut into random chunks. */
export function fuzzInput(bytes: Buffer, rnd: () => number, file = 'fuzz-case'): ReaderInput {
  const data = cleanUtf8(bytes);
  // Random chunking exercises the record splitters' boundaries (quotes, brackets, tags).
  const chunks: Buffer[] = [];
  for (let i = 0; i < data.length; ) {
    const size = 1 + Math.floor(rnd() * Math.max(1, data.length / 2));
    chunks.push(data.subarray(i, i + size));
    i += size;
  }
  return { file, head: data.subarray(0, 65536), open: () => chunks as unknown as NodeJS.ReadableStream };
}

/** The first `maxBytes` of a file, cut back to a line end. */
export function headSlice(path: string, maxBytes: number): Buffer {
  const b = readFileSync(path);
  const cut = b.subarray(0, maxBytes);
  const nl = cut.lastIndexOf(0x0a);
  return nl > 0 ? cut.subarray(0, nl + 1) : cut;
}

const real = (n: string): string => join(SHARED_DIR, 'data', 'real-formats', n);
const fixture = (n: string): string => join(FIXTURE_DIR, n);

/** Seeds per reader name: valid inputs the mutations start from. */
export function fuzzSeeds(): Record<string, Buffer[]> {
  return {
    'arxiv-oai': [Buffer.concat([headSlice(real('arxiv-oai-pmh.xml'), 4200), Buffer.from('</ListRecords>\n</OAI-PMH>\n')])],
    'arxiv-atom': [headSlice(fixture('arxiv-api.atom.xml'), 4000)],
    'arxiv-jsonl': [headSlice(real('arxiv-kaggle-snapshot-head200.jsonl'), 3000)],
    s2orc: [headSlice(real('s2orc-sample.jsonl'), 3000)],
    openalex: [headSlice(fixture('openalex-works.json'), 4000), headSlice(fixture('openalex-works.jsonl'), 3000)],
    s2: [headSlice(fixture('s2-search.json'), 4000), headSlice(fixture('s2-paper.jsonl'), 2000)],
    bibtex: [headSlice(fixture('zotero.bib'), 4000)],
    jsonl: [headSlice(join(SHARED_DIR, 'corpus', 'ml-abstracts.jsonl'), 3000)],
    csv: [headSlice(fixture('papers.csv'), 2000), headSlice(fixture('semicolon.csv'), 2000)],
    trending: [headSlice(join(SHARED_DIR, 'corpus', 'trending-papers.txt'), 3000)],
  };
}
