/**
 * A fixed set of worker threads working through an ordered list of jobs. Results come back in job
 * order whatever thread finished first, so the output never depends on the number of threads.
 * Workers are TypeScript modules: each thread registers tsx first, as bin/papergraph.js does (on
 * Node 20 a worker's `--import` hooks do not apply to its own entry module, hence the bootstrap).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

// The ESM build of tsx's API (require.resolve would give the CommonJS one).
const TSX_API = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
const BOOTSTRAP = `const { workerData } = require('node:worker_threads');
import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(workerData.entry); });`;

export interface PoolOptions<O = unknown> {
  threads: number;
  /** Called with each result as it arrives, in any order. */
  onResult?(result: O, index: number): void;
  /** Called after each job, with the number of jobs done so far. */
  onJobDone?(done: number): void;
}

/** Calls `take` with each result in job order as soon as it and every earlier one are in. */
export function inOrder<O>(take: (result: O, index: number) => void): (result: O, index: number) => void {
  const waiting = new Map<number, O>();
  let next = 0;
  return (result, index) => {
    waiting.set(index, result);
    while (waiting.has(next)) {
      const r = waiting.get(next)!;
      waiting.delete(next);
      take(r, next++);
    }
  };
}

export async function runInWorkers<I, O>(worker: URL, jobs: readonly I[], options: PoolOptions<O>): Promise<O[]> {
  const results = new Array<O>(jobs.length);
  let next = 0;
  let done = 0;
  const threads = Math.max(1, Math.min(options.threads, jobs.length));
  const run = (w: Worker) =>
    new Promise<void>((resolve, reject) => {
      const send = () => {
        if (next >= jobs.length) return resolve();
        const index = next++;
        w.once('message', (out: O) => {
          results[index] = out;
          options.onResult?.(out, index);
          options.onJobDone?.(++done);
          send();
        });
        w.postMessage(jobs[index]);
      };
      w.once('error', reject);
      w.once('exit', (code) => (next < jobs.length || done < jobs.length ? reject(new Error(`a worker thread exited with code ${code} before its jobs were done`)) : resolve()));
      send();
    });
  const workers = Array.from({ length: threads }, () => new Worker(BOOTSTRAP, { eval: true, workerData: { entry: worker.href } }));
  try {
    await Promise.all(workers.map(run));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
