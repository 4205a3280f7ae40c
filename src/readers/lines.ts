/**
 * Splits a UTF-8 byte stream into lines without holding more than one line in memory, keeping each
 * line's 1-based number and byte offset so that every message can say where it is. A line longer
 * than the cap is never assembled: it comes out empty, marked with its length, for the reader to
 * report and skip (a small .gz can hold one line of hundreds of megabytes).
 */

export interface Line {
  text: string;
  /** 1-based line number. */
  line: number;
  /** Byte offset of the line's first byte in the (decompressed) content. */
  offset: number;
  /** Set when the line was longer than the cap: its length in bytes; `text` is then empty. */
  tooLong?: number;
}

export const MAX_LINE_BYTES = 16 * 1024 * 1024;

const NEWLINE = 0x0a;
const decoder = new TextDecoder('utf-8');

function decodeLine(buf: Buffer): string {
  const end = buf.length > 0 && buf[buf.length - 1] === 0x0d ? buf.length - 1 : buf.length;
  return decoder.decode(buf.subarray(0, end));
}

/** What a reader says about a line over the cap. */
export function tooLongMessage(bytes: number, expected: string): string {
  return `line of ${bytes} bytes is longer than the limit of ${MAX_LINE_BYTES} bytes; skipped (expected ${expected})`;
}

/**
 * Yields every line of the stream, "\r\n" and "\n" endings removed. A final line without a newline
 * is still yielded; an empty stream yields nothing.
 */
export async function* readLines(stream: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<Line> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let skipping = false;
  let line = 1;
  let offset = 0;
  for await (const raw of stream) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    let start = 0;
    for (let nl = chunk.indexOf(NEWLINE, start); nl !== -1; nl = chunk.indexOf(NEWLINE, start)) {
      const piece = chunk.subarray(start, nl);
      const length = pendingBytes + piece.length;
      if (skipping || length > maxLineBytes) yield { text: '', line, offset, tooLong: length };
      else yield { text: decodeLine(pendingBytes === 0 ? piece : Buffer.concat([...pending, piece])), line, offset };
      offset += length + 1;
      line++;
      pending = [];
      pendingBytes = 0;
      skipping = false;
      start = nl + 1;
    }
    if (start < chunk.length) {
      pendingBytes += chunk.length - start;
      if (pendingBytes > maxLineBytes) {
        skipping = true;
        pending = [];
      } else if (!skipping) {
        // Copy: the stream may reuse its chunk buffers.
        pending.push(Buffer.from(chunk.subarray(start)));
      }
    }
  }
  if (pendingBytes > 0) {
    if (skipping) yield { text: '', line, offset, tooLong: pendingBytes };
    else yield { text: decodeLine(Buffer.concat(pending)), line, offset };
  }
}
