/**
 * `papergraph demo` (what `npm start` runs): ingest the demo corpus beside the repository, build the
 * explorer if it is not built yet, serve both and print the URL. No database needed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { parseCommandArgs } from '../args.ts';
import { type Command, EXIT, UsageError } from '../io.ts';
import { runIngest } from './ingest.ts';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const DEMO_CORPUS = resolve(REPO, '..', 'shared', 'corpus', 'trending-papers.txt');

export const command: Command = {
  name: 'demo',
  summary: 'ingest the demo corpus and open the explorer',
  usage: `Usage: papergraph demo [inputs...] [--out <dir>] [--port N] [--no-serve]

Ingests ${DEMO_CORPUS} (or the given inputs) into .papergraph/demo, builds the explorer if needed,
and serves it on 127.0.0.1 (the port of papergraph serve unless --port says otherwise).`,
  async run(args, io) {
    const { positionals, values: flags } = parseCommandArgs(args, { out: { type: 'string' }, port: { type: 'string' }, 'no-serve': { type: 'boolean' } });
    const inputs = positionals.length ? positionals : [DEMO_CORPUS];
    if (!positionals.length && !existsSync(DEMO_CORPUS)) throw new UsageError(`${DEMO_CORPUS}: the demo corpus is missing; it lives in ../shared beside the repository`);
    const out = resolve(io.cwd, flags.out ?? join(REPO, '.papergraph', 'demo'));
    const { diagnostics } = await runIngest(inputs, out, io);
    if (flags['no-serve']) return diagnostics.some((d) => d.severity === 'error') ? EXIT.skipped : EXIT.ok;
    if (!existsSync(join(REPO, 'dist', 'index.html'))) {
      io.stderr.write('building the explorer (npm run build) ...\n');
      const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
      if (build.status !== 0) throw new UsageError('the explorer build failed (see above)', EXIT.usage);
    }
    const { command: serve } = await import('./serve.ts');
    return serve.run([out, ...(flags.port ? ['--port', flags.port] : [])], io);
  },
};
