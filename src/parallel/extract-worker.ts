/** A worker thread of parallel extraction: papers in, their extractions out (extract/document.ts). */
import { parentPort } from 'node:worker_threads';
import { extractDocument } from '../extract/document.ts';
import { extractionContext } from '../extract/context.ts';
import type { PaperText } from './parallel-stages.ts';

const ctx = extractionContext();
parentPort!.on('message', (papers: PaperText[]) => {
  parentPort!.postMessage(papers.map((p) => extractDocument(p.title, p.abstract, ctx)));
});
