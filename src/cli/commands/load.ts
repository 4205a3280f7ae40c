/** `papergraph load <dir>`: writes an existing snapshot (<dir>/graph.json) into Neo4j. */
import { readSnapshotArg } from '../snapshot-arg.ts';
import { type CliIO, type Command, EXIT, UsageError } from '../io.ts';
import { parseArgs } from '../args.ts';
import { createProgress } from '../progress.ts';
import { resolveNeo4jConfig } from '../../store/neo4j/config.ts';
import { withDriver } from '../../store/neo4j/driver.ts';
import { classifyNeo4jError } from '../../store/neo4j/errors.ts';
import { DEFAULT_BATCH_SIZE, loadSnapshotIntoNeo4j, type LoadSummary } from '../../store/neo4j/load.ts';
import { SnapshotError as RowsError } from '../../store/neo4j/rows.ts';
import type { Snapshot } from '../../store/neo4j/snapshot.ts';

export const command: Command = {
  name: 'load',
  summary: 'load a snapshot into Neo4j',
  usage: [
    'Usage: papergraph load <dir or graph.json> [--batch-size n] [--quiet]',
    '',
    'Applies the schema (graph/schema/*.cypher), then MERGEs every node and relationship in batches of',
    `--batch-size rows (default ${DEFAULT_BATCH_SIZE}), one write transaction each. Loading the same snapshot again changes`,
    'nothing; a changed snapshot updates its papers and removes their links that are gone.',
    'Connection: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE (default: the bundled server).',
  ].join('\n'),
  async run(args: string[], io: CliIO): Promise<number> {
    const { positionals, flags } = parseArgs(args, { 'batch-size': { type: 'string' }, quiet: { type: 'boolean', alias: 'q' } });
    if (positionals.length !== 1) throw new UsageError('expected one snapshot folder (or graph.json file)');
    const batchSize = flags['batch-size'] === undefined ? DEFAULT_BATCH_SIZE : Number(flags['batch-size']);
    if (!Number.isInteger(batchSize) || batchSize <= 0) throw new UsageError(`--batch-size expects a positive whole number, got "${String(flags['batch-size'])}"`);
    const snapshot = (await readSnapshotArg(positionals[0]!)).export() as Snapshot;
    return loadIntoNeo4jFromCli(snapshot, io, { batchSize, quiet: !!flags.quiet, source: positionals[0]! });
  },
};

/**
 * The load with the CLI's progress bar, summary and one-line errors; `papergraph ingest --neo4j`
 * calls it with the graph it just built. Returns the exit code.
 */
export async function loadIntoNeo4jFromCli(snapshot: Snapshot, io: CliIO, opts: { batchSize?: number; quiet?: boolean; source?: string } = {}): Promise<number> {
  let config;
  try {
    config = resolveNeo4jConfig(io.env);
  } catch (err) {
    io.stderr.write(`papergraph load: ${(err as Error).message}\n`);
    return EXIT.usage;
  }
  const progress = createProgress(opts.quiet ? ({ write: () => true } as unknown as NodeJS.WritableStream) : io.stderr);
  try {
    const summary = await withDriver(config, (driver) =>
      loadSnapshotIntoNeo4j(snapshot, { driver, database: config.database, batchSize: opts.batchSize, onProgress: (p) => progress.update(p.phase, p.done, p.total, p.unit) }),
    );
    progress.done();
    io.stdout.write(describeLoad(summary, config.uri));
    return EXIT.ok;
  } catch (err) {
    progress.done();
    if (err instanceof RowsError) {
      io.stderr.write(`papergraph load: ${opts.source ?? 'snapshot'}: ${err.message}\n`);
      return EXIT.usage;
    }
    io.stderr.write(`papergraph load: ${classifyNeo4jError(err, config).message}\n`);
    return EXIT.service;
  }
}

/** The load's summary for people: what is there, what changed, how fast. */
export function describeLoad(s: LoadSummary, uri: string): string {
  const c = s.counters;
  const changed = c.nodesCreated + c.nodesDeleted + c.relationshipsCreated + c.relationshipsDeleted + c.propertiesSet;
  return [
    `Loaded into ${uri}: ${s.nodes.toLocaleString('en-US')} nodes, ${s.relationships.toLocaleString('en-US')} relationships`,
    `  ${Object.entries(s.expected.labels).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `  ${Object.entries(s.expected.types).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    changed === 0
      ? '  no changes: Neo4j already held this snapshot'
      : `  changes: ${c.nodesCreated} nodes created, ${c.nodesDeleted} deleted, ${c.relationshipsCreated} relationships created, ${c.relationshipsDeleted} deleted, ${c.propertiesSet} properties set`,
    `  schema: ${s.schema.statements} statements, ${s.schema.changes} new; ${s.rows.toLocaleString('en-US')} rows in ${s.batches} batches, ${Math.round(s.rowsPerSecond).toLocaleString('en-US')} rows/s, ${(s.ms / 1000).toFixed(1)} s in all`,
    '',
  ].join('\n');
}
