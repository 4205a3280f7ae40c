/**
 * The map of a published site: the map's files as `papergraph serve` sends them (top.json, one
 * file per cluster, adoption.json, clusters.json), and, for the search and look-up the site has no
 * server for, the static index of map/search.tsv (model/map-search-index.ts) in map/index/.
 */
import { createReadStream, existsSync } from 'node:fs';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SHARD_BYTES, type SearchRow, buildSearchIndex, parseSearchLine } from '../../model/map-search-index.ts';

export interface PublishedMap {
  /** Files of the index written, and their bytes (the manifest included). */
  indexFiles: number;
  indexBytes: number;
  rows: number;
}

const MAP_FILES = /^(top\.json|adoption\.json|clusters\.json|c|c\/\d+(?:\.\d+)*\.json)$/;

/**
 * Copies `<snapshot dir>/map/` into `<site>/map/` with its index; null when the snapshot has no map.
 * `shardBytes`: the bound on an index file (SHARD_BYTES; smaller in tests, to get many shards).
 */
export async function publishMap(snapshotDir: string, site: string, shardBytes = SHARD_BYTES): Promise<PublishedMap | null> {
  const from = join(snapshotDir, 'map');
  if (!existsSync(join(from, 'top.json'))) return null;
  if (!existsSync(join(from, 'search.tsv'))) throw new Error(`${join(from, 'search.tsv')} is missing: run \`papergraph map ${snapshotDir}\` again`);
  const to = join(site, 'map');
  // A site published before from another snapshot must not keep that map's clusters or shards.
  await rm(to, { recursive: true, force: true });
  // Only what the explorer reads: search.tsv becomes the index, membership.tsv is for Neo4j.
  await cp(from, to, { recursive: true, filter: (f) => f === from || MAP_FILES.test(f.slice(from.length + 1).replaceAll('\\', '/')) });
  const rows = await readSearchRows(join(from, 'search.tsv'));
  const index = buildSearchIndex(rows, shardBytes);
  const dir = join(to, 'index');
  await mkdir(join(dir, 's'), { recursive: true });
  await mkdir(join(dir, 'l'), { recursive: true });
  const manifest = JSON.stringify(index.manifest);
  await writeFile(join(dir, 'manifest.json'), manifest);
  let indexFiles = 1;
  let indexBytes = Buffer.byteLength(manifest);
  for (const [path, text] of index.files()) {
    await writeFile(join(dir, path), text);
    indexFiles++;
    indexBytes += Buffer.byteLength(text);
  }
  return { indexFiles, indexBytes, rows: rows.length };
}

/** search.tsv's rows, numbered as the server's search numbers them (lines it skips are skipped). */
export async function readSearchRows(file: string): Promise<SearchRow[]> {
  const rows: SearchRow[] = [];
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    const r = parseSearchLine(line);
    if (r) rows.push({ row: rows.length, ...r });
  }
  return rows;
}
