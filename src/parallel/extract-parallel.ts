/**
 * Extraction over worker threads, one per core: each paper's extraction depends on its own text
 * only, so papers are cut into chunks in corpus order, extracted anywhere, and put back in order.
 */
import { availableParallelism } from 'node:os';
import type { DocExtraction } from '../extract/document.ts';
import { runInWorkers } from './worker-pool.ts';

export interface PaperText {
  title: string;
  abstract: string;
}

/** Papers per message: large enough that cloning is cheap next to the work, small enough to balance. */
const CHUNK = 250;

/** Threads for a corpus: below this many papers starting threads costs more than it saves. */
export const PARALLEL_FROM = 2_000;

/** The number of threads ingest uses: PAPERGRAPH_WORKERS, or one per core. */
export function defaultWorkers(env: Record<string, string | undefined> = process.env): number {
  const asked = Number(env.PAPERGRAPH_WORKERS);
  return Number.isInteger(asked) && asked >= 1 ? asked : availableParallelism();
}

export async function extractInWorkers(papers: readonly PaperText[], threads: number, onProgress?: (done: number) => void): Promise<DocExtraction[]> {
  const jobs: PaperText[][] = [];
  for (let i = 0; i < papers.length; i += CHUNK) jobs.push(papers.slice(i, i + CHUNK).map((p) => ({ title: p.title, abstract: p.abstract })));
  const out = await runInWorkers<PaperText[], DocExtraction[]>(new URL('./extract-worker.ts', import.meta.url), jobs, {
    threads,
    ...(onProgress ? { onJobDone: (done: number) => onProgress(Math.min(papers.length, done * CHUNK)) } : {}),
  });
  return out.flat();
}
