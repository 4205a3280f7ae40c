/** The fetched records as gzipped JSON Lines (what `papergraph ingest` reads), written atomically. */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

export async function writeJsonLines(file: string, records: readonly Record<string, unknown>[]): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const lines = Readable.from((function* () {
    for (const r of records) yield `${JSON.stringify(r)}\n`;
  })());
  try {
    if (file.endsWith('.gz')) await pipeline(lines, createGzip(), createWriteStream(tmp));
    else await pipeline(lines, createWriteStream(tmp));
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
