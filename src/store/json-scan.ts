/**
 * An incremental reader of one JSON object whose array members can be far larger than V8's longest
 * string (about 512 MB): fed chunk by chunk, it hands over each member of the top-level arrays as
 * soon as it is complete, parsed on its own, so at most one member is ever held as text.
 *
 * Only the top level is taken apart; every value below it is scanned for its end (strings, escapes,
 * nesting) and then given to JSON.parse, which checks it fully.
 */

export class JsonScanError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly byte: number,
  ) {
    super(message);
  }
}

export interface ScanHandlers {
  /** A top-level member that is not one of the streamed arrays, e.g. "attributes". */
  value(key: string, value: unknown): void;
  /** One element of the streamed array `key` ("nodes", "edges"); `index` counts from 0 per array. */
  element(key: string, value: unknown, index: number): void;
  /** The streamed array `key` closed after `count` elements. */
  arrayEnd?(key: string, count: number): void;
}

const enum S {
  Open,
  KeyOrEnd,
  Key,
  Colon,
  Value,
  ArrayOpen,
  ElementOrEnd,
  Scalar,
  Nested,
  AfterMember,
  AfterElement,
  Done,
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

export class TopLevelScanner {
  private state = S.Open;
  private line = 1;
  private byte = 0;
  /** Pieces of the value being scanned, when it spans chunks. */
  private parts: Buffer[] = [];
  private partBytes = 0;
  private depth = 0;
  private inString = false;
  private escape = false;
  private key = '';
  private inArray = false;
  private index = 0;

  constructor(
    private readonly streamed: ReadonlySet<string>,
    private readonly handlers: ScanHandlers,
    /** Streamed arrays whose elements are only scanned for their end, never parsed (a pass that needs none of them). */
    private readonly skip: ReadonlySet<string> = new Set(),
    /** A single value longer than this is refused instead of exhausting memory. */
    private readonly maxValueBytes = 256 << 20,
  ) {}

  feed(chunk: Buffer): void {
    let start = -1; // where the current value begins in this chunk
    let nextBackslash = -1;
    if (this.state === S.Key || this.state === S.Scalar || this.state === S.Nested) start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      switch (this.state) {
        case S.Key:
        case S.Nested:
        case S.Scalar: {
          if (this.inString) {
            if (this.escape) {
              this.escape = false;
              continue;
            }
            // Most of a snapshot is text: jump to the next quote or backslash instead of stepping byte by byte.
            const quote = chunk.indexOf(QUOTE, i);
            if (nextBackslash < i) nextBackslash = chunk.indexOf(BACKSLASH, i) >>> 0; // none: 2^32 - 1, past any chunk
            const end = quote < 0 ? chunk.length : quote;
            if (nextBackslash < end) {
              // Skip the backslash and the byte it escapes (which may be in the next chunk).
              if (nextBackslash + 1 < chunk.length) i = nextBackslash + 1;
              else {
                this.escape = true;
                i = chunk.length;
              }
              continue;
            }
            if (quote < 0) {
              i = chunk.length;
              continue;
            }
            i = quote;
            this.inString = false;
            if (this.state === S.Key || (this.state === S.Scalar && this.depth === 0)) {
              this.finish(chunk, start, i + 1);
              start = -1;
            }
            continue;
          }
          if (this.state === S.Nested) {
            if (c === QUOTE) this.inString = true;
            else if (c === 0x7b || c === 0x5b) this.depth++;
            else if (c === 0x7d || c === 0x5d) {
              if (--this.depth === 0) {
                this.finish(chunk, start, i + 1);
                start = -1;
              }
            } else if (c === 0x0a) this.line++;
            continue;
          }
          // A number, true, false or null ends at the first delimiter, which belongs to the level above.
          if (c === 0x2c || c === 0x7d || c === 0x5d || isSpace(c)) {
            this.finish(chunk, start, i);
            start = -1;
            i--;
          }
          continue;
        }
        default:
          if (isSpace(c)) {
            if (c === 0x0a) this.line++;
            continue;
          }
          if (this.structural(c, i)) start = i;
      }
    }
    if (start >= 0) this.keep(chunk.subarray(start));
    this.byte += chunk.length;
  }

  /** Call after the last chunk. */
  end(): void {
    if (this.state !== S.Done) this.fail(this.state === S.Open ? 'expected "{" (the file is empty)' : 'the file ends before the JSON object is closed (a truncated snapshot?)', 0);
  }

  /** One structural byte outside any value; true when a value starts here. */
  private structural(c: number, i: number): boolean {
    switch (this.state) {
      case S.Open:
        if (c !== 0x7b) this.fail(`expected "{", found ${show(c)}`, i);
        this.state = S.KeyOrEnd;
        return false;
      case S.KeyOrEnd:
        if (c === 0x7d) {
          this.state = S.Done;
          return false;
        }
        if (c !== QUOTE) this.fail(`expected a member name in quotes or "}", found ${show(c)}`, i);
        this.state = S.Key;
        this.inString = true;
        return true;
      case S.Colon:
        if (c !== 0x3a) this.fail(`expected ":" after "${this.key}", found ${show(c)}`, i);
        this.state = this.streamed.has(this.key) ? S.ArrayOpen : S.Value;
        return false;
      case S.ArrayOpen:
        if (c !== 0x5b) this.fail(`expected "[" to open "${this.key}", found ${show(c)}`, i);
        this.inArray = true;
        this.index = 0;
        this.state = S.ElementOrEnd;
        return false;
      case S.AfterElement:
        if (c === 0x2c) this.state = S.Value;
        else if (c === 0x5d) this.closeArray();
        else this.fail(`expected "," or "]" after ${this.key}[${this.index - 1}], found ${show(c)}`, i);
        return false;
      case S.ElementOrEnd:
        if (c === 0x5d) {
          this.closeArray();
          return false;
        }
        return this.startValue(c);
      case S.Value:
        return this.startValue(c);
      case S.AfterMember:
        if (c === 0x2c) this.state = S.KeyOrEnd;
        else if (c === 0x7d) this.state = S.Done;
        else this.fail(`expected "," or "}" after "${this.key}", found ${show(c)}`, i);
        return false;
      case S.Done:
        this.fail(`unexpected ${show(c)} after the end of the JSON object`, i);
    }
    return false;
  }

  private closeArray(): void {
    this.inArray = false;
    this.state = S.AfterMember;
    this.handlers.arrayEnd?.(this.key, this.index);
  }

  private startValue(c: number): boolean {
    this.depth = 0;
    this.inString = false;
    this.escape = false;
    if (c === 0x7b || c === 0x5b) {
      this.state = S.Nested;
      this.depth = 1;
    } else {
      this.state = S.Scalar;
      this.inString = c === QUOTE;
    }
    return true;
  }

  private keep(piece: Buffer): void {
    this.partBytes += piece.length;
    if (this.partBytes > this.maxValueBytes) this.fail(`a single value of "${this.key}" is longer than ${this.maxValueBytes >> 20} MB`, 0);
    this.parts.push(Buffer.from(piece)); // a copy: the stream may reuse its chunk
  }

  private finish(chunk: Buffer, start: number, end: number): void {
    const piece = chunk.subarray(start, end);
    if (this.inArray && this.state !== S.Key && this.skip.has(this.key)) {
      this.parts = [];
      this.partBytes = 0;
      this.index++;
      this.state = S.AfterElement;
      return;
    }
    const text = (this.parts.length ? Buffer.concat([...this.parts, piece]) : piece).toString('utf8');
    this.parts = [];
    this.partBytes = 0;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      const what = this.state === S.Key ? 'a member name' : this.inArray ? `${this.key}[${this.index}]` : `"${this.key}"`;
      this.fail(`${what} is not valid JSON (${(err as Error).message})`, start);
    }
    if (this.state === S.Key) {
      this.key = value as string;
      this.state = S.Colon;
    } else if (this.inArray) {
      this.handlers.element(this.key, value, this.index++);
      this.state = S.AfterElement;
    } else {
      if (this.streamed.has(this.key)) this.fail(`expected "[" to open "${this.key}"`, start);
      this.handlers.value(this.key, value);
      this.state = S.AfterMember;
    }
  }

  private fail(message: string, i: number): never {
    throw new JsonScanError(message, this.line, this.byte + Math.max(0, i));
  }
}

function show(c: number): string {
  return c >= 0x20 && c < 0x7f ? `"${String.fromCharCode(c)}"` : `byte 0x${c.toString(16).padStart(2, '0')}`;
}
