/**
 * GET /api/health: whether the server runs, whether Neo4j answers (never where, nor with which
 * credentials) and which engine answers /api/cypher: `neo4j`, or `built-in` when none is configured.
 */
import { classifyNeo4jError } from '../../store/neo4j/errors.ts';
import { NEEDS_NEO4J, type ApiAnswer, type Neo4jDeps } from './neo4j-deps.ts';

export async function handleHealth(deps: Neo4jDeps, engine: 'neo4j' | 'built-in' = 'neo4j'): Promise<ApiAnswer> {
  if (engine === 'built-in') return { status: 200, json: { ok: true, engine, neo4j: { connected: false, hint: NEEDS_NEO4J }, limits: deps.limits } };
  try {
    const r = await deps.driver().executeQuery('CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition', {}, { database: deps.config.database, routing: 'READ' });
    const rec = r.records[0];
    return { status: 200, json: { ok: true, engine, neo4j: { connected: true, version: rec?.get('version'), edition: rec?.get('edition') }, limits: deps.limits } };
  } catch (err) {
    const f = classifyNeo4jError(err, deps.config);
    return { status: 200, json: { ok: true, engine, neo4j: { connected: false, kind: f.kind, hint: NEEDS_NEO4J }, limits: deps.limits } };
  }
}
