/** The whole snapshot as a graph, read through the streaming reader. */
import Graph from 'graphology';
import type { PaperGraph } from '../assemble/graph.ts';
import type { PropertyGraph } from '../cypher/graph-store.ts';
import { SnapshotGraphBuilder } from '../cypher/snapshot-graph.ts';
import { SnapshotError as RowError } from '../model/load-rows.ts';
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

/** The snapshot as the built-in Cypher engine's graph, built as it streams past: the graph is the only copy held. */
export async function readSnapshotGraph(dirOrFile: string): Promise<PropertyGraph> {
  const source = await openSnapshotFile(dirOrFile);
  const builder = new SnapshotGraphBuilder();
  try {
    await source.read({ header: (h) => builder.header(h), nodes: (batch) => builder.nodes(batch), edges: (batch) => builder.edges(batch) });
  } catch (err) {
    // The row checks do not know the file; the reader's own errors already name it.
    throw err instanceof RowError ? new SnapshotError(`${source.name}: ${err.message}`) : err;
  }
  return builder.finish();
}
