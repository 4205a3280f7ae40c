/** The whole snapshot as a graph, read through the streaming reader. */
import Graph from 'graphology';
import type { PaperGraph } from '../assemble/graph.ts';
import type { GraphAttributes } from '../model/schema.ts';
import { SnapshotError } from './snapshot.ts';
import { openSnapshotFile } from './snapshot-stream.ts';

/**
 * The whole graph, for the commands that need it (the explorer's own build, evaluation): read through
 * the streaming reader, so a file longer than V8's longest string still loads when memory allows.
 */
export async function readSnapshot(dirOrFile: string): Promise<PaperGraph> {
  const source = await openSnapshotFile(dirOrFile);
  let graph: PaperGraph | undefined;
  const fail = (err: unknown): never => {
    throw err instanceof SnapshotError ? err : new SnapshotError(`${source.name}: ${(err as Error).message}`);
  };
  await source.read({
    header({ options, attributes }) {
      try {
        graph = new Graph(options) as PaperGraph;
        graph.replaceAttributes(attributes as GraphAttributes);
      } catch (err) {
        fail(err);
      }
    },
    nodes(batch) {
      try {
        graph!.import({ nodes: batch });
      } catch (err) {
        fail(err);
      }
    },
    edges(batch) {
      try {
        graph!.import({ edges: batch });
      } catch (err) {
        fail(err);
      }
    },
  });
  return graph!;
}
