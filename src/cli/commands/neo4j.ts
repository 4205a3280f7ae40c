/** `papergraph neo4j start|stop|status`: the bundled local Neo4j Community server. */
import { type CliIO, type Command, EXIT, UsageError } from '../io.ts';
import { parseCommandArgs } from '../args.ts';
import { defaultLocalServer, localServerInfo, startLocalServer, stopLocalServer } from '../../store/neo4j/local-server.ts';

export const command: Command = {
  name: 'neo4j',
  summary: 'start, stop or check the bundled local Neo4j',
  usage: [
    'Usage: papergraph neo4j start|stop|status',
    '',
    'The bundled Neo4j Community 5.26 (install its jars once with `npm run neo4j:install`).',
    'Bolt on 127.0.0.1:7687 (no HTTP), data and the generated password in .neo4j/.',
    'PAPERGRAPH_NEO4J_HOME, PAPERGRAPH_NEO4J_BOLT_PORT and',
    'PAPERGRAPH_NEO4J_HEAP (default 1g) change where and how it runs.',
  ].join('\n'),
  async run(args: string[], io: CliIO): Promise<number> {
    const { positionals } = parseCommandArgs(args, {});
    const [action] = positionals;
    const spec = defaultLocalServer(io.env);
    try {
      if (action === 'start') {
        const r = await startLocalServer(spec);
        io.stdout.write(
          r.alreadyRunning
            ? `Neo4j already running (pid ${r.pid}) at ${r.uri}\n`
            : `Neo4j started (pid ${r.pid}) at ${r.uri} in ${(r.startMs / 1000).toFixed(1)} s\n`,
        );
        io.stdout.write(`user neo4j, password in ${r.passwordFile}; data in ${r.home}\n`);
        return EXIT.ok;
      }
      if (action === 'stop') {
        const r = await stopLocalServer(spec);
        io.stdout.write(r.stopped ? `Neo4j stopped (pid ${r.pid}) in ${(r.ms / 1000).toFixed(1)} s\n` : 'Neo4j was not running\n');
        return EXIT.ok;
      }
      if (action === 'status') {
        const s = localServerInfo(spec);
        io.stdout.write(s.running ? `running (pid ${s.pid}) at ${s.uri}, home ${s.home}\n` : `not running (home ${s.home})\n`);
        return s.running ? EXIT.ok : EXIT.service;
      }
    } catch (err) {
      io.stderr.write(`papergraph neo4j ${action}: ${err instanceof Error ? err.message : String(err)}\n`);
      return EXIT.service;
    }
    throw new UsageError('expected start, stop or status');
  },
};
