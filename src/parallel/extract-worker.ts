/** A worker thread of parallel extraction: a chunk of papers in, its extraction out (extract/extractions.ts). */
import { parentPort } from 'node:worker_threads';
import { extractChunk, type PaperText } from '../extract/extractions.ts';
import { extractionContext } from '../extract/context.ts';

const ctx = extractionContext();
parentPort!.on('message', (papers: PaperText[]) => {
  const out = extractChunk(papers, ctx);
  // The columns move to the main thread instead of being copied.
  parentPort!.postMessage(out, [out.phrases.rows.buffer, out.phrases.docStart.buffer]);
});
