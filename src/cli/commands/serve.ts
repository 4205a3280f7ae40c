/** `papergraph serve <dir>`: the explorer, the snapshot in <dir> and the JSON API on 127.0.0.1. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCommandArgs } from '../args.ts';
import { type CliIO, type Command, EXIT, UsageError } from '../io.ts';
import { DEFAULT_DIST, DEFAULT_HOST, DEFAULT_PORT } from '../../server/config.ts';
import { type RunningServer, startServer } from '../../server/server.ts';

export { startServer, type RunningServer };

const USAGE = `Usage: papergraph serve <dir> [--port N] [--host H] [--allow-host NAME]... [--neo4j bolt://...] [--cors-origin URL]...

Serves the explorer with the snapshot <dir>/graph.json (written by \`papergraph ingest --out <dir>\`).
  --port N          port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host H          address to bind (default ${DEFAULT_HOST}; 0.0.0.0 exposes it to the network,
                    and the data then needs the token in the printed URL)
  --allow-host NAME also accept this Host name (repeatable; e.g. the name of a proxy in front)
  --neo4j URI       Neo4j for the Cypher console and API (default: NEO4J_URI)
  --cors-origin URL allow this origin cross-origin access (repeatable; closed by default)`;

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port expects a number from 0 to 65535, got "${raw}"`);
  return port;
}

export const command: Command = {
  name: 'serve',
  summary: 'serve the explorer and the JSON API',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const { positionals, values: flags } = parseCommandArgs(args, {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      neo4j: { type: 'string' },
      'cors-origin': { type: 'string', multiple: true },
      'allow-host': { type: 'string', multiple: true },
    });
    if (positionals.length !== 1) throw new UsageError(`expected one snapshot folder, got ${positionals.length}\n${USAGE}`);
    const dir = resolve(io.cwd, positionals[0]!);
    const snapshot = join(dir, 'graph.json');
    if (!existsSync(snapshot)) throw new UsageError(`${snapshot}: no snapshot here; write one with \`papergraph ingest <files> --out ${positionals[0]}\``);
    // PAPERGRAPH_DIST serves another build of the explorer (the tests serve a minimal one).
    const dist = io.env.PAPERGRAPH_DIST ?? DEFAULT_DIST;
    if (!existsSync(join(dist, 'index.html'))) throw new UsageError(`${join(dist, 'index.html')}: the explorer is not built; run \`npm run build\` first`);
    const server = await startServer({
      snapshotDir: dir,
      distDir: dist,
      port: parsePort(flags.port),
      host: flags.host ?? DEFAULT_HOST,
      neo4jUri: flags.neo4j,
      corsOrigins: flags['cors-origin'] ?? [],
      allowHosts: flags['allow-host'] ?? [],
      env: io.env,
    }).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') throw new UsageError(`port ${flags.port ?? DEFAULT_PORT} is already in use; pick another with --port`, EXIT.service);
      throw err;
    });
    if (server.config.token) {
      io.stderr.write(
        `papergraph serve: WARNING: listening on ${server.config.host}, reachable from other machines. The graph and the Cypher console need the token in this URL; share it only with people who may read the database.\n`,
      );
    }
    io.stdout.write(`papergraph explorer: ${server.url}\n`);
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void server.close().then(done);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return EXIT.ok;
  },
};
