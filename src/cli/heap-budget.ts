/**
 * How many papers an in-memory ingest can hold before V8 runs out of heap, so that a corpus too
 * large for it stops early with one line saying what to do, instead of crashing minutes later with
 * V8's "JavaScript heap out of memory" and a native stack trace.
 *
 * The model is linear in the number of papers: a fixed part (gazetteers, tagger model, code) and a
 * part per paper (its record, extraction, graph nodes and edges with their evidence), from the peak
 * RSS of ingest on generated corpora: 0.8 GB at 20,000 papers and 15.3 GB at 1,000,000 (a heap
 * limit of 18 GB, without the map stage), that is about 15 KB a paper; 16 KB leaves room for the
 * map stage, which runs while the graph is still held. RSS includes memory outside the main thread's
 * heap (the extraction threads have heaps of their own), and V8 grows its heap before it has to, so
 * the estimate errs on the side of stopping. Below the sizes it was fitted to the line says nothing (its intercept is an artefact of
 * the fit: two papers ingest in well under 384 MB), so no input under MODELLED_FROM papers is stopped.
 */
import { getHeapStatistics } from 'node:v8';
import { totalmem } from 'node:os';

const FIXED_BYTES = 1.0 * 2 ** 30;
const BYTES_PER_PAPER = 16 * 2 ** 10;
/** Half the smallest corpus the model was fitted to. */
const MODELLED_FROM = 10_000;

export const heapNeeded = (papers: number) => FIXED_BYTES + papers * BYTES_PER_PAPER;

/** The most papers that fit in this process's heap limit. */
export function papersThatFit(heapLimit = getHeapStatistics().heap_size_limit): number {
  return Math.max(MODELLED_FROM, Math.floor((heapLimit - FIXED_BYTES) / BYTES_PER_PAPER));
}

const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GB`;

/**
 * The one line for a corpus that does not fit: `read` papers were read when reading stopped, at
 * `fraction` of the input bytes, which estimates the whole corpus.
 */
export function tooLargeMessage(read: number, fraction: number, heapLimit = getHeapStatistics().heap_size_limit, machine = totalmem()): string {
  const estimate = Math.round(read / Math.max(fraction, 1e-6));
  const need = heapNeeded(estimate);
  const head = `the inputs hold about ${estimate.toLocaleString('en-US')} papers (stopped reading at ${read.toLocaleString('en-US')}, ${Math.round(fraction * 100)}% of the bytes), which need about ${gb(need)} of memory, more than Node's heap limit here (${gb(heapLimit)})`;
  // Leave a quarter of the machine to the system and the extraction threads.
  if (need > machine * 0.75) return `${head} and more than this machine can give (${gb(machine)}): ingest the inputs in parts of at most ${papersThatFit(machine * 0.75).toLocaleString('en-US')} papers`;
  const mb = Math.ceil((need * 1.2) / 2 ** 20 / 1000) * 1000;
  return `${head}: rerun with NODE_OPTIONS=--max-old-space-size=${mb}, or ingest the inputs in parts`;
}
