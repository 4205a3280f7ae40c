import { SnapshotError } from '../../store/snapshot.ts';
import { writeMap } from '../../store/map/write-map.ts';
import { parseCommandArgs, wholeNumberFlag } from '../args.ts';
import { type Command, EXIT, UsageError } from '../io.ts';

const USAGE = `Usage: papergraph map <dir> [options]

Builds the level-of-detail map of <dir>/graph.json into <dir>/map/: clusters inside clusters
(field, area, topic and deeper, until a leaf holds at most --leaf-papers papers), one small file
per cluster, the search list and the adoption of each dataset and benchmark. \`papergraph ingest\` runs this after writing graph.json.

Options:
  --seed <n>          seed for the sub-clusters and their layout (default 42)
  --leaf-papers <n>   a cluster of at most n papers is not split further (default 80)`;

export const command: Command = {
  name: 'map',
  summary: 'build the level-of-detail map of a snapshot',
  usage: USAGE,
  async run(args, io) {
    const { positionals, values: flags } = parseCommandArgs(args, {
      seed: { type: 'string' },
      'leaf-papers': { type: 'string' },
    });
    if (positionals.length !== 1) throw new UsageError('expected exactly one snapshot folder');
    const seed = wholeNumberFlag(flags.seed, 'seed', Number.MIN_SAFE_INTEGER) ?? 42;
    const leafPapers = wholeNumberFlag(flags['leaf-papers'], 'leaf-papers') ?? 80;
    try {
      const s = await writeMap(positionals[0]!, { seed, leafPapers });
      io.stdout.write(`map         ${s.dir}\nfields      ${s.fields}\nclusters    ${s.clusters} (${s.leaves} leaves, ${s.levels} levels)\n${s.oversized.length ? `oversized   ${s.oversized.length} leaves hold more than ${leafPapers} papers: no split was found for them\n` : ''}papers      ${s.papers}\ntime        ${(s.durationMs / 1000).toFixed(1)} s\n`);
    } catch (err) {
      if (err instanceof SnapshotError) throw new UsageError(err.message);
      throw err;
    }
    return EXIT.ok;
  },
};
