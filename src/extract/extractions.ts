/**
 * What extraction hands to resolve for a whole corpus: each paper's findings as objects (a handful
 * of dataset mentions, names and acronyms) and every phrase occurrence in columns (phrase-columns.ts).
 * Papers are extracted in chunks, in one thread or several: a chunk is the unit of work either way,
 * so the result is the same whatever the number of threads.
 */
import { extractDocument, type DocExtraction } from './document.ts';
import type { ExtractionContext } from './context.ts';
import { packPhrases, PhraseStore, type PhraseColumns } from './phrase-columns.ts';

export interface PaperText {
  title: string;
  abstract: string;
}

export type PaperFindings = Omit<DocExtraction, 'phrases'>;

/** One chunk's extraction, as it crosses from a thread (the columns' buffers are transferred, not cloned). */
export interface ExtractedChunk {
  papers: PaperFindings[];
  phrases: PhraseColumns;
}

export interface Extractions {
  /** In corpus order. */
  papers: PaperFindings[];
  phrases: PhraseStore;
}

/** Papers per chunk: large enough that a thread's message is cheap next to its work, small enough to balance. */
export const CHUNK = 250;

export function extractChunk(texts: readonly PaperText[], ctx: ExtractionContext): ExtractedChunk {
  const papers: PaperFindings[] = [];
  const phrases: DocExtraction['phrases'][] = [];
  for (const t of texts) {
    const { phrases: p, ...rest } = extractDocument(t.title, t.abstract, ctx);
    papers.push(rest);
    phrases.push(p);
  }
  return { papers, phrases: packPhrases(phrases) };
}

export const noExtractions = (): Extractions => ({ papers: [], phrases: new PhraseStore() });

/** The next chunk, in corpus order, onto a corpus's extractions. */
export function appendChunk(out: Extractions, c: ExtractedChunk): void {
  for (const p of c.papers) out.papers.push(p);
  out.phrases.add(c.phrases);
}

/** Extraction in this thread, chunk by chunk as threads do it. */
export function extractAll(texts: readonly PaperText[], ctx: ExtractionContext, onProgress?: (done: number) => void): Extractions {
  const out = noExtractions();
  for (let i = 0; i < texts.length; i += CHUNK) {
    onProgress?.(i);
    appendChunk(out, extractChunk(texts.slice(i, i + CHUNK), ctx));
  }
  return out;
}
