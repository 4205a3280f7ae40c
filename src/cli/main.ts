import { type CliIO, type Command, EXIT, UsageError } from './io.ts';

/**
 * Every command, in the order `papergraph help` lists them. Commands load lazily so that
 * `papergraph stats` does not pay for the Neo4j driver or the NLP model.
 */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ command: Command }> }> = {
  demo: { summary: 'ingest the demo corpus and open the explorer', load: () => import('./commands/demo.ts') },
  fetch: { summary: 'fetch papers for a query from OpenAlex, arXiv or Semantic Scholar', load: () => import('./commands/fetch.ts') },
  ingest: { summary: 'read papers, extract entities, write the graph snapshot', load: () => import('./commands/ingest.ts') },
  map: { summary: 'build the level-of-detail map of a snapshot (ingest runs it)', load: () => import('./commands/map.ts') },
  stats: { summary: 'print the summary of an existing snapshot', load: () => import('./commands/stats.ts') },
  serve: { summary: 'serve the explorer and the JSON API', load: () => import('./commands/serve.ts') },
  load: { summary: 'load a snapshot into Neo4j', load: () => import('./commands/load.ts') },
  query: { summary: 'run a read-only Cypher query against Neo4j, or against a snapshot with --snapshot', load: () => import('./commands/query.ts') },
  publish: { summary: 'write a static site: the explorer, the snapshot and the Cypher engine', load: () => import('./commands/publish.ts') },
  export: { summary: 'export a snapshot (neo4j-admin CSV, GEXF)', load: () => import('./commands/export.ts') },
  neo4j: { summary: 'start, stop or check the bundled local Neo4j', load: () => import('./commands/neo4j.ts') },
};

function help(io: CliIO): void {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  io.stdout.write('papergraph: a knowledge-graph explorer of research papers\n\nUsage: papergraph <command> [options]\n\n');
  for (const [name, c] of Object.entries(COMMANDS)) io.stdout.write(`  ${name.padEnd(width)}  ${c.summary}\n`);
  io.stdout.write('\nRun `papergraph <command> --help` for its options.\n');
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    help(io);
    return name ? EXIT.ok : EXIT.usage;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr.write(`papergraph: unknown command "${name}". Run \`papergraph help\` for the list.\n`);
    return EXIT.usage;
  }
  const { command } = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`papergraph ${name}: ${err.message}\n`);
      return err.exitCode;
    }
    throw err;
  }
}
