/**
 * Every paper's phrase occurrences in columns. A paper has about sixty: as objects they were most of
 * ingest's heap (13 KB a paper), most of what an extraction thread's answer cloned, and most of the
 * objects each garbage collection had to mark. Here each is eight integers, and its strings (phrase
 * key, head word, modifier key) are kept once for the whole corpus.
 *
 * An extraction thread packs its chunk of papers (packPhrases); its columns cross to the main
 * thread without a copy and join the corpus's PhraseStore in corpus order. Resolve reads rows
 * through one reused cursor (PhraseRow) and turns into objects only the rows it keeps.
 */
import type { Field, PhraseOccurrence } from './document.ts';

/** Integers per occurrence: key, head, modifier key (or -1), words | flags << 16, start, end, sentence start, sentence end. */
const ROW = 8;
const ADJECTIVAL = 1;
const STANDALONE = 2;
const GAPPED = 4;
const OF_FORM = 8;
const VIA_ACRONYM = 16;
const TITLE = 32;
const NONE = -1;

/** A chunk of papers' occurrences as they cross from a thread: rows refer to `strings` by index. */
export interface PhraseColumns {
  strings: string[];
  /** Paper k's rows start at docStart[k] (in rows); docStart has one entry more than the chunk has papers. */
  docStart: Int32Array<ArrayBuffer>;
  rows: Int32Array<ArrayBuffer>;
}

export function packPhrases(docs: readonly (readonly PhraseOccurrence[])[]): PhraseColumns {
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const id = (s: string) => {
    let k = ids.get(s);
    if (k === undefined) ids.set(s, (k = strings.push(s) - 1));
    return k;
  };
  let total = 0;
  for (const d of docs) total += d.length;
  const rows = new Int32Array(total * ROW);
  const docStart = new Int32Array(docs.length + 1);
  let r = 0;
  docs.forEach((d, k) => {
    docStart[k] = r / ROW;
    for (const p of d) {
      const flags = (p.adjectival ? ADJECTIVAL : 0) | (p.standalone ? STANDALONE : 0) | (p.gapped ? GAPPED : 0) | (p.ofForm ? OF_FORM : 0) | (p.viaAcronym ? VIA_ACRONYM : 0) | (p.field === 'title' ? TITLE : 0);
      rows[r] = id(p.key);
      rows[r + 1] = id(p.head);
      rows[r + 2] = p.modifierKey !== undefined ? id(p.modifierKey) : NONE;
      rows[r + 3] = p.words | (flags << 16);
      rows[r + 4] = p.start;
      rows[r + 5] = p.end;
      rows[r + 6] = p.sentenceStart;
      rows[r + 7] = p.sentenceEnd;
      r += ROW;
    }
  });
  docStart[docs.length] = r / ROW;
  return { strings, docStart, rows };
}

/** A cursor over one row of a store; valid until the store moves it on (keep `occurrence()`, not the cursor). */
export class PhraseRow {
  rows: Int32Array = new Int32Array(0);
  at = 0;
  constructor(private readonly strings: readonly string[]) {}
  private get flags(): number {
    return this.rows[this.at + 3]! >>> 16;
  }
  get key(): string {
    return this.strings[this.rows[this.at]!]!;
  }
  get head(): string {
    return this.strings[this.rows[this.at + 1]!]!;
  }
  get modifierKey(): string | undefined {
    const k = this.rows[this.at + 2]!;
    return k === NONE ? undefined : this.strings[k];
  }
  get words(): number {
    return this.rows[this.at + 3]! & 0xffff;
  }
  get adjectival(): boolean {
    return (this.flags & ADJECTIVAL) !== 0;
  }
  get standalone(): boolean {
    return (this.flags & STANDALONE) !== 0;
  }
  get gapped(): boolean {
    return (this.flags & GAPPED) !== 0;
  }
  get ofForm(): boolean {
    return (this.flags & OF_FORM) !== 0;
  }
  get viaAcronym(): boolean {
    return (this.flags & VIA_ACRONYM) !== 0;
  }
  get field(): Field {
    return this.flags & TITLE ? 'title' : 'abstract';
  }
  get start(): number {
    return this.rows[this.at + 4]!;
  }
  get end(): number {
    return this.rows[this.at + 5]!;
  }
  /** The occurrence as extraction gave it, as an object of its own. */
  occurrence(): PhraseOccurrence {
    const rows = this.rows;
    const at = this.at;
    const flags = rows[at + 3]! >>> 16;
    const p: PhraseOccurrence = {
      field: flags & TITLE ? 'title' : 'abstract',
      start: rows[at + 4]!,
      end: rows[at + 5]!,
      sentenceStart: rows[at + 6]!,
      sentenceEnd: rows[at + 7]!,
      key: this.strings[rows[at]!]!,
      words: rows[at + 3]! & 0xffff,
      head: this.strings[rows[at + 1]!]!,
      adjectival: (flags & ADJECTIVAL) !== 0,
      standalone: (flags & STANDALONE) !== 0,
      gapped: (flags & GAPPED) !== 0,
    };
    if (rows[at + 2] !== NONE) p.modifierKey = this.strings[rows[at + 2]!]!;
    if (flags & OF_FORM) p.ofForm = true;
    if (flags & VIA_ACRONYM) p.viaAcronym = true;
    return p;
  }
}

/** The corpus's occurrences, paper by paper in corpus order, with each string kept once. */
export class PhraseStore {
  private readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly chunks: { rows: Int32Array; docStart: Int32Array }[] = [];
  /** For each paper, its chunk and its place in it. */
  private readonly docChunk: number[] = [];
  private readonly docInChunk: number[] = [];
  private readonly cursor = new PhraseRow(this.strings);

  get papers(): number {
    return this.docChunk.length;
  }

  /** Distinct keys and head words held. */
  get distinctStrings(): number {
    return this.strings.length;
  }

  /** The next papers' columns (their rows are renumbered to this store's strings in place). */
  add(columns: PhraseColumns): void {
    const global = columns.strings.map((s) => {
      let k = this.ids.get(s);
      if (k === undefined) this.ids.set(s, (k = this.strings.push(s) - 1));
      return k;
    });
    const { rows, docStart } = columns;
    for (let r = 0; r < rows.length; r += ROW) {
      rows[r] = global[rows[r]!]!;
      rows[r + 1] = global[rows[r + 1]!]!;
      if (rows[r + 2] !== NONE) rows[r + 2] = global[rows[r + 2]!]!;
    }
    const c = this.chunks.push({ rows, docStart }) - 1;
    for (let k = 0; k + 1 < docStart.length; k++) {
      this.docChunk.push(c);
      this.docInChunk.push(k);
    }
  }

  /** Calls `fn` with a cursor on each of paper `doc`'s occurrences, in the order extraction found them. */
  each(doc: number, fn: (p: PhraseRow) => void): void {
    const chunk = this.chunks[this.docChunk[doc]!]!;
    const k = this.docInChunk[doc]!;
    const cursor = this.cursor;
    cursor.rows = chunk.rows;
    for (let r = chunk.docStart[k]! * ROW, end = chunk.docStart[k + 1]! * ROW; r < end; r += ROW) {
      cursor.at = r;
      fn(cursor);
    }
  }

  /** Paper `doc`'s occurrences as objects (tests and small corpora; resolve reads rows). */
  occurrences(doc: number): PhraseOccurrence[] {
    const out: PhraseOccurrence[] = [];
    this.each(doc, (p) => out.push(p.occurrence()));
    return out;
  }
}
