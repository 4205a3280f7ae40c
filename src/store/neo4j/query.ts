/**
 * Runs a user's Cypher read-only: in a read transaction (the server refuses writes), with a timeout
 * and a row cap, marked as user-typed in the transaction metadata. Before running it, the query's
 * plan (EXPLAIN, nothing executes) is checked: anything but a read, LOAD CSV (which fetches files or
 * URLs from the server) and CALL {...} IN TRANSACTIONS are refused before they start.
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { ClientTimeoutError, WriteRefusedError } from './errors.ts';
import { GraphCollector } from './values.ts';
import type { ResultGraph } from '../../model/api.ts';

export interface ReadQueryOptions {
  database?: string;
  /** Server-side transaction timeout. */
  timeoutMs: number;
  /** Rows beyond this are not fetched; the result says it was truncated. */
  maxRows: number;
  /** Where the query came from, recorded in the transaction metadata (visible in SHOW TRANSACTIONS). */
  origin?: string;
}

export const DEFAULT_QUERY_OPTIONS: ReadQueryOptions = { timeoutMs: 10_000, maxRows: 1_000 };

export interface ReadQueryResult {
  columns: string[];
  /** Rows as plain JSON values, one object per record keyed by column. */
  rows: Record<string, unknown>[];
  graph: ResultGraph;
  truncated: boolean;
  timeMs: number;
}

const LEADING = /^\s*(?:(?:\/\/[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)\s*)*/;

/** The text to EXPLAIN: the query itself when it already is an EXPLAIN, without PROFILE when it profiles. */
export function explainText(query: string): string {
  const body = query.replace(LEADING, '');
  if (/^EXPLAIN\b/i.test(body)) return query;
  if (/^PROFILE\b/i.test(body)) return `EXPLAIN ${body.replace(/^PROFILE\b/i, '')}`;
  return `EXPLAIN ${query}`;
}

interface PlanNode {
  operatorType: string;
  children?: PlanNode[];
}

function operators(plan: PlanNode | false | undefined): string[] {
  if (!plan) return [];
  return [plan.operatorType.split('@')[0]!, ...(plan.children ?? []).flatMap((c) => operators(c))];
}

/** Why a plan is refused, or undefined when it is a plain read. */
export function refusal(queryType: string | undefined, ops: string[]): string | undefined {
  if (ops.includes('LoadCSV')) return 'LOAD CSV reads files or URLs from the database server and is not allowed here';
  if (ops.includes('TransactionApply') || ops.includes('TransactionForeach')) return 'CALL { ... } IN TRANSACTIONS is not allowed here';
  if (queryType !== undefined && queryType !== 'r') {
    return queryType === 's' ? 'queries run read-only here, and this one changes the schema' : 'queries run read-only here, and this one tries to write';
  }
  return undefined;
}

export async function runReadQuery(driver: Driver, query: string, params: Record<string, unknown>, options: ReadQueryOptions): Promise<ReadQueryResult> {
  const t0 = performance.now();
  const session = driver.session({ database: options.database, defaultAccessMode: 'READ' });
  const collector = new GraphCollector();
  try {
    const txConfig = { timeout: options.timeoutMs, metadata: { app: 'papergraph', origin: options.origin ?? 'user-typed' } };
    const work = async (tx: ManagedTransaction, check: boolean) => {
      if (check) await checkPlan(tx, query, params);
      const rows: Record<string, unknown>[] = [];
      let truncated = false;
      const result = tx.run(query, params);
      const columns = [...(await result.keys())];
      for await (const record of result) {
        if (rows.length >= options.maxRows) {
          truncated = true;
          break; // leaving the loop discards the rest of the stream on the server
        }
        rows.push(Object.fromEntries(columns.map((c) => [c, collector.toJson(record.get(c))])));
      }
      return { columns, rows, truncated };
    };
    // The plan check and the query share one transaction (one round trip less per query). When the
    // EXPLAIN itself fails, the query runs unchecked in a fresh read transaction only to report the
    // error with positions that match the user's text: it fails the same way, and a read transaction
    // could not write anyway.
    const run = session.executeRead((tx) => work(tx, true), txConfig).catch((err: unknown) => {
      if (!(err instanceof ExplainFailed)) throw err;
      return session.executeRead((tx) => work(tx, false), txConfig);
    });
    const { columns, rows, truncated } = await withDeadline(run, options.timeoutMs + 5_000);
    return { columns, rows, graph: collector.graph(), truncated, timeMs: performance.now() - t0 };
  } finally {
    await session.close();
  }
}

class ExplainFailed extends Error {}

async function checkPlan(tx: ManagedTransaction, query: string, params: Record<string, unknown>): Promise<void> {
  let summary;
  try {
    summary = (await tx.run(explainText(query), params)).summary;
  } catch (err) {
    throw new ExplainFailed(err instanceof Error ? err.message : String(err));
  }
  const why = refusal(summary.queryType, operators(summary.plan as PlanNode | false));
  if (why) throw new WriteRefusedError(why);
}

async function withDeadline<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ClientTimeoutError(`no answer from Neo4j within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
