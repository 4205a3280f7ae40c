import { snapshotPath } from '../../store/snapshot.ts';
import { readSnapshotArg } from '../snapshot-arg.ts';
import { summarise } from '../summary.ts';
import { type Command, EXIT, UsageError } from '../io.ts';

export const command: Command = {
  name: 'stats',
  summary: 'print the summary of an existing snapshot',
  usage: 'Usage: papergraph stats <dir>\n\nPrints papers, skipped records, entities by kind, links by type and clusters of <dir>/graph.json.',
  async run(args, io) {
    const [dir] = args;
    if (!dir || args.length > 1) throw new UsageError('expected exactly one snapshot folder (or graph.json file)');
    io.stdout.write(summarise(await readSnapshotArg(dir), { snapshot: snapshotPath(dir) }));
    return EXIT.ok;
  },
};
