/** The snapshot as graphology serializes it (DESIGN.md): what the loader and the exporter read. */
import type { SerializedGraph } from 'graphology-types';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../../model/schema.ts';

export type Snapshot = SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;
