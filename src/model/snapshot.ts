/**
 * The snapshot contract: graphology's serialization of the papergraph schema, and the one check
 * every reader of it runs (the CLI, the server, the Neo4j loader and the explorer alike), so a wrong
 * or outdated file fails at the door with a reason instead of half-way through a load or a render.
 */
import type { SerializedGraph } from 'graphology-types';
import { NODE_KINDS, SCHEMA_VERSION, type EdgeAttributes, type GraphAttributes, type NodeAttributes } from './schema.ts';

export type Snapshot = SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;


/** A file that is not a snapshot this papergraph reads; the message names the file. */
export class SnapshotError extends Error {}

const NODE_KIND_SET = new Set<string>(NODE_KINDS);

/** The graph attributes: an outdated schema is refused, since every reader relies on its shape. */
export function checkSnapshotAttributes(attributes: unknown, source: string): void {
  const version = (attributes as Partial<GraphAttributes> | undefined)?.schemaVersion;
  if (version !== SCHEMA_VERSION)
    throw new SnapshotError(`${source}: schema version ${String(version)}; this papergraph reads version ${SCHEMA_VERSION}. Re-run \`papergraph ingest\``);
}

/** One node entry: what the explorer needs to draw it and the loader to label it. */
export function checkSnapshotNode(node: unknown, index: number, source: string): void {
  const fail = (what: string) => {
    throw new SnapshotError(`${source}: ${what}; expected a papergraph snapshot written by \`papergraph ingest\``);
  };
  if (typeof node !== 'object' || node === null) fail(`node ${index} is not an object`);
  const { key, attributes: a } = node as { key?: unknown; attributes?: Record<string, unknown> };
  if (typeof key !== 'string' || key === '') fail(`node ${index} has no key`);
  if (!a || typeof a.kind !== 'string' || !NODE_KIND_SET.has(a.kind)) fail(`node "${String(key)}" has no kind among ${NODE_KINDS.join(', ')}`);
  if (typeof a!.name !== 'string') fail(`node "${String(key)}" has no "name" attribute`);
  if (typeof a!.x !== 'number' || typeof a!.y !== 'number') fail(`node "${String(key)}" has no x/y position`);
}

/** The whole parsed document. */
export function checkSnapshot(data: unknown, source: string): Snapshot {
  if (typeof data !== 'object' || data === null || !Array.isArray((data as Snapshot).nodes) || !Array.isArray((data as Snapshot).edges))
    throw new SnapshotError(`${source}: no "nodes" and "edges" arrays; expected graphology's serialization format`);
  const snapshot = data as Snapshot;
  checkSnapshotAttributes(snapshot.attributes, source);
  snapshot.nodes.forEach((n, i) => checkSnapshotNode(n, i, source));
  return snapshot;
}

/** JSON text to a checked snapshot. */
export function parseSnapshotText(text: string, source: string): Snapshot {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new SnapshotError(`${source}: not JSON (${(err as Error).message}); expected a papergraph snapshot written by \`papergraph ingest\``);
  }
  return checkSnapshot(data, source);
}
