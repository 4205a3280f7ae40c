import type { PaperGraph } from '../assemble/graph.ts';
import type { PropertyGraph } from '../cypher/graph-store.ts';
import { SnapshotError } from '../store/snapshot.ts';
import { readSnapshot, readSnapshotGraph } from '../store/snapshot-read.ts';
import { UsageError } from './io.ts';

/** A snapshot that cannot be read is a one-line error on the command line. */
async function asArg<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (err) {
    if (err instanceof SnapshotError) throw new UsageError(err.message);
    throw err;
  }
}

/** A snapshot named on the command line, as a whole graph. */
export const readSnapshotArg = (path: string): Promise<PaperGraph> => asArg(readSnapshot(path));

/** A snapshot named on the command line, as the built-in Cypher engine's graph. */
export const readSnapshotGraphArg = (path: string): Promise<PropertyGraph> => asArg(readSnapshotGraph(path));
