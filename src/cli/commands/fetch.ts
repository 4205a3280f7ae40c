import { join, resolve } from 'node:path';
import { formatSummary, runFetch, type FetchSummary } from '../../fetch/paging.ts';
import { cacheFolder } from '../../fetch/page-cache.ts';
import { ProviderError } from '../../fetch/provider.ts';
import { credentialsFromEnv, PROVIDERS } from '../../fetch/providers.ts';
import { parseCommandArgs, wholeNumberFlag, type FlagOptions } from '../args.ts';
import { type CliIO, type Command, EXIT, UsageError } from '../io.ts';

const USAGE = `Usage: papergraph fetch <openalex|arxiv|s2> "<query>" --out <file.jsonl.gz> [options]

Asks a provider's API for the papers matching a query, page after page, and writes them as gzipped
JSON Lines that \`papergraph ingest\` reads. Raw pages are kept in <out>.pages/, so a fetch that was
interrupted resumes where it stopped.

Options:
  --out <file>        where to write the records (required; .gz compresses)
  --max <n>           stop after n records
  --since <year>      only papers published in or after this year
  --base-url <url>    another server (a mirror, a replay); default: the provider's API
  --mailto <address>  OpenAlex: your contact address (the "polite pool"); or OPENALEX_MAILTO
  --cache <dir>       where raw pages are kept (default <out>.pages)
  --fresh             ignore pages kept by earlier runs
  --interval <ms>     pause between requests, only with --base-url (default: the provider's limit)
  --quiet             no progress lines

Keys come from the environment: OPENALEX_API_KEY (sent as api_key), S2_API_KEY (the x-api-key header).
Pauses: OpenAlex 0.1 s, arXiv 3 s, Semantic Scholar 1 s between requests.

Exit codes: 0 written, 2 bad arguments, 3 the provider could not be reached or refused the request.`;

/** The flags fetch takes; ingest --fetch takes them too. */
export const FETCH_FLAGS = {
  max: { type: 'string' },
  since: { type: 'string' },
  'base-url': { type: 'string' },
  mailto: { type: 'string' },
  cache: { type: 'string' },
  fresh: { type: 'boolean' },
  interval: { type: 'string' },
} as const satisfies FlagOptions;

/** The parsed values of FETCH_FLAGS, plus --quiet, which both commands share. */
export type FetchFlagValues = ReturnType<typeof parseCommandArgs<typeof FETCH_FLAGS>>['values'] & { quiet?: boolean | undefined };

/** Runs one fetch from parsed flags; throws UsageError for bad ones, exit code 3 when the provider fails. */
export async function fetchFromFlags(providerName: string, query: string, out: string, flags: FetchFlagValues, io: CliIO): Promise<FetchSummary> {
  const provider = PROVIDERS[providerName];
  if (!provider) throw new UsageError(`unknown provider "${providerName}"; expected one of ${Object.keys(PROVIDERS).join(', ')}`);
  if (!query.trim()) throw new UsageError('the query is empty; give the search terms in quotes');
  const since = wholeNumberFlag(flags.since, 'since', 0);
  const interval = wholeNumberFlag(flags.interval, 'interval', 0);
  const baseUrl = flags['base-url'] ?? provider.defaultBaseUrl;
  if (!/^https?:\/\//.test(baseUrl)) throw new UsageError(`--base-url expects an http(s) URL, got "${baseUrl}"`);
  if (interval !== undefined && !flags['base-url']) throw new UsageError(`--interval only applies with --base-url: the real ${provider.name} API is asked no faster than its documented limit`);
  const credentials = credentialsFromEnv(provider.name, io.env);
  if (flags.mailto) credentials.mailto = flags.mailto;
  const file = resolve(io.cwd, out);
  const quiet = !!flags.quiet;
  try {
    return await runFetch(
      provider,
      { query, ...(since !== undefined ? { since } : {}), baseUrl, credentials },
      {
        out: file,
        cacheDir: cacheFolder(flags.cache ? resolve(io.cwd, flags.cache) : `${file}.pages`, { provider: provider.name, baseUrl, query, ...(since !== undefined ? { since } : {}) }),
        ...(flags.max !== undefined ? { max: wholeNumberFlag(flags.max, 'max', 0)! } : {}),
        ...(interval !== undefined ? { minIntervalMs: interval } : {}),
        fresh: !!flags.fresh,
        log: (line) => {
          // Retries and the end of results are worth seeing even with --quiet; progress lines are not.
          if (!quiet || !/ records \(page \d+\)$/.test(line)) io.stderr.write(`${line}\n`);
        },
      },
    );
  } catch (err) {
    if (err instanceof ProviderError) throw new UsageError(`${provider.name}: ${err.message}`, EXIT.service);
    throw err;
  }
}

export const command: Command = {
  name: 'fetch',
  summary: 'fetch papers for a query from OpenAlex, arXiv or Semantic Scholar',
  usage: USAGE,
  async run(args, io) {
    const { positionals, values: flags } = parseCommandArgs(args, { out: { type: 'string', short: 'o' }, quiet: { type: 'boolean', short: 'q' }, ...FETCH_FLAGS });
    const [provider, query, ...rest] = positionals;
    if (!provider || query === undefined) throw new UsageError(`expected a provider (${Object.keys(PROVIDERS).join(', ')}) and a query`);
    if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"; put a query of several words in quotes`);
    const out = flags.out;
    if (!out) throw new UsageError('--out <file.jsonl.gz> is required: the file to write the records into');
    const summary = await fetchFromFlags(provider, query, out, flags, io);
    io.stdout.write(formatSummary(summary));
    io.stdout.write(`next        papergraph ingest ${join(out)} --out <dir>\n`);
    return EXIT.ok;
  },
};
