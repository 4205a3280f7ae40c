/**
 * Runs a user's Cypher read-only: in a read transaction (the server refuses writes), with a timeout,
 * a row cap and a byte budget, marked as user-typed in the transaction metadata. The query's plan is
 * checked first (query-plan.ts) in the same transaction; a query whose EXPLAIN fails never runs: the
 * EXPLAIN's own error is returned, its position moved back onto the user's text.
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { ClientTimeoutError, QueryPositionError, WriteRefusedError } from './errors.ts';
import { explainText, planSteps, refusal, type PlanNode } from './query-plan.ts';
import { GraphCollector } from './values.ts';
import type { ResultGraph } from '../../model/api.ts';

export interface ReadQueryOptions {
  database?: string;
  /** Server-side transaction timeout. */
  timeoutMs: number;
  /** Rows beyond this are not fetched; the result says it was truncated. */
  maxRows: number;
  /** Rows beyond this many bytes of JSON are not kept; the result says it was truncated. */
  maxBytes?: number;
  /** Where the query came from, recorded in the transaction metadata (visible in SHOW TRANSACTIONS). */
  origin?: string;
}

export const DEFAULT_QUERY_OPTIONS: ReadQueryOptions = { timeoutMs: 10_000, maxRows: 1_000, maxBytes: 16 * 1024 * 1024 };

export interface ReadQueryResult {
  columns: string[];
  /** Rows as plain JSON values, one object per record keyed by column. */
  rows: Record<string, unknown>[];
  graph: ResultGraph;
  truncated: boolean;
  /** What cut the result: the row cap or the byte budget. */
  truncatedBy?: 'rows' | 'bytes';
  timeMs: number;
}

export async function runReadQuery(driver: Driver, query: string, params: Record<string, unknown>, options: ReadQueryOptions): Promise<ReadQueryResult> {
  const t0 = performance.now();
  const session = driver.session({ database: options.database, defaultAccessMode: 'READ' });
  const collector = new GraphCollector();
  const maxBytes = options.maxBytes ?? DEFAULT_QUERY_OPTIONS.maxBytes!;
  try {
    const txConfig = { timeout: options.timeoutMs, metadata: { app: 'papergraph', origin: options.origin ?? 'user-typed' } };
    const work = async (tx: ManagedTransaction) => {
      await checkPlan(tx, query, params);
      const rows: Record<string, unknown>[] = [];
      let truncatedBy: ReadQueryResult['truncatedBy'];
      let bytes = 0;
      const result = tx.run(query, params);
      const columns = [...(await result.keys())];
      for await (const record of result) {
        if (rows.length >= options.maxRows) {
          truncatedBy = 'rows';
          break; // leaving the loop discards the rest of the stream on the server
        }
        const row = Object.fromEntries(columns.map((c) => [c, collector.toJson(record.get(c))]));
        bytes += JSON.stringify(row).length;
        if (bytes > maxBytes) {
          truncatedBy = 'bytes';
          break;
        }
        rows.push(row);
      }
      return { columns, rows, truncatedBy };
    };
    // A result too big to send in time must not hold the caller: past the deadline the answer is a
    // timeout and the session closes in the background. (The server stops at its transaction timeout,
    // except while it serialises one huge value, which it finishes first: see the README.)
    const running = session.executeRead(work, txConfig);
    const answer = await withDeadline(running, options.timeoutMs + 5_000);
    if (answer === TIMED_OUT) {
      running.catch(() => {});
      void session.close().catch(() => {});
      throw new ClientTimeoutError(`no answer from Neo4j within ${options.timeoutMs + 5_000} ms`);
    }
    await session.close();
    const { columns, rows, truncatedBy } = answer;
    return { columns, rows, graph: collector.graph(), truncated: truncatedBy !== undefined, ...(truncatedBy ? { truncatedBy } : {}), timeMs: performance.now() - t0 };
  } catch (err) {
    if (!(err instanceof ClientTimeoutError)) await session.close();
    throw err;
  }
}

async function checkPlan(tx: ManagedTransaction, query: string, params: Record<string, unknown>): Promise<void> {
  const explain = explainText(query);
  let summary;
  try {
    summary = (await tx.run(explain.text, params)).summary;
  } catch (err) {
    throw QueryPositionError.shifted(err, explain.shift);
  }
  const why = refusal(summary.queryType, planSteps(summary.plan as PlanNode | false));
  if (why) throw new WriteRefusedError(why);
}

const TIMED_OUT = Symbol('timed out');

async function withDeadline<T>(p: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((done) => {
    timer = setTimeout(() => done(TIMED_OUT), ms);
  });
  try {
    return await Promise.race([p, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
