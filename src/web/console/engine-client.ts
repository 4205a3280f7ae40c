/**
 * The console's side of the engine worker (engine-worker.ts): one worker, started on first use;
 * a query that outlives its budget by far ends the worker (the next query starts a fresh one).
 */
import type { CypherError, CypherResult } from './console-api.ts';

export const ENGINE_LIMITS = { timeoutMs: 10_000, maxRows: 1_000 };

type Answer = { ok: true; result: CypherResult } | { ok: false; error: CypherError };

let worker: Worker | undefined;
let nextId = 1;
const waiting = new Map<number, (a: Answer) => void>();

function start(): Worker {
  const w = new Worker(new URL('./engine-worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (e: MessageEvent<{ id: number } & Answer>) => {
    const done = waiting.get(e.data.id);
    waiting.delete(e.data.id);
    done?.(e.data);
  };
  w.onerror = (e) => {
    for (const [id, done] of waiting) {
      waiting.delete(id);
      done({ ok: false, error: { status: 500, error: `the built-in engine failed: ${e.message}` } });
    }
  };
  return w;
}

export function runInEngine(query: string, params: Record<string, unknown>, snapshotUrl: string): Promise<Answer> {
  worker ??= start();
  const w = worker;
  const id = nextId++;
  return new Promise<Answer>((resolve) => {
    // The engine stops itself at its time budget; this only catches a worker that stopped answering.
    const watchdog = setTimeout(() => {
      if (!waiting.delete(id)) return;
      w.terminate();
      if (worker === w) worker = undefined;
      resolve({ ok: false, error: { status: 408, kind: 'timeout', error: `the built-in engine did not answer within ${ENGINE_LIMITS.timeoutMs + 20_000} ms` } });
    }, ENGINE_LIMITS.timeoutMs + 20_000);
    waiting.set(id, (a) => {
      clearTimeout(watchdog);
      resolve(a);
    });
    w.postMessage({ type: 'run', id, query, params, snapshotUrl, limits: ENGINE_LIMITS });
  });
}
