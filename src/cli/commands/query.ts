/**
 * `papergraph query "<cypher>"`: a read-only Cypher query against Neo4j, or with --snapshot against
 * the built-in engine over a snapshot (no database), printed as a table, JSON or CSV.
 */
import { type CliIO, type Command, EXIT, UsageError } from '../io.ts';
import { choiceFlag, parseCommandArgs, wholeNumberFlag } from '../args.ts';
import { resolveNeo4jConfig } from '../../store/neo4j/config.ts';
import { withDriver } from '../../store/neo4j/driver.ts';
import { classifyNeo4jError } from '../../store/neo4j/errors.ts';
import { DEFAULT_QUERY_OPTIONS, runReadQuery } from '../../store/neo4j/query.ts';
import { RESULT_FORMATS, formatResult, type ResultFormat } from '../../store/neo4j/result-format.ts';
import { paramsFromJson, runQuery } from '../../cypher/engine.ts';
import { CypherError } from '../../cypher/errors.ts';
import { readSnapshotGraphArg } from '../snapshot-arg.ts';

export const command: Command = {
  name: 'query',
  summary: 'run a read-only Cypher query against Neo4j, or against a snapshot with --snapshot',
  usage: [
    'Usage: papergraph query "<cypher>" [--snapshot <dir>] [--param name=value ...] [--format table|json|csv] [--timeout ms] [--max-rows n]',
    '',
    'Runs the query in a read transaction: a query that writes is refused and changes nothing.',
    'With --snapshot, the built-in openCypher engine answers from the snapshot file, with no Neo4j; it sees',
    'the same labels, relationship types and properties as `papergraph load` writes to Neo4j.',
    'A --param value is parsed as JSON when it is valid JSON (42, true, null, ["a"], "quoted"), else taken as a string.',
    `Defaults: --format table, --timeout ${DEFAULT_QUERY_OPTIONS.timeoutMs}, --max-rows ${DEFAULT_QUERY_OPTIONS.maxRows}.`,
    'Connection: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE (default: the bundled server, `npm run neo4j:start`).',
  ].join('\n'),
  async run(args: string[], io: CliIO): Promise<number> {
    const { positionals, values: flags } = parseCommandArgs(args, {
      param: { type: 'string', multiple: true, short: 'p' },
      format: { type: 'string', short: 'f' },
      timeout: { type: 'string' },
      'max-rows': { type: 'string' },
      snapshot: { type: 'string', short: 's' },
    });
    if (positionals.length !== 1) throw new UsageError('expected one Cypher query in quotes');
    const format = choiceFlag(flags.format, 'format', RESULT_FORMATS) ?? 'table';
    const params = parseParams(flags.param ?? []);
    const timeoutMs = wholeNumberFlag(flags.timeout, 'timeout') ?? DEFAULT_QUERY_OPTIONS.timeoutMs;
    const maxRows = wholeNumberFlag(flags['max-rows'], 'max-rows') ?? DEFAULT_QUERY_OPTIONS.maxRows;
    if (flags.snapshot !== undefined) return runOnSnapshot(flags.snapshot, positionals[0]!, params, format, { timeoutMs, maxRows }, io);
    let config;
    try {
      config = resolveNeo4jConfig(io.env);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    try {
      const result = await withDriver(config, (driver) =>
        runReadQuery(driver, positionals[0]!, params, { database: config.database, timeoutMs, maxRows, origin: 'papergraph query' }),
      );
      printResult(result, format, maxRows, io);
      return EXIT.ok;
    } catch (err) {
      const failure = classifyNeo4jError(err, config);
      io.stderr.write(`papergraph query: ${failure.message}\n`);
      const userError = ['syntax', 'write-refused', 'invalid-query', 'timeout'].includes(failure.kind);
      return userError ? EXIT.usage : EXIT.service;
    }
  },
};

function printResult(result: { columns: string[]; rows: Record<string, unknown>[]; truncated: boolean; timeMs: number }, format: ResultFormat, maxRows: number, io: CliIO): void {
  io.stdout.write(formatResult(format, result.columns, result.rows, io.stdout.columns ?? 120));
  const note = `${result.rows.length} row${result.rows.length === 1 ? '' : 's'}${result.truncated ? ` (cut at --max-rows ${maxRows})` : ''} in ${Math.round(result.timeMs)} ms\n`;
  // Tables are for people: the count goes with them. JSON and CSV stay clean for pipes.
  (format === 'table' ? io.stdout : io.stderr).write(note);
}

async function runOnSnapshot(dir: string, query: string, params: Record<string, unknown>, format: ResultFormat, limits: { timeoutMs: number; maxRows: number }, io: CliIO): Promise<number> {
  const graph = await readSnapshotGraphArg(dir);
  try {
    printResult(runQuery(graph, query, paramsFromJson(params), limits), format, limits.maxRows, io);
    return EXIT.ok;
  } catch (err) {
    if (!(err instanceof CypherError)) throw err;
    io.stderr.write(`papergraph query: ${err.message}\n`);
    return EXIT.usage;
  }
}

/** `name=value` -> {name: JSON value or string}. */
export function parseParams(list: string[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const item of list) {
    const eq = item.indexOf('=');
    const name = eq > 0 ? item.slice(0, eq) : '';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new UsageError(`--param expects name=value with a Cypher parameter name, got "${item}"`);
    const raw = item.slice(eq + 1);
    try {
      params[name] = JSON.parse(raw);
    } catch {
      params[name] = raw;
    }
  }
  return params;
}

