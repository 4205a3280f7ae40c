/**
 * Turns whatever text encoding a file arrives in into clean UTF-8 for the readers:
 * - a UTF-8 byte-order mark is removed (spreadsheet exports add one; it would end up in a field name);
 * - UTF-16 (recognised by its byte-order mark) is converted;
 * - a line that is not valid UTF-8 is taken as Latin-1 (Windows/Zotero exports), which always
 *   decodes, and one warning names the byte offset of the first bad byte. Decoding rather than
 *   skipping keeps the records: a Latin-1 "é" costs nothing, losing the paper costs the user.
 * Works line by line so memory stays bounded; a line longer than MAX_PENDING is cut at a character
 * boundary instead of being held whole.
 */
import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';

export interface DecodeWarning {
  /** Byte offset in the (decompressed) content. */
  offset: number;
  /** 1-based line number. */
  line: number;
  message: string;
}

const MAX_PENDING = 1 << 20;
const NEWLINE = 0x0a;

/** Index of the first byte that breaks UTF-8 well-formedness, or -1. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** How many trailing bytes form an incomplete UTF-8 sequence (0 to 3), so a cut never splits one. */
function incompleteTail(buf: Buffer): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const b = buf[buf.length - back]!;
    if ((b & 0xc0) === 0x80) continue;
    const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return len > back ? back : 0;
  }
  return 0;
}

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export function detectEncoding(head: Uint8Array): TextEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** Decodes the head of a file for sniffing, the same way the stream will be decoded. */
export function decodeHead(head: Buffer): string {
  const enc = detectEncoding(head);
  if (enc === 'utf-16le' || enc === 'utf-16be') return new TextDecoder(enc).decode(head);
  const body = enc === 'utf-8-bom' ? head.subarray(3) : head;
  const cut = body.subarray(0, body.length - incompleteTail(body));
  return isUtf8(cut) ? cut.toString('utf8') : cut.toString('latin1');
}

export class CleanUtf8 extends Transform {
  private started = false;
  private utf16: TextDecoder | null = null;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Offset (in the input) of the first pending byte, and the line it belongs to. */
  private offset = 0;
  private line = 1;
  private warnedLatin1 = false;

  constructor(private readonly warn: (w: DecodeWarning) => void) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (!this.started) chunk = this.start(chunk);
    if (this.utf16) {
      this.push(Buffer.from(this.utf16.decode(chunk, { stream: true }), 'utf8'));
      done();
      return;
    }
    const lastNl = chunk.lastIndexOf(NEWLINE);
    if (lastNl === -1) {
      this.hold(chunk);
      if (this.pendingBytes > MAX_PENDING) this.cutLongLine();
    } else {
      this.hold(chunk.subarray(0, lastNl + 1));
      this.emit_(Buffer.concat(this.pending));
      this.pending = [];
      this.pendingBytes = 0;
      if (lastNl + 1 < chunk.length) this.hold(chunk.subarray(lastNl + 1));
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.utf16) {
      const rest = this.utf16.decode();
      if (rest) this.push(Buffer.from(rest, 'utf8'));
    } else if (this.pendingBytes > 0) {
      this.emit_(Buffer.concat(this.pending));
    }
    done();
  }

  private start(chunk: Buffer): Buffer {
    this.started = true;
    const enc = detectEncoding(chunk);
    if (enc === 'utf-8-bom') {
      this.offset = 3;
      this.warn({ offset: 0, line: 1, message: 'UTF-8 byte-order mark removed' });
      return chunk.subarray(3);
    }
    if (enc === 'utf-16le' || enc === 'utf-16be') {
      this.utf16 = new TextDecoder(enc);
      this.warn({ offset: 0, line: 1, message: `${enc.toUpperCase()} text (byte-order mark) converted to UTF-8` });
    }
    return chunk;
  }

  private hold(buf: Buffer): void {
    const copy = Buffer.from(buf);
    this.pending.push(copy);
    this.pendingBytes += copy.length;
  }

  private cutLongLine(): void {
    const all = Buffer.concat(this.pending);
    const keep = incompleteTail(all);
    this.emit_(all.subarray(0, all.length - keep));
    this.pending = keep > 0 ? [Buffer.from(all.subarray(all.length - keep))] : [];
    this.pendingBytes = keep;
  }

  /** Emits a run of bytes that ends at a line end (or a character boundary), fixing bad lines. */
  private emit_(buf: Buffer): void {
    const startOffset = this.offset;
    this.offset += buf.length;
    if (isUtf8(buf)) {
      this.push(buf);
      this.line += countNewlines(buf);
      return;
    }
    // Slow path, only for runs with bad bytes: decide line by line.
    let start = 0;
    while (start < buf.length) {
      const nl = buf.indexOf(NEWLINE, start);
      const end = nl === -1 ? buf.length : nl + 1;
      const piece = buf.subarray(start, end);
      const bad = firstInvalidUtf8(piece);
      if (bad === -1) {
        this.push(piece);
      } else {
        if (!this.warnedLatin1) {
          this.warnedLatin1 = true;
          const at = startOffset + start + bad;
          this.warn({
            offset: at,
            line: this.line,
            message: `byte 0x${piece[bad]!.toString(16).padStart(2, '0')} at byte offset ${at} is not valid UTF-8 (expected UTF-8 text); decoding such lines as Latin-1`,
          });
        }
        this.push(Buffer.from(piece.toString('latin1'), 'utf8'));
      }
      if (nl !== -1) this.line++;
      start = end;
    }
  }
}

function countNewlines(buf: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(NEWLINE); i !== -1; i = buf.indexOf(NEWLINE, i + 1)) n++;
  return n;
}
