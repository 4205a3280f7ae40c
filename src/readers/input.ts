/**
 * Opens one file for the readers: decides whether it is usable text at all (missing, empty, binary,
 * an archive we cannot read), decompresses .gz on the fly, and hands out clean UTF-8 (decode.ts).
 * Every refusal is one Diagnostic naming the file and what was expected.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { PassThrough, pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Diagnostic } from '../model/paper.ts';
import { CleanUtf8, type DecodeWarning, detectEncoding } from './decode.ts';
import type { ReaderInput } from './reader.ts';

export const HEAD_BYTES = 64 * 1024;

export interface OpenedInput extends ReaderInput {
  /** Bytes on disk. */
  size: number;
  gzip: boolean;
  /** Bytes read from disk so far by the last open(), for progress and for truncation messages. */
  bytesRead(): number;
}

export type OpenResult = { ok: true; input: OpenedInput } | { ok: false; diagnostic: Diagnostic };

export interface OpenOptions {
  /** Decoding warnings (BOM, Latin-1) found while the content streams. */
  onWarning(w: DecodeWarning): void;
  onProgress?(bytesRead: number, totalBytes: number): void;
}

const EXPECTED_TEXT = 'expected a text file (JSON Lines, JSON, XML, BibTeX, CSV or trending-papers text), optionally .gz';

/** Magic numbers of containers we recognise only to say what they are. */
const ARCHIVES: Array<{ magic: number[]; name: string; hint: string }> = [
  { magic: [0x50, 0x4b, 0x03, 0x04], name: 'a zip archive', hint: 'unzip it first' },
  { magic: [0x42, 0x5a, 0x68], name: 'bzip2-compressed', hint: 'decompress it (or recompress with gzip)' },
  { magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], name: 'xz-compressed', hint: 'decompress it (or recompress with gzip)' },
  { magic: [0x28, 0xb5, 0x2f, 0xfd], name: 'zstd-compressed', hint: 'decompress it (or recompress with gzip)' },
  { magic: [0x25, 0x50, 0x44, 0x46, 0x2d], name: 'a PDF document', hint: 'papergraph reads metadata, not PDFs' },
];

function startsWith(buf: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => buf[i] === b);
}

async function readRawHead(file: string): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** The first HEAD_BYTES of the decompressed content; tolerates a truncated file (reading will report it). */
function gunzipHead(file: string): Promise<{ head: Buffer; error?: Error }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const raw = createReadStream(file);
    const gunzip = createGunzip();
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      raw.destroy();
      gunzip.destroy();
      resolve({ head: Buffer.concat(chunks).subarray(0, HEAD_BYTES), error });
    };
    gunzip.on('data', (c: Buffer) => {
      chunks.push(c);
      size += c.length;
      if (size >= HEAD_BYTES) finish();
    });
    gunzip.on('end', () => finish());
    gunzip.on('error', (e) => finish(e));
    raw.on('error', (e) => finish(e));
    raw.pipe(gunzip);
  });
}

/** Text has no NUL bytes and few control characters; UTF-16 is recognised by its BOM first. */
export function binaryOffset(head: Uint8Array): number {
  const enc = detectEncoding(head);
  if (enc === 'utf-16le' || enc === 'utf-16be') return -1;
  const nul = head.indexOf(0);
  if (nul !== -1) return nul;
  let control = 0;
  let first = -1;
  for (let i = 0; i < head.length; i++) {
    const b = head[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) {
      control++;
      if (first === -1) first = i;
    }
  }
  return head.length > 0 && control / head.length > 0.1 ? first : -1;
}

export async function openInput(file: string, options: OpenOptions): Promise<OpenResult> {
  const fail = (message: string, offset?: number): OpenResult => ({
    ok: false,
    diagnostic: { file, message, severity: 'error', ...(offset !== undefined ? { offset } : {}) },
  });
  let size: number;
  try {
    const st = await stat(file);
    if (!st.isFile()) return fail(`not a regular file; ${EXPECTED_TEXT}`);
    size = st.size;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('no such file or folder; expected a path to paper metadata');
    if (code === 'EACCES') return fail('permission denied; expected a readable file');
    return fail(`cannot read (${code ?? String(err)})`);
  }
  if (size === 0) return fail(`empty file (0 bytes); ${EXPECTED_TEXT}`);
  const raw = await readRawHead(file);
  const gzip = raw[0] === 0x1f && raw[1] === 0x8b;
  let head = raw;
  if (gzip) {
    const r = await gunzipHead(file);
    if (r.head.length === 0) {
      const why = r.error ? `: ${r.error.message}` : '';
      return fail(`gzip file holds no data${why}; expected a complete .gz of a text file`, 0);
    }
    head = r.head;
  }
  for (const a of ARCHIVES) {
    if (startsWith(head, a.magic)) return fail(`${a.name}, not text; ${a.hint}`, 0);
  }
  const bin = binaryOffset(head);
  if (bin !== -1) {
    return fail(`binary file (byte 0x${head[bin]!.toString(16).padStart(2, '0')} at byte offset ${bin}); ${EXPECTED_TEXT}`, bin);
  }

  let read = 0;
  return {
    ok: true,
    input: {
      file,
      size,
      gzip,
      head,
      bytesRead: () => read,
      open(): NodeJS.ReadableStream {
        read = 0;
        const counter = new PassThrough();
        counter.on('data', (c: Buffer) => {
          read += c.length;
          options.onProgress?.(read, size);
        });
        const stages: Array<Readable | NodeJS.ReadWriteStream> = [createReadStream(file), counter];
        if (gzip) stages.push(createGunzip());
        stages.push(new CleanUtf8(options.onWarning));
        // pipeline destroys every stage on error, so the reader's loop sees the error (e.g. truncated gzip).
        return (pipeline as unknown as (...s: unknown[]) => NodeJS.ReadableStream)(...stages, () => {});
      },
    },
  };
}
