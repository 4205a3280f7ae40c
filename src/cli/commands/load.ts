import { join } from 'node:path';
/** `papergraph load <dir>`: writes an existing snapshot (<dir>/graph.json) into Neo4j. */
import { type CliIO, type Command, EXIT, UsageError } from '../io.ts';
import { choiceFlag, parseCommandArgs, wholeNumberFlag } from '../args.ts';
import { createProgress } from '../progress.ts';
import { openSnapshotFile, snapshotOfGraph, type SnapshotSource } from '../../store/snapshot-stream.ts';
import type { PaperGraph } from '../../assemble/graph.ts';
import { SnapshotError } from '../../store/snapshot.ts';
import { loadWithNeo4jAdmin } from '../../store/neo4j/admin-load.ts';
import { resolveNeo4jConfig } from '../../store/neo4j/config.ts';
import { withDriver } from '../../store/neo4j/driver.ts';
import { loadHierarchy } from '../../store/neo4j/load-hierarchy.ts';
import { classifyNeo4jError } from '../../store/neo4j/errors.ts';
import { DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY, loadSnapshotIntoNeo4j, type LoadSummary } from '../../store/neo4j/load.ts';
import { LoadPathError, choosePath, type LoadVia } from '../../store/neo4j/load-path.ts';
import { SnapshotError as RowsError } from '../../model/load-rows.ts';
import type { Snapshot } from '../../model/snapshot.ts';

export const command: Command = {
  name: 'load',
  summary: 'load a snapshot into Neo4j',
  usage: [
    'Usage: papergraph load <dir or graph.json> [--via auto|bolt|admin] [--batch-size n] [--concurrency n] [--quiet]',
    '',
    'Into the bundled server (papergraph neo4j start) while its database is empty, --via auto (the default)',
    'stops it, imports the snapshot with neo4j-admin database import (the fastest path), starts it again and',
    'applies the schema. Otherwise it applies the schema (graph/schema/*.cypher) and MERGEs every node and',
    `relationship over Bolt in batches of --batch-size rows (default ${DEFAULT_BATCH_SIZE}), --concurrency write transactions`,
    `at a time (default ${DEFAULT_CONCURRENCY}). Loading the same snapshot again changes nothing; a load that was killed`,
    'resumes when run again; a changed snapshot updates its papers and removes their links that are gone.',
    'Connection: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE (default: the bundled server).',
  ].join('\n'),
  async run(args: string[], io: CliIO): Promise<number> {
    const { positionals, values: flags } = parseCommandArgs(args, {
      'batch-size': { type: 'string' },
      concurrency: { type: 'string' },
      via: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
    });
    if (positionals.length !== 1) throw new UsageError('expected one snapshot folder (or graph.json file)');
    const batchSize = wholeNumberFlag(flags['batch-size'], 'batch-size') ?? DEFAULT_BATCH_SIZE;
    const concurrency = wholeNumberFlag(flags.concurrency, 'concurrency') ?? DEFAULT_CONCURRENCY;
    const via = choiceFlag(flags.via, 'via', ['auto', 'bolt', 'admin']) ?? 'auto';
    let source: SnapshotSource;
    try {
      source = await openSnapshotFile(positionals[0]!);
    } catch (err) {
      if (err instanceof SnapshotError) throw new UsageError(err.message);
      throw err;
    }
    return loadIntoNeo4jFromCli(source, io, { batchSize, concurrency, via, quiet: !!flags.quiet, source: positionals[0]!, mapDir: join(positionals[0]!, 'map') });
  },
};

/** `papergraph ingest --neo4j`'s load stage: the graph it just built, read in place (no export). */
export function loadGraphFromCli(graph: PaperGraph, io: CliIO, mapDir?: string): Promise<number> {
  return loadIntoNeo4jFromCli(snapshotOfGraph(graph), io, mapDir ? { mapDir } : {});
}

/**
 * The load with the CLI's progress bar, summary and one-line errors; `papergraph ingest --neo4j`
 * calls it with the graph it just built. Returns the exit code.
 */
