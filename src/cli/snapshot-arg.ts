import type { PaperGraph } from '../assemble/graph.ts';
import { SnapshotError } from '../store/snapshot.ts';
import { readSnapshot } from '../store/snapshot-read.ts';
import { UsageError } from './io.ts';

/** A snapshot named on the command line, as a whole graph: one that cannot be read is a one-line error. */
export async function readSnapshotArg(path: string): Promise<PaperGraph> {
  try {
    return await readSnapshot(path);
  } catch (err) {
    if (err instanceof SnapshotError) throw new UsageError(err.message);
    throw err;
  }
}
