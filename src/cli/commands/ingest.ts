import { join, relative } from 'node:path';
import { Writable } from 'node:stream';
import { formatDiagnostic } from '../../model/paper.ts';
import { ingest, NothingReadError, readRecords, TooManyPapersError, type IngestResult, type Phase } from '../../pipeline.ts';
import { papersThatFit, tooLargeMessage } from '../heap-budget.ts';
import { ingestInto, type IngestIntoResult } from '../../ingest-into.ts';
import { FORMAT_NAMES } from '../../readers/registry.ts';
import { snapshotPath } from '../../store/snapshot.ts';
import type { PaperGraph } from '../../assemble/graph.ts';
import { choiceFlag, parseCommandArgs, wholeNumberFlag } from '../args.ts';
import { type CliIO, type Command, EXIT, UsageError } from '../io.ts';
import { createProgress } from '../progress.ts';
import { FETCH_FLAGS, fetchFromFlags, type FetchFlagValues } from './fetch.ts';
import { formatSummary } from '../../fetch/paging.ts';
import { summarise } from '../summary.ts';

const USAGE = `Usage: papergraph ingest <file or folder>... --out <dir> [options]

Reads every input, extracts datasets, benchmarks, tasks and concepts, links the papers through
them, clusters and lays out the graph, and writes <dir>/graph.json.

Options:
  --out <dir>         where to write graph.json (required, unless --into)
  --into <dir>        add the papers to the snapshot in <dir>: only papers it lacks are extracted,
                      existing nodes keep their ids, clusters and positions
  --format <name>     read every input as this format (default: recognised from content)
                      one of: ${FORMAT_NAMES.join(', ')}
  --map <a=b,...>     field mapping for CSV and JSON Lines, e.g. title=Title,abstract=Abstract
  --seed <n>          seed for clustering and layout (default 42)
  --library <file>    your own papers (BibTeX, or a Zotero CSV export): marked "owned" on the map;
                      may repeat
  --fetch <provider>  fetch first: the first input is then a query for openalex, arxiv or s2,
                      written to <dir>/fetched-<provider>.jsonl.gz and ingested; takes the options
                      of \`papergraph fetch\` (--max, --since, --base-url, --mailto, ...)
  --neo4j             also load the graph into Neo4j (NEO4J_URI, or the bundled local server)
  --no-map            write the snapshot only, not the level-of-detail map beside it
                      (\`papergraph map <dir>\` builds it later)
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
  /** --library files: BibTeX or Zotero CSV of the papers the user already has. */
  library?: string[];
  /** --no-map: write the snapshot only. */
  noMap?: boolean;
  /** The load stage, when the user asked for one (ingest --neo4j). */
  load?(graph: PaperGraph): Promise<number>;
  /** Add the papers to this snapshot folder instead (ingest --into). */
  into?: boolean;
}

/** The pipeline with the CLI's progress bar and diagnostics; for `ingest` and `demo`. */
export async function runIngest(inputs: string[], out: string, io: CliIO, opts: IngestCliOptions = {}): Promise<IngestResult> {
  const library = opts.library?.length ? await readLibrary(opts.library, io) : undefined;
  const progress = createProgress(opts.quiet ? new Writable({ write: (_chunk, _enc, done) => done() }) : io.stderr);
  const labels: Record<Phase, string> = { read: 'reading', extract: 'extracting', resolve: 'resolving', assemble: 'assembling', analyze: 'clustering', layout: 'layout', write: 'writing', map: 'mapping' };
  let readFraction = 0;
  const result = await (opts.into ? ingestInto : ingest)(inputs, out, {
    read: {
      ...(opts.format ? { format: opts.format } : {}),
      ...(opts.map ? { map: opts.map } : {}),
      onProgress: (done, total) => {
        readFraction = total > 0 ? done / total : 0;
        progress.update('reading', done, total, 'bytes');
      },
    },
    maxPapers: papersThatFit(),
    onRead: ({ diagnostics }) => {
      progress.done();
      for (const d of diagnostics) io.stderr.write(`${d.severity === 'error' ? 'skipped' : 'warning'}: ${formatDiagnostic(d)}\n`);
    },
    inputNames: inputs.map((p) => relative(io.cwd, p) || p),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    ...(library ? { library } : {}),
    ...(opts.noMap ? { noMap: true } : {}),
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
  }).catch((err: unknown) => {
    progress.done();
    if (err instanceof TooManyPapersError) throw new UsageError(tooLargeMessage(err.papersRead, readFraction));
    if (err instanceof NothingReadError) throw new UsageError(`${err.message}; nothing was written`);
    throw err;
  });
  progress.done();
  if (opts.into) {
    const { added, known } = result as IngestIntoResult;
    io.stdout.write(`added       ${added.toLocaleString('en-US')} new papers (${known.toLocaleString('en-US')} read were in the snapshot already); existing nodes kept their clusters and positions\n`);
  }
  if (!opts.load) io.stdout.write(summarise(result.graph, { snapshot: result.file }));
  return result;
}

/** `ingest --fetch`: the fetch command's work, into the output folder, its summary on stderr. */
async function fetchFirst(provider: string, query: string, out: string, flags: FetchFlagValues, io: CliIO): Promise<string> {
  const summary = await fetchFromFlags(provider, query, join(out, `fetched-${provider}.jsonl.gz`), flags, io);
  io.stderr.write(formatSummary(summary));
  return summary.out;
}

/** The library is read like any input; its own problems are reported but never stop the ingest. */
async function readLibrary(files: string[], io: CliIO) {
  const { records, diagnostics } = await readRecords(files);
  for (const d of diagnostics) io.stderr.write(`library ${d.severity === 'error' ? 'skipped' : 'warning'}: ${formatDiagnostic(d)}\n`);
  return { files: files.map((p) => relative(io.cwd, p) || p), records };
}

export const command: Command = {
  name: 'ingest',
  summary: 'read papers, extract entities, write the graph snapshot',
  usage: USAGE,
  async run(args, io) {
    const { positionals, values: flags } = parseCommandArgs(args, {
      out: { type: 'string', short: 'o' },
      into: { type: 'string' },
      format: { type: 'string' },
      map: { type: 'string' },
      seed: { type: 'string' },
      neo4j: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      'no-map': { type: 'boolean' },
      library: { type: 'string', multiple: true },
      fetch: { type: 'string' },
      ...FETCH_FLAGS,
    });
    const into = flags.into;
    if (into && flags.out) throw new UsageError('give either --out <dir> (a new snapshot) or --into <dir> (add to one), not both');
    if (into && (flags.neo4j || flags.library || flags.fetch)) throw new UsageError('--into takes no --neo4j, --library or --fetch: add the papers first, then run papergraph load');
    const out = into ?? flags.out;
    if (positionals.length === 0) throw new UsageError(flags.fetch ? 'no query; give the search terms for --fetch in quotes' : 'no inputs; give one or more files or folders');
    if (!out) throw new UsageError('--out <dir> is required: the folder to write graph.json into');
    const fetchOnly = (Object.keys(FETCH_FLAGS) as (keyof typeof FETCH_FLAGS)[]).find((f) => flags[f] !== undefined);
    if (!flags.fetch && fetchOnly) throw new UsageError(`--${fetchOnly} applies only with --fetch <provider>`);
    const format = choiceFlag(flags.format, 'format', FORMAT_NAMES);
    const seed = wholeNumberFlag(flags.seed, 'seed', Number.MIN_SAFE_INTEGER);

    const inputs = flags.fetch ? [await fetchFirst(flags.fetch, positionals[0]!, out, flags, io), ...positionals.slice(1)] : positionals;
    const { loadGraphFromCli } = flags.neo4j ? await import('./load.ts') : { loadGraphFromCli: undefined };
    const { diagnostics, loaded } = await runIngest(inputs, out, io, {
      ...(format ? { format } : {}),
      ...(flags.map ? { map: parseMap(flags.map)! } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(flags.library ? { library: flags.library } : {}),
      quiet: !!flags.quiet,
      ...(flags['no-map'] ? { noMap: true } : {}),
      ...(into ? { into: true } : {}),
      ...(loadGraphFromCli ? { load: (g: PaperGraph) => loadGraphFromCli(g, io, join(out, 'map')) } : {}),
    });
    if (loaded !== undefined && loaded !== EXIT.ok) return loaded;
    return diagnostics.some((d) => d.severity === 'error') ? EXIT.skipped : EXIT.ok;
  },
};
