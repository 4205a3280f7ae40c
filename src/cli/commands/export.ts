/** `papergraph export --format neo4j-admin --out <dir> [snapshot]`: CSV files for `neo4j-admin database import full`. */
import { openSnapshotFile } from '../../store/snapshot-stream.ts';
import { SnapshotError } from '../../store/snapshot.ts';
import { resolve } from 'node:path';
import { type CliIO, type Command, EXIT, UsageError } from '../io.ts';
import { parseCommandArgs } from '../args.ts';
import { writeAdminImportFiles } from '../../store/neo4j/admin-csv.ts';
import { SnapshotError as RowsError } from '../../model/load-rows.ts';

export const command: Command = {
  name: 'export',
  summary: 'export a snapshot (neo4j-admin CSV)',
  usage: [
    'Usage: papergraph export <snapshot dir or graph.json> --format neo4j-admin --out <dir>',
    '',
    'Writes one CSV file (with a separate header file) per node label and per relationship type, and',
    '<dir>/import-command.txt with the `neo4j-admin database import full` command that loads them into a',
    'stopped Neo4j; after the import, start it and run `papergraph load` once to add the schema.',
  ].join('\n'),
  async run(args: string[], io: CliIO): Promise<number> {
    const { positionals, values: flags } = parseCommandArgs(args, { format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' } });
    if (flags.format !== 'neo4j-admin') throw new UsageError(`--format must be neo4j-admin, got ${flags.format === undefined ? 'nothing' : `"${String(flags.format)}"`}`);
    if (flags.out === undefined) throw new UsageError('--out <dir> is required');
    if (positionals.length !== 1) throw new UsageError('expected one snapshot folder (or graph.json file)');
    try {
      // Streamed: the snapshot is read twice (types of the columns, then the rows), never held whole.
      const files = await writeAdminImportFiles(await openSnapshotFile(resolve(io.cwd, positionals[0]!)), resolve(io.cwd, flags.out));
      const nodes = files.nodes.reduce((n, f) => n + f.rows, 0);
      const rels = files.relationships.reduce((n, f) => n + f.rows, 0);
      io.stdout.write(`Wrote ${files.nodes.length + files.relationships.length} CSV files (${nodes} nodes, ${rels} relationships) to ${files.dir}\n`);
      io.stdout.write(`Import into a stopped Neo4j with the command in ${files.dir}/import-command.txt\n`);
      return EXIT.ok;
    } catch (err) {
      if (err instanceof RowsError) throw new UsageError(`${positionals[0]}: ${err.message}`);
      if (err instanceof SnapshotError) throw new UsageError(err.message);
      throw err;
    }
  },
};
