import { relative } from 'node:path';
import { Writable } from 'node:stream';
import { formatDiagnostic, type Diagnostic } from '../../model/paper.ts';
import { buildKnowledgeGraph, readRecords, type Phase } from '../../pipeline.ts';
import { FORMAT_NAMES } from '../../readers/registry.ts';
import { writeSnapshot } from '../../store/snapshot.ts';
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

export interface IngestRun {
  graph: PaperGraph;
  diagnostics: Diagnostic[];
  file: string;
}

/** The whole ingest, for the CLI and for `demo`: read, build, write, report. */
export async function runIngest(inputs: string[], out: string, io: CliIO, opts: { format?: string; map?: Record<string, string>; seed?: number; quiet?: boolean } = {}): Promise<IngestRun> {
  const started = performance.now();
  const progress = createProgress(opts.quiet ? new Writable({ write: (_chunk, _enc, done) => done() }) : io.stderr);
  const { records, diagnostics } = await readRecords(inputs, {
    ...(opts.format ? { format: opts.format } : {}),
    ...(opts.map ? { map: opts.map } : {}),
    onProgress: (done, total) => progress.update('reading', done, total, 'bytes'),
  });
  progress.done();
  for (const d of diagnostics) io.stderr.write(`${d.severity === 'error' ? 'skipped' : 'warning'}: ${formatDiagnostic(d)}\n`);
  const labels: Record<Phase, string> = { read: 'reading', extract: 'extracting', resolve: 'resolving', analyze: 'clustering' };
  const graph = buildKnowledgeGraph(records, { ...(opts.seed !== undefined ? { seed: opts.seed } : {}), onProgress: (phase, done, total) => progress.update(labels[phase], done, total) });
  progress.done();
  graph.setAttribute('ingest', {
    inputs: inputs.map((p) => relative(io.cwd, p) || p),
    papersRead: records.length,
    skipped: diagnostics.filter((d) => d.severity === 'error').map((d) => ({ where: `${d.file}${d.line !== undefined ? `:${d.line}` : ''}`, reason: d.message })),
    durationMs: Math.round(performance.now() - started),
  });
  const file = await writeSnapshot(out, graph);
  return { graph, diagnostics, file };
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

    const { graph, diagnostics, file } = await runIngest(inputs, out, io, {
      ...(format ? { format } : {}),
      ...(flags.map ? { map: parseMap(flags.map as string)! } : {}),
      ...(seed !== undefined ? { seed } : {}),
      quiet: !!flags.quiet,
    });
    io.stdout.write(summarise(graph, { snapshot: file }));
    if (flags.neo4j) {
      const { loadIntoNeo4jFromCli } = await import('./load.ts');
      const code = await loadIntoNeo4jFromCli(graph.export(), io);
      if (code !== EXIT.ok) return code;
    }
    const papers = graph.filterNodes((_, a) => a.kind === 'Paper').length;
    if (papers === 0) {
      io.stderr.write('papergraph ingest: no papers could be read from the inputs\n');
      return EXIT.usage;
    }
    return diagnostics.some((d) => d.severity === 'error') ? EXIT.skipped : EXIT.ok;
  },
};
