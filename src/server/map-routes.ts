/**
 * The level-of-detail map beside the snapshot (`<dir>/map/`, written by ingest or `papergraph map`):
 * GET /map/top.json, /map/c/<cluster id>.json, /map/adoption.json, /map/clusters.json as files
 * (compressed, with an ETag), and GET /api/map/search?q= over every paper and entity.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { HttpError, sendJson } from './http.ts';
import { MapSearch } from './map-search.ts';
import type { RouteModule } from './route.ts';
import { sendFile } from './static-files.ts';

const FILES = /^\/map\/(top\.json|adoption\.json|clusters\.json|c\/\d+(?:\.\d+)*\.json)$/;

export function mapRoutes(): RouteModule {
  const searches = new Map<string, MapSearch>();
  const mapDir = (dir: string | null | undefined) => {
    if (!dir) throw new HttpError(404, 'this server was started without a snapshot folder');
    return join(dir, 'map');
  };
  const searchOf = (dir: string | null | undefined) => {
    const file = join(mapDir(dir), 'search.tsv');
    return searches.get(file) ?? searches.set(file, new MapSearch(file)).get(file)!;
  };
  const missing = (err: NodeJS.ErrnoException): never => {
    if (err.code === 'ENOENT') throw new HttpError(404, 'no map beside this snapshot; run `papergraph map <dir>`');
    throw err;
  };
  return {
    name: 'map',
    routes: [
      {
        method: 'GET',
        path: '/map/',
        prefix: true,
        async handle({ req, res, url, config }) {
          const m = FILES.exec(url.pathname);
          if (!m) throw new HttpError(404, `no map file ${url.pathname}`);
          await sendFile(req, res, join(mapDir(config.snapshotDir), m[1]!)).catch((err: unknown) => {
            if (err instanceof HttpError && err.status === 404) throw new HttpError(404, `${url.pathname}: no map beside this snapshot; run \`papergraph map <dir>\``);
            throw err;
          });
        },
      },
      {
        method: 'GET',
        path: '/api/map/search',
        async handle({ res, url, config }) {
          const q = url.searchParams.get('q') ?? '';
          if (q.length > 500) throw new HttpError(400, 'q is longer than 500 characters');
          const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit') ?? 20) || 20));
          const results = await searchOf(config.snapshotDir).search(q, limit).catch(missing);
          sendJson(res, 200, { q, results });
        },
      },
      {
        // Whether the snapshot has a map, so the explorer can choose its view without a failed request.
        method: 'GET',
        path: '/api/map/status',
        handle({ res, config }) {
          sendJson(res, 200, { map: !!config.snapshotDir && existsSync(join(config.snapshotDir, 'map', 'top.json')) });
        },
      },
      {
        method: 'GET',
        path: '/api/map/locate',
        async handle({ res, url, config }) {
          const id = url.searchParams.get('id') ?? '';
          if (!id || id.length > 500) throw new HttpError(400, 'expected ?id=<node id> (at most 500 characters)');
          sendJson(res, 200, { id, result: await searchOf(config.snapshotDir).locate(id).catch(missing) });
        },
      },
    ],
  };
}
