/**
 * The snapshot file: graphology's own serialization (graph.export()), so any graphology or Sigma
 * user can load it with Graph.from; papergraph reads it back as a stream (snapshot-stream.ts). Written atomically: a failed write never leaves a
 * half file where a good snapshot was.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { PaperGraph } from '../assemble/graph.ts';
import { SnapshotError, type Snapshot } from '../model/snapshot.ts';

export const SNAPSHOT_FILE = 'graph.json';
const BLOCK = 1 << 22;

export { SnapshotError, type Snapshot };

export function snapshotPath(dirOrFile: string): string {
  return dirOrFile.endsWith('.json') ? dirOrFile : join(dirOrFile, SNAPSHOT_FILE);
}

/**
 * Streams the serialization node by node and edge by edge: a 100,000-paper graph is larger than the
 * longest string V8 can build, so `JSON.stringify(graph.export())` is not an option. The bytes are
 * exactly those of `JSON.stringify(graph.export())`.
 */
export async function writeSnapshot(dir: string, graph: PaperGraph): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = snapshotPath(dir);
  const tmp = `${file}.${process.pid}.tmp`;
  const out = createWriteStream(tmp);
  // Entries are encoded straight into blocks of a few megabytes: a stream write and an await for
  // each of millions of small entries, or joining them into a string first, cost more than turning
  // them into JSON.
  let block = Buffer.allocUnsafe(BLOCK);
  let used = 0;
  const flush = async () => {
    if (used === 0) return;
    const full = block.subarray(0, used);
    block = Buffer.allocUnsafe(BLOCK);
    used = 0;
    if (!out.write(full)) await once(out, 'drain');
  };
  const writeAfterFlush = async (chunk: string) => {
    await flush();
    if (chunk.length * 3 <= BLOCK) used += block.write(chunk, used);
    else if (!out.write(chunk)) await once(out, 'drain');
  };
  // A promise only when the block is full: most entries go in without a turn of the event loop.
  const write = (chunk: string): Promise<void> | undefined => {
    // A UTF-16 unit takes at most three bytes of UTF-8.
    if (used + chunk.length * 3 > BLOCK) return writeAfterFlush(chunk);
    used += block.write(chunk, used);
    return undefined;
  };
  try {
    // The same options object graph.export() writes, without exporting the whole graph for it.
    const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
    await write(`{"options":${JSON.stringify(options)},"attributes":${JSON.stringify(graph.getAttributes())},"nodes":[`);
    let first = true;
    for (const { node, attributes } of graph.nodeEntries()) {
      const pending = write(`${first ? '' : ','}${JSON.stringify({ key: node, attributes })}`);
      if (pending) await pending;
      first = false;
    }
    await write('],"edges":[');
    first = true;
    for (const { edge, source, target, attributes, undirected } of graph.edgeEntries()) {
      const entry = undirected ? { key: edge, source, target, attributes, undirected } : { key: edge, source, target, attributes };
      const pending = write(`${first ? '' : ','}${JSON.stringify(entry)}`);
      if (pending) await pending;
      first = false;
    }
    await write(']}\n');
    await flush();
    out.end();
    await once(out, 'finish');
    await rename(tmp, file);
  } catch (err) {
    out.destroy();
    await rm(tmp, { force: true });
    throw err;
  }
  return file;
}
