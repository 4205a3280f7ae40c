/**
 * Raw pages of one fetch on disk, so an interrupted fetch resumes where it stopped. One folder per
 * (provider, server, query, since); one file per page, written to a temporary name and renamed, so a
 * kill leaves either the whole page or none of it.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface PageCache {
  dir: string;
  get(name: string): Promise<string | undefined>;
  put(name: string, body: string): Promise<void>;
  clear(): Promise<void>;
}

/** The folder of a fetch: what it asked for, never the credentials it used. */
export function cacheFolder(root: string, parts: { provider: string; baseUrl: string; query: string; since?: number }): string {
  const key = createHash('sha256').update(JSON.stringify([parts.provider, parts.baseUrl, parts.query, parts.since ?? null])).digest('hex').slice(0, 16);
  return join(root, `${parts.provider}-${key}`);
}

export async function openPageCache(dir: string): Promise<PageCache> {
  await mkdir(dir, { recursive: true });
  const file = (name: string) => join(dir, `${name}.txt`);
  return {
    dir,
    async get(name) {
      try {
        return await readFile(file(name), 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
    async put(name, body) {
      const tmp = `${file(name)}.${process.pid}.tmp`;
      await writeFile(tmp, body);
      await rename(tmp, file(name));
    },
    async clear() {
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
    },
  };
}
