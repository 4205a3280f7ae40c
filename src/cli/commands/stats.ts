import { readSnapshot, snapshotPath, SnapshotError } from '../../store/snapshot.ts';
import { summarise } from '../summary.ts';
import { type Command, EXIT, UsageError } from '../io.ts';

export const command: Command = {
  name: 'stats',
  summary: 'print the summary of an existing snapshot',
  usage: 'Usage: papergraph stats <dir>\n\nPrints papers, skipped records, entities by kind, links by type and clusters of <dir>/graph.json.',
  async run(args, io) {
    const [dir] = args;
    if (!dir || args.length > 1) throw new UsageError('expected exactly one snapshot folder (or graph.json file)');
    try {
      io.stdout.write(summarise(await readSnapshot(dir), { snapshot: snapshotPath(dir) }));
      return EXIT.ok;
    } catch (err) {
      if (err instanceof SnapshotError) throw new UsageError(err.message);
      throw err;
    }
  },
};
