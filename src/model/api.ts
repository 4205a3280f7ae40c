/**
 * The JSON API between `papergraph serve` and the explorer (src/server/api/API.md): one set of
 * types for the side that answers and the side that reads, so the two cannot drift apart.
 */

/** A node of a query result, keyed by papergraph's `id` when it has one. */
export interface ResultNode {
  /** papergraph's id property when the node has one, else the engine's element id. */
  id: string;
  elementId: string;
  labels: string[];
  properties: Record<string, unknown>;
}

export interface ResultRelationship {
  elementId: string;
  type: string;
  /** Element ids of the start and end nodes. */
  startElementId: string;
  endElementId: string;
  properties: Record<string, unknown>;
}

/** Every node and relationship a result touches, deduplicated: what the map lights up. */
export interface ResultGraph {
  nodes: ResultNode[];
  relationships: ResultRelationship[];
}

export interface CypherSummary {
  timeMs: number;
  truncated: boolean;
  rowCount?: number;
  maxRows?: number;
  /** Which engine answered: Neo4j, or the built-in engine over the snapshot (src/cypher/). */
  engine?: 'neo4j' | 'built-in';
}

/** POST /api/cypher's answer. */
export interface CypherResult {
  columns: string[];
  /** One object per record, keyed by column. */
  rows: Record<string, unknown>[];
  graph: ResultGraph;
  summary: CypherSummary;
}

/** Any /api/* error: HTTP status, a sentence, and for Cypher errors the position in the query. */
export interface CypherError {
  status: number;
  error: string;
  kind?: string;
  code?: string;
  position?: { line?: number; column?: number; offset?: number };
}

/** GET /api/queries: the example gallery (graph/queries/*.cypher). */
export interface ExampleQuery {
  name: string;
  description: string;
  params: Record<string, unknown>;
  text: string;
}
