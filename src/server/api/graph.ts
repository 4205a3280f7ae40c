/**
 * GET /api/graph: the explorer's graph built from the database, in the snapshot's own shape
 * (graphology serialization, DESIGN.md), so the explorer works from a file or from Neo4j alike.
 * Node keys are the `id` properties, `kind` is the label, clusters come from the Cluster nodes.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { GraphCollector } from '../../store/neo4j/values.ts';
import { SCHEMA_VERSION } from '../../model/schema.ts';
import { neo4jErrorAnswer } from './errors.ts';
import type { ApiAnswer, Neo4jDeps } from './neo4j-deps.ts';

const NODES = `
MATCH (n) WHERE n.id IS NOT NULL AND NOT n:Cluster
RETURN n.id AS key, labels(n)[0] AS kind, properties(n) AS props
ORDER BY key LIMIT $limit`;
const EDGES = `
MATCH (a)-[r]->(b) WHERE a.id IS NOT NULL AND b.id IS NOT NULL AND NOT b:Cluster
RETURN a.id AS source, b.id AS target, type(r) AS type, properties(r) AS props
LIMIT $limit`;
const CLUSTERS = 'MATCH (c:Cluster) RETURN properties(c) AS props ORDER BY c.id';

export interface GraphSnapshot {
  attributes: Record<string, unknown>;
  options: { type: 'directed'; multi: false; allowSelfLoops: false };
  nodes: { key: string; attributes: Record<string, unknown> }[];
  edges: { source: string; target: string; attributes: Record<string, unknown> }[];
}

export async function graphFromDatabase(driver: Driver, database: string | undefined, maxNodes: number): Promise<{ graph: GraphSnapshot; truncated: boolean }> {
  const values = new GraphCollector();
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  try {
    return await session.executeRead(async (tx) => {
      const nodes = await tx.run(NODES, { limit: neo4j.int(maxNodes + 1) });
      const truncated = nodes.records.length > maxNodes;
      const kept = nodes.records.slice(0, maxNodes).map((r) => {
        const props = values.toJson(r.get('props')) as Record<string, unknown>;
        delete props.id;
        delete props.title; // the snapshot keeps a paper's title as `name`
        return { key: r.get('key') as string, attributes: { kind: r.get('kind') as string, ...props } };
      });
      const keys = new Set(kept.map((n) => n.key));
      const edges = (await tx.run(EDGES, { limit: neo4j.int(maxNodes * 10) })).records
        .filter((r) => keys.has(r.get('source')) && keys.has(r.get('target')))
        .map((r) => {
          const props = values.toJson(r.get('props')) as Record<string, unknown>;
          if (typeof props.evidence === 'string') props.evidence = JSON.parse(props.evidence);
          return { source: r.get('source') as string, target: r.get('target') as string, attributes: { type: r.get('type') as string, ...props } };
        });
      const clusters = (await tx.run(CLUSTERS)).records.map((r) => values.toJson(r.get('props')));
      return {
        truncated,
        graph: {
          attributes: { schemaVersion: SCHEMA_VERSION, generator: 'papergraph serve (from Neo4j)', clusters },
          options: { type: 'directed', multi: false, allowSelfLoops: false },
          nodes: kept,
          edges,
        },
      };
    }, { timeout: 60_000 });
  } finally {
    await session.close();
  }
}

export async function handleGraph(params: URLSearchParams, deps: Neo4jDeps): Promise<ApiAnswer> {
  // Capped by the server, not the caller: any page could otherwise make a browser ask for a huge graph.
  const cap = deps.limits.maxGraphNodes;
  const maxNodes = Math.min(cap, Math.max(1, Number(params.get('maxNodes') ?? cap) || cap));
  try {
    const { graph, truncated } = await graphFromDatabase(deps.driver(), deps.config.database, maxNodes);
    return { status: 200, json: truncated ? { ...graph, attributes: { ...graph.attributes, truncated: true } } : graph };
  } catch (err) {
    return neo4jErrorAnswer(err, deps);
  }
}
