/** The graph the pipeline builds, and a paper as the assemble stage takes it. */
import type Graph from 'graphology';
import type { PaperRecord } from '../model/paper.ts';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../model/schema.ts';

export type PaperGraph = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export interface BuildPaper {
  id: string;
  record: PaperRecord;
  /** Every source the paper was read from ("file:line"). */
  sources: string[];
}
