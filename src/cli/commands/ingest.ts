import { relative } from 'node:path';
import { Writable } from 'node:stream';
import { formatDiagnostic } from '../../model/paper.ts';
import { ingest, type IngestResult, type Phase } from '../../pipeline.ts';
import { FORMAT_NAMES } from '../../readers/registry.ts';
import { snapshotPath } from '../../store/snapshot.ts';
import type { PaperGraph } from '../../assemble/graph.ts';
import { parseArgs } from '../args.ts';
import { type CliIO, type Command, EXIT, UsageError } from '../io.ts';
import { createProgress } from '../progress.ts';
import { summarise } from '../summary.ts';

const USAGE = `Usage: papergraph ingest <file or folder>... --out <dir> [options]

Reads every input, extracts datasets, benchmarks, tasks and concepts, links the papers through
them, clusters and lays out the graph, and writes <dir>/graph.json.

Options:
  --out <dir>         where to write graph.json (required)
  --format <name>     read every input as this format (default: recognised from content)
                      one of: ${FORMAT_NAMES.join(', ')}
  --map <a=b,...>     field mapping for CSV and JSON Lines, e.g. title=Title,abstract=Abstract
  --seed <n>          seed for clustering and layout (default 42)
  --neo4j             also load the graph into Neo4j (NEO4J_URI, or the bundled local server)
  --quiet             no progress output

Exit codes: 0 all read, 1 some inputs or records were skipped (listed), 2 nothing usable or bad
arguments, 3 Neo4j could not be reached.`;

function parseMap(spec: string | undefined): Record<string, string> | undefined {
  if (!spec) return undefined;
  const out: Record<string, string> = {};
  for (const pair of spec.split(',')) {
    const [k, v] = pair.split('=');
    if (!k || !v) throw new UsageError(`--map expects field=column pairs separated by commas, got "${pair}"`);
    out[k.trim()] = v.trim();
  }
  return out;
}

export interface IngestCliOptions {
  format?: string;
  map?: Record<string, string>;
  seed?: number;
  quiet?: boolean;
  /** The load stage, when the user asked for one (ingest --neo4j). */
  load?(graph: PaperGraph): Promise<number>;
}

/** The pipeline with the CLI's progress bar and diagnostics; for `ingest` and `demo`. */
export async function runIngest(inputs: string[], out: string, io: CliIO, opts: IngestCliOptions = {}): Promise<IngestResult> {
  const progress = createProgress(opts.quiet ? new Writable({ write: (_chunk, _enc, done) => done() }) : io.stderr);
  const labels: Record<Phase, string> = { read: 'reading', extract: 'extracting', resolve: 'resolving', analyze: 'clustering' };
  const result = await ingest(inputs, out, {
    read: {
      ...(opts.format ? { format: opts.format } : {}),
      ...(opts.map ? { map: opts.map } : {}),
      onProgress: (done, total) => progress.update('reading', done, total, 'bytes'),
    },
    onRead: ({ diagnostics }) => {
      progress.done();
      for (const d of diagnostics) io.stderr.write(`${d.severity === 'error' ? 'skipped' : 'warning'}: ${formatDiagnostic(d)}\n`);
    },
    inputNames: inputs.map((p) => relative(io.cwd, p) || p),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    onProgress: (phase, done, total) => progress.update(labels[phase], done, total),
    ...(opts.load
      ? {
          load: (graph: PaperGraph) => {
            // The summary of what was built comes first, then the load's own.
            progress.done();
            io.stdout.write(summarise(graph, { snapshot: snapshotPath(out) }));
            return opts.load!(graph);
          },
        }
      : {}),
  });
  progress.done();
  if (!opts.load) io.stdout.write(summarise(result.graph, { snapshot: result.file }));
  return result;
}

export const command: Command = {
  name: 'ingest',
  summary: 'read papers, extract entities, write the graph snapshot',
  usage: USAGE,
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs(args, { out: { type: 'string', alias: 'o' }, format: { type: 'string' }, map: { type: 'string' }, seed: { type: 'string' }, neo4j: { type: 'boolean' }, quiet: { type: 'boolean', alias: 'q' } });
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    const { positionals: inputs, flags } = parsed;
    if (inputs.length === 0) throw new UsageError('no inputs; give one or more files or folders');
    const out = flags.out as string | undefined;
    if (!out) throw new UsageError('--out <dir> is required: the folder to write graph.json into');
    const format = flags.format as string | undefined;
    if (format && !FORMAT_NAMES.includes(format)) throw new UsageError(`unknown --format "${format}"; expected one of ${FORMAT_NAMES.join(', ')}`);
    const seed = flags.seed === undefined ? undefined : Number(flags.seed);
    if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError(`--seed expects an integer, got "${String(flags.seed)}"`);

    const { loadGraphFromCli } = flags.neo4j ? await import('./load.ts') : { loadGraphFromCli: undefined };
    const { graph, diagnostics, loaded } = await runIngest(inputs, out, io, {
      ...(format ? { format } : {}),
      ...(flags.map ? { map: parseMap(flags.map as string)! } : {}),
      ...(seed !== undefined ? { seed } : {}),
      quiet: !!flags.quiet,
      ...(loadGraphFromCli ? { load: (g: PaperGraph) => loadGraphFromCli(g, io) } : {}),
    });
    if (loaded !== undefined && loaded !== EXIT.ok) return loaded;
    const papers = graph.filterNodes((_, a) => a.kind === 'Paper').length;
    if (papers === 0) {
      io.stderr.write('papergraph ingest: no papers could be read from the inputs\n');
      return EXIT.usage;
    }
    return diagnostics.some((d) => d.severity === 'error') ? EXIT.skipped : EXIT.ok;
  },
};
