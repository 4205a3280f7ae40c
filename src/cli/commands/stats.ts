import { openSnapshotFile } from '../../store/snapshot-stream.ts';
import { SnapshotError } from '../../store/snapshot.ts';
import { summariseTotals, type SnapshotTotals } from '../summary.ts';
import { type Command, EXIT, UsageError } from '../io.ts';

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

export const command: Command = {
  name: 'stats',
  summary: 'print the summary of an existing snapshot',
  usage: 'Usage: papergraph stats <dir>\n\nPrints papers, skipped records, entities by kind, links by type and clusters of <dir>/graph.json.\nThe snapshot is counted as it streams past, so its size does not matter.',
  async run(args, io) {
    const [dir] = args;
    if (!dir || args.length > 1) throw new UsageError('expected exactly one snapshot folder (or graph.json file)');
    const totals: SnapshotTotals = { kinds: new Map(), types: new Map(), attributes: {} };
    try {
      const source = await openSnapshotFile(dir);
      await source.read({
        header: (h) => void (totals.attributes = h.attributes),
        nodes: (batch) => batch.forEach((n) => bump(totals.kinds, String(n.attributes?.kind))),
        edges: (batch) => batch.forEach((e) => bump(totals.types, String(e.attributes?.type))),
      });
      io.stdout.write(summariseTotals(totals, { snapshot: source.name }));
    } catch (err) {
      if (err instanceof SnapshotError) throw new UsageError(err.message);
      throw err;
    }
    return EXIT.ok;
  },
};
