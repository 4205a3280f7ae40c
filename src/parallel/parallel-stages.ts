/**
 * The two parallel parts of ingest, over worker threads, one per core. Extraction: each paper's
 * extraction depends on its own text only, so papers are cut into chunks in corpus order, extracted
 * anywhere, and put back in order. Layout: each cluster's own layout is a job with its own seed.
 */
import { availableParallelism } from 'node:os';
import { appendChunk, CHUNK, noExtractions, type ExtractedChunk, type Extractions, type PaperText } from '../extract/extractions.ts';
import { layoutCluster, type ClusterLayoutJob } from '../analyze/layout.ts';
import { inOrder, runInWorkers } from './worker-pool.ts';

/** Threads for a corpus: below this many papers starting threads costs more than it saves. */
export const PARALLEL_FROM = 2_000;

/** The number of threads ingest uses: PAPERGRAPH_WORKERS, or one per core. */
export function defaultWorkers(env: Record<string, string | undefined> = process.env): number {
  const asked = Number(env.PAPERGRAPH_WORKERS);
  return Number.isInteger(asked) && asked >= 1 ? asked : availableParallelism();
}

export async function extractInWorkers(papers: readonly PaperText[], threads: number, onProgress?: (done: number) => void): Promise<Extractions> {
  const jobs: PaperText[][] = [];
  for (let i = 0; i < papers.length; i += CHUNK) jobs.push(papers.slice(i, i + CHUNK).map((p) => ({ title: p.title, abstract: p.abstract })));
  // Chunks join the corpus's extractions as they come in (in order), while the threads go on with
  // the rest, rather than all at the end.
  const out = noExtractions();
  await runInWorkers<PaperText[], ExtractedChunk>(new URL('./extract-worker.ts', import.meta.url), jobs, {
    threads,
    onResult: inOrder((chunk) => appendChunk(out, chunk)),
    ...(onProgress ? { onJobDone: (done: number) => onProgress(Math.min(papers.length, done * CHUNK)) } : {}),
  });
  return out;
}

/**
 * Each cluster's own layout over worker threads, largest first so that one big cluster does not
 * start last; results come back in job order.
 */
export async function layoutInWorkers(jobs: readonly ClusterLayoutJob[], threads: number): Promise<Float64Array[]> {
  if (threads <= 1) return jobs.map(layoutCluster);
  const order = jobs.map((_, k) => k).sort((a, b) => jobs[b]!.nodes + jobs[b]!.weights.length - (jobs[a]!.nodes + jobs[a]!.weights.length) || a - b);
  const done = await runInWorkers<ClusterLayoutJob, Float64Array>(new URL('./layout-worker.ts', import.meta.url), order.map((k) => jobs[k]!), { threads });
  const out = new Array<Float64Array>(jobs.length);
  order.forEach((k, i) => (out[k] = done[i]!));
  return out;
}
