/**
 * A snapshot read as a stream: the graph's options and attributes first, then its nodes, then its
 * edges, in batches, so a command holds one batch at a time instead of the whole graph. The same
 * interface serves a snapshot already in memory (what `papergraph ingest --neo4j` just built).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { SerializedEdge, SerializedNode } from 'graphology-types';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../model/schema.ts';
import { checkSnapshotAttributes, checkSnapshotNode } from '../model/snapshot.ts';
import type { PaperGraph } from '../assemble/graph.ts';
import { JsonScanError, TopLevelScanner } from './json-scan.ts';
import { SnapshotError, snapshotPath, type Snapshot } from './snapshot.ts';

export type SnapshotNode = SerializedNode<NodeAttributes>;
export type SnapshotEdge = SerializedEdge<EdgeAttributes>;

export interface SnapshotHeader {
  options: Snapshot['options'];
  attributes: Partial<GraphAttributes>;
}

export interface SnapshotHandlers {
  header?(header: SnapshotHeader): void | Promise<void>;
  /** `at`: how far the read has come, in the source's unit (see SnapshotSource.size). */
  nodes?(batch: SnapshotNode[], at: number): void | Promise<void>;
  edges?(batch: SnapshotEdge[], at: number): void | Promise<void>;
}

export interface SnapshotSource {
  /** The file, for messages. */
  name: string;
  /** Bytes of the file, or nodes plus edges of a snapshot in memory. */
  size: number;
  unit: 'bytes' | 'items';
  /** Reads the whole snapshot once more; each call is a fresh pass. Handlers are awaited, so a slow consumer slows the read. */
  read(handlers: SnapshotHandlers, options?: { batchSize?: number }): Promise<void>;
}

const DEFAULT_BATCH = 2_000;

/** A snapshot file (or a folder holding graph.json); a missing file is a SnapshotError that says how to make one. */
export async function openSnapshotFile(dirOrFile: string): Promise<SnapshotSource> {
  const file = snapshotPath(dirOrFile);
  const info = await stat(file).catch((err: NodeJS.ErrnoException) => {
    throw new SnapshotError(err.code === 'ENOENT' ? `${file}: no such file; run \`papergraph ingest <inputs> --out ${dirOrFile}\` first` : `${file}: ${err.message}`);
  });
  return { name: file, size: info.size, unit: 'bytes', read: (handlers, options) => readFile(file, handlers, options?.batchSize ?? DEFAULT_BATCH) };
}

async function readFile(file: string, handlers: SnapshotHandlers, batchSize: number): Promise<void> {
  let options: unknown;
  let attributes: unknown;
  let headerSent = false;
  let nodesClosed = false;
  const nodes: SnapshotNode[] = [];
  const edges: SnapshotEdge[] = [];
  let at = 0;
  const skip = new Set<string>();
  if (!handlers.nodes) skip.add('nodes');
  if (!handlers.edges) skip.add('edges');
  const scanner = new TopLevelScanner(
    new Set(['nodes', 'edges']),
    {
      value(key, value) {
        if (key === 'options') options = value;
        else if (key === 'attributes') attributes = value;
        else if ((key === 'nodes' || key === 'edges') && !Array.isArray(value)) throw new SnapshotError(`${file}: "${key}" is not an array`);
      },
      element(key, value, index) {
        if (key === 'nodes') {
          checkSnapshotNode(value, index, file);
          nodes.push(value as SnapshotNode);
        } else {
          if (!nodesClosed) throw new SnapshotError(`${file}: the "edges" array comes before "nodes"; expected graphology's order (options, attributes, nodes, edges)`);
          if (!value || typeof value !== 'object') throw new SnapshotError(`${file}: edges[${index}] is not an edge: expected {"source": "...", "target": "...", "attributes": {...}}`);
          edges.push(value as SnapshotEdge);
        }
      },
      arrayEnd(key) {
        if (key === 'nodes') nodesClosed = true;
      },
    },
    skip,
  );
  const sendHeader = async () => {
    if (headerSent) return;
    headerSent = true;
    const header = checkHeader(file, options, attributes);
    await handlers.header?.(header);
  };
  const flush = async (all: boolean) => {
    if (nodes.length + edges.length === 0) return;
    await sendHeader();
    // Edges only come after the last node: nodes still waiting then form the last node batch.
    const nodesDone = all || edges.length > 0;
    while (nodes.length >= batchSize || (nodesDone && nodes.length > 0)) await handlers.nodes?.(nodes.splice(0, batchSize), at);
    while (edges.length >= batchSize || (all && edges.length > 0)) await handlers.edges?.(edges.splice(0, batchSize), at);
  };
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      scanner.feed(chunk as Buffer);
      at += (chunk as Buffer).length;
      await flush(false);
    }
    scanner.end();
    await flush(true);
    await sendHeader();
  } catch (err) {
    if (err instanceof JsonScanError) throw new SnapshotError(`${file}: line ${err.line}, byte ${err.byte}: ${err.message}; expected a papergraph snapshot written by \`papergraph ingest\``);
    if (err instanceof SnapshotError) throw err;
    // Only the file's own failures (a system call's) name the file; a consumer's errors, e.g. Neo4j's, pass through.
    if (typeof (err as NodeJS.ErrnoException).syscall === 'string') throw new SnapshotError(`${file}: ${(err as Error).message}`);
    throw err;
  }
}

