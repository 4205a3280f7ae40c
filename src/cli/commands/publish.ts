/**
 * `papergraph publish <dir> --out <site>`: a static folder any file host can serve (python3 -m
 * http.server included): the built explorer, the snapshot, the gallery's queries, the Cypher
 * engine, which the console runs in a Web Worker there since the site has no API and no Neo4j, and
 * the snapshot's level-of-detail map with a static search index in place of the server's search.
 */
import { copyFile, cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { SITE_META } from '../../model/map.ts';
import { DEFAULT_DIST } from '../../server/config.ts';
import { NONCE_PLACEHOLDER, contentSecurityPolicy } from '../../server/security.ts';
import { publishMap } from '../../store/map/publish-map.ts';
import { readExampleQueries } from '../../store/neo4j/cypher-files.ts';
import { snapshotPath } from '../../store/snapshot.ts';
import { parseCommandArgs } from '../args.ts';
import { type CliIO, type Command, EXIT, UsageError } from '../io.ts';
import { readSnapshotArg } from '../snapshot-arg.ts';

export const command: Command = {
  name: 'publish',
  summary: 'write a static site: the explorer, the snapshot and the Cypher engine',
  usage: [
    'Usage: papergraph publish <snapshot dir> --out <site dir>',
    '',
    'Writes the built explorer (run `npm run build` first), <site>/graph.json and <site>/queries.json,',
    'and the map beside the snapshot (if any) with a search index in <site>/map/.',
    'Serve the folder from any static file host; its Cypher console answers with the built-in engine,',
    'and the map searches every paper from its index, fetching only the pieces a search needs.',
  ].join('\n'),
  async run(args: string[], io: CliIO): Promise<number> {
    const { positionals, values: flags } = parseCommandArgs(args, { out: { type: 'string', short: 'o' } });
    if (positionals.length !== 1) throw new UsageError('expected one snapshot folder (or graph.json file)');
    if (flags.out === undefined) throw new UsageError('--out <site dir> is required');
    if (!existsSync(join(DEFAULT_DIST, 'index.html'))) throw new UsageError(`${join(DEFAULT_DIST, 'index.html')}: the explorer is not built; run \`npm run build\` first`);
    const source = positionals[0]!;
    await readSnapshotArg(source); // a snapshot that does not read is refused before anything is written
    const out = resolve(io.cwd, flags.out);
    await mkdir(out, { recursive: true });
    await cp(DEFAULT_DIST, out, { recursive: true, filter: (f) => !f.endsWith('bench.html') });
    await copyFile(snapshotPath(resolve(io.cwd, source)), join(out, 'graph.json'));
    const queries = readExampleQueries().map(({ name, description, params, text }) => ({ name, description, params, text }));
    await writeFile(join(out, 'queries.json'), `${JSON.stringify({ queries }, null, 2)}\n`);
    const map = await publishMap(dirname(snapshotPath(resolve(io.cwd, source))), out);
    await writePage(join(out, 'index.html'), map !== null);
    const files = (await readdir(out, { recursive: true })).length;
    const mapLine = map ? `The map's search index: ${map.rows.toLocaleString('en')} names in ${map.indexFiles.toLocaleString('en')} files, ${(map.indexBytes / 1e6).toFixed(1)} MB.\n` : 'The snapshot has no map (`papergraph map <dir>` writes one); the site opens on the whole graph.\n';
    io.stdout.write(`Wrote a static site of ${files} files to ${out}\n${mapLine}Serve it from any static host, e.g. \`python3 -m http.server -d ${flags.out}\`.\n`);
    return EXIT.ok;
  },
};

/**
 * A static host sends no security headers: the page carries its policy itself, with a fixed nonce.
 * It also says it is a published site (and whether it has a map), so the explorer asks no API that
 * is not there; see src/web/state/site.ts for why a tag in the page rather than a probe.
 */
async function writePage(file: string, hasMap: boolean): Promise<void> {
  const nonce = randomBytes(16).toString('base64');
  // frame-ancestors only works as a header; a meta policy that names it makes browsers complain.
  const policy = contentSecurityPolicy(nonce).split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; ');
  const html = (await readFile(file, 'utf8')).replaceAll(NONCE_PLACEHOLDER, nonce).replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />\n    <meta name="${SITE_META}" content="${hasMap ? 'static map' : 'static'}" />`);
  await writeFile(file, html);
}
