/**
 * Splits a UTF-8 byte stream into lines without holding more than one line in memory, keeping each
 * line's 1-based number and byte offset so that every message can say where it is.
 */

export interface Line {
  text: string;
  /** 1-based line number. */
  line: number;
  /** Byte offset of the line's first byte in the (decompressed) content. */
  offset: number;
}

const NEWLINE = 0x0a;
const decoder = new TextDecoder('utf-8');

function decodeLine(buf: Buffer): string {
  const end = buf.length > 0 && buf[buf.length - 1] === 0x0d ? buf.length - 1 : buf.length;
  return decoder.decode(buf.subarray(0, end));
}

/**
 * Yields every line of the stream, "\r\n" and "\n" endings removed. A final line without a newline
 * is still yielded; an empty stream yields nothing.
 */
export async function* readLines(stream: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): AsyncGenerator<Line> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let line = 1;
  let offset = 0;
  for await (const raw of stream) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    let start = 0;
    for (let nl = chunk.indexOf(NEWLINE, start); nl !== -1; nl = chunk.indexOf(NEWLINE, start)) {
      const piece = chunk.subarray(start, nl);
      const whole = pendingBytes === 0 ? piece : Buffer.concat([...pending, piece]);
      yield { text: decodeLine(whole), line, offset };
      offset += whole.length + 1;
      line++;
      pending = [];
      pendingBytes = 0;
      start = nl + 1;
    }
    if (start < chunk.length) {
      // Copy: the stream may reuse its chunk buffers.
      const rest = Buffer.from(chunk.subarray(start));
      pending.push(rest);
      pendingBytes += rest.length;
    }
  }
  if (pendingBytes > 0) yield { text: decodeLine(Buffer.concat(pending)), line, offset };
}