function checkHeader(file: string, options: unknown, attributes: unknown): SnapshotHeader {
  checkSnapshotAttributes(attributes, file);
  return { options: (options ?? {}) as Snapshot['options'], attributes: attributes as Partial<GraphAttributes> };
}

/** A snapshot already in memory, read through the same interface (no schema check: it was just built). */
export function snapshotInMemory(snapshot: Snapshot, name = 'snapshot'): SnapshotSource {
  const header = { options: snapshot.options ?? {}, attributes: snapshot.attributes ?? {} };
  return entriesSource(name, header, snapshot.nodes.length, () => snapshot.nodes, () => snapshot.edges, snapshot.edges.length);
}

/**
 * The graph just built, read through the same interface in place: `papergraph ingest --neo4j`
 * loads it without exporting a second full copy (entries are made one batch at a time).
 */
export function snapshotOfGraph(graph: PaperGraph, name = 'graph'): SnapshotSource {
  const header = { options: { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops }, attributes: graph.getAttributes() };
  return entriesSource(
    name,
    header,
    graph.order,
    function* () {
      for (const { node, attributes } of graph.nodeEntries()) yield { key: node, attributes };
    },
    function* () {
      for (const { edge, source, target, attributes } of graph.edgeEntries()) yield { key: edge, source, target, attributes };
    },
    graph.size,
  );
}

/** Nodes, then edges, in batches, from whatever yields them; `at` counts entries handed over. */
function entriesSource(name: string, header: SnapshotHeader, nodeCount: number, nodes: () => Iterable<SnapshotNode>, edges: () => Iterable<SnapshotEdge>, edgeCount: number): SnapshotSource {
  const batches = async <T>(entries: Iterable<T>, start: number, size: number, handle: (batch: T[], at: number) => void | Promise<void>) => {
    let at = start;
    let batch: T[] = [];
    for (const e of entries) {
      batch.push(e);
      if (batch.length === size) {
        at += size;
        await handle(batch, at);
        batch = [];
      }
    }
    if (batch.length) await handle(batch, at + batch.length);
  };
  return {
    name,
    size: nodeCount + edgeCount,
    unit: 'items',
    async read(handlers, options) {
      const size = options?.batchSize ?? DEFAULT_BATCH;
      await handlers.header?.(header);
      if (handlers.nodes) await batches(nodes(), 0, size, handlers.nodes);
      if (handlers.edges) await batches(edges(), nodeCount, size, handlers.edges);
    },
  };
}
