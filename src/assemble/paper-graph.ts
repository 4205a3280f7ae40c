/** The graph the pipeline builds. */
import type Graph from 'graphology';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../model/schema.ts';

export type PaperGraph = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;
