/**
 * The snapshot file: graphology's own serialization (graph.export()), read back with Graph.from,
 * so any graphology or Sigma user can load it. Written atomically: a failed write never leaves a
 * half file where a good snapshot was.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import Graph from 'graphology';
import type { PaperGraph } from '../assemble/graph.ts';
import { parseSnapshotText, SnapshotError } from '../model/snapshot.ts';

export const SNAPSHOT_FILE = 'graph.json';

export { SnapshotError };

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
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  try {
    // The same options object graph.export() writes, without exporting the whole graph for it.
    const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
    await write(`{"options":${JSON.stringify(options)},"attributes":${JSON.stringify(graph.getAttributes())},"nodes":[`);
    let first = true;
    for (const { node, attributes } of graph.nodeEntries()) {
      await write(`${first ? '' : ','}${JSON.stringify({ key: node, attributes })}`);
      first = false;
    }
    await write('],"edges":[');
    first = true;
    for (const { edge, source, target, attributes, undirected } of graph.edgeEntries()) {
      const entry = undirected ? { key: edge, source, target, attributes, undirected } : { key: edge, source, target, attributes };
      await write(`${first ? '' : ','}${JSON.stringify(entry)}`);
      first = false;
    }
    await write(']}\n');
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

/** The text of a snapshot file to its graph, through the one check every reader runs. */
export function parseSnapshot(text: string, file: string): PaperGraph {
  const data = parseSnapshotText(text, file);
  try {
    return Graph.from(data) as PaperGraph;
  } catch (err) {
    throw new SnapshotError(`${file}: ${(err as Error).message}`);
  }
}

export async function readSnapshot(dirOrFile: string): Promise<PaperGraph> {
  const file = snapshotPath(dirOrFile);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new SnapshotError(code === 'ENOENT' ? `${file}: no such file; run \`papergraph ingest <inputs> --out ${dirOrFile}\` first` : `${file}: ${(err as Error).message}`);
  }
  return parseSnapshot(text, file);
}