export async function loadIntoNeo4jFromCli(
  snapshot: Snapshot | SnapshotSource,
  io: CliIO,
  opts: { batchSize?: number; concurrency?: number; via?: LoadVia; quiet?: boolean; source?: string; mapDir?: string } = {},
): Promise<number> {
  const code = await loadSnapshotFromCli(snapshot, io, opts);
  return code === EXIT.ok && opts.mapDir ? loadMapLevels(opts.mapDir, io) : code;
}

/** The map's areas and topics (map/clusters.json), when the snapshot has a map. */
async function loadMapLevels(mapDir: string, io: CliIO): Promise<number> {
  const config = resolveNeo4jConfig(io.env);
  try {
    const done = await withDriver(config, (driver) => loadHierarchy(driver, config.database, mapDir));
    if (done) io.stdout.write(`Map levels: ${done.clusters.toLocaleString('en-US')} areas and topics, ${done.memberships.toLocaleString('en-US')} memberships (Cluster, PARENT, CONTAINS)\n`);
    return EXIT.ok;
  } catch (err) {
    io.stderr.write(`papergraph load: map levels: ${classifyNeo4jError(err, config).message}\n`);
    return EXIT.service;
  }
}

async function loadSnapshotFromCli(
  snapshot: Snapshot | SnapshotSource,
  io: CliIO,
  opts: { batchSize?: number; concurrency?: number; via?: LoadVia; quiet?: boolean; source?: string },
): Promise<number> {
  let config;
  try {
    config = resolveNeo4jConfig(io.env);
  } catch (err) {
    io.stderr.write(`papergraph load: ${(err as Error).message}\n`);
    return EXIT.usage;
  }
  const progress = createProgress(opts.quiet ? ({ write: () => true } as unknown as NodeJS.WritableStream) : io.stderr);
  try {
    const path = 'read' in snapshot ? await choosePath(config, io.env, opts.via ?? 'auto') : { via: 'bolt' as const };
    if (path.via === 'admin') {
      const s = await loadWithNeo4jAdmin(path.spec, snapshot as SnapshotSource, (phase) => progress.update(`admin ${phase}`, 0, 1));
      progress.done();
      io.stdout.write(
        `Loaded into ${config.uri} with neo4j-admin import (${path.reason}): ${s.nodes.toLocaleString('en-US')} nodes, ${s.relationships.toLocaleString('en-US')} relationships\n` +
          `  CSV ${(s.exportMs / 1000).toFixed(1)} s, import ${(s.importMs / 1000).toFixed(1)} s, server stop/start and schema (${s.schema.statements} statements) ${(s.serverMs / 1000).toFixed(1)} s; ${(s.ms / 1000).toFixed(1)} s in all\n`,
      );
      return EXIT.ok;
    }
    const summary = await withDriver(config, (driver) =>
      loadSnapshotIntoNeo4j(snapshot, { driver, database: config.database, batchSize: opts.batchSize, concurrency: opts.concurrency, onProgress: (p) => progress.update(p.phase, p.done, p.total, p.unit) }),
      // Concurrent batches that touch the same entity can deadlock; Neo4j says so and the batch is retried.
      { maxTransactionRetryTime: 30_000 },
    );
    progress.done();
    io.stdout.write(describeLoad(summary, config.uri));
    return EXIT.ok;
  } catch (err) {
    progress.done();
    if (err instanceof LoadPathError) {
      io.stderr.write(`papergraph load: ${err.message}\n`);
      return EXIT.usage;
    }
    if (err instanceof RowsError || err instanceof SnapshotError) {
      io.stderr.write(`papergraph load: ${err instanceof RowsError ? `${opts.source ?? 'snapshot'}: ` : ''}${err.message}\n`);
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
    `  schema: ${s.schema.statements} statements, ${s.schema.changes} new; ${s.rows.toLocaleString('en-US')} rows in ${s.batches} batches, ${s.concurrency} at a time, ${Math.round(s.rowsPerSecond).toLocaleString('en-US')} rows/s, ${(s.ms / 1000).toFixed(1)} s in all`,
    '',
  ].join('\n');
}
