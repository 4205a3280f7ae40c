/** A graphology graph (the explorer's and the CLI's) -> the engine's property graph. */
import type Graph from 'graphology';
import type { Snapshot } from '../model/snapshot.ts';
import type { PropertyGraph } from './graph-store.ts';
import { graphFromSnapshot } from './snapshot-graph.ts';

export function graphFromGraphology(graph: Graph): PropertyGraph {
  return graphFromSnapshot(graph.export() as unknown as Snapshot);
}
