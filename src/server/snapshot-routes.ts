/** GET /graph.json: the snapshot written by `papergraph ingest --out <dir>`, compressed and with an ETag (static-files.ts). */
import { join } from 'node:path';
import { HttpError } from './http.ts';
import type { RouteModule } from './route.ts';
import { sendFile } from './static-files.ts';

export const snapshotRoutes: RouteModule = {
  name: 'snapshot',
  routes: [
    {
      method: 'GET',
      path: '/graph.json',
      async handle({ req, res, config }) {
        if (!config.snapshotDir) throw new HttpError(404, 'this server was started without a snapshot folder');
        await sendFile(req, res, join(config.snapshotDir, 'graph.json'));
      },
    },
  ],
};
