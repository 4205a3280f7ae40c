/**
 * The built-in Cypher engine in a Web Worker: it loads the snapshot once, then answers queries off
 * the main thread, so a slow query never freezes the map. Messages: {type: 'run', id, query,
 * params} in; {id, ok: true, result} or {id, ok: false, error} out.
 */
import { paramsFromJson, runQuery } from '../../cypher/engine.ts';
import { CypherError, errorAnswer } from '../../cypher/errors.ts';
import type { PropertyGraph } from '../../cypher/graph-store.ts';
import { graphFromSnapshot } from '../../cypher/snapshot-graph.ts';

interface RunMessage {
  type: 'run';
  id: number;
  query: string;
  params: Record<string, unknown>;
  snapshotUrl: string;
  limits: { timeoutMs: number; maxRows: number };
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<RunMessage>) => void) | null; postMessage(m: unknown): void };
let graph: Promise<PropertyGraph> | undefined;

async function load(url: string): Promise<PropertyGraph> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} could not be loaded: HTTP ${response.status}`);
  return graphFromSnapshot((await response.json()) as Parameters<typeof graphFromSnapshot>[0]);
}

scope.onmessage = async (e) => {
  const m = e.data;
  if (m.type !== 'run') return;
  try {
    graph ??= load(m.snapshotUrl);
    const r = runQuery(await graph, m.query, paramsFromJson(m.params), m.limits);
    const summary = { timeMs: Math.round(r.timeMs), truncated: r.truncated, rowCount: r.rows.length, maxRows: m.limits.maxRows, engine: 'built-in' };
    scope.postMessage({ id: m.id, ok: true, result: { columns: r.columns, rows: r.rows, graph: r.graph, summary } });
  } catch (err) {
    if (err instanceof CypherError) {
      scope.postMessage({ id: m.id, ok: false, error: errorAnswer(err) });
    } else {
      if (!(err instanceof Error && err.message.includes('could not be loaded'))) graph = undefined;
      scope.postMessage({ id: m.id, ok: false, error: { status: 500, error: (err as Error).message, kind: 'other' } });
    }
  }
};
