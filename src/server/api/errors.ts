/** Neo4j failures -> HTTP answers, by Neo4j error code (through classifyNeo4jError), never by message. */
import { classifyNeo4jError } from '../../store/neo4j/errors.ts';
import { NEEDS_NEO4J, type ApiAnswer, type Neo4jDeps } from './neo4j-deps.ts';

const STATUS: Record<string, number> = {
  syntax: 400,
  'invalid-query': 400,
  'write-refused': 403,
  timeout: 408,
  unreachable: 503,
  unauthorized: 503,
  'database-not-found': 503,
  other: 500,
};

export function neo4jErrorAnswer(err: unknown, deps: Neo4jDeps): ApiAnswer {
  const f = classifyNeo4jError(err, deps.config);
  const status = STATUS[f.kind] ?? 500;
  if (status === 503) {
    // The browser learns what to do, not where the database is or with which password.
    const reason = f.kind === 'unreachable' ? 'Neo4j is not reachable' : f.kind === 'unauthorized' ? 'Neo4j refused the configured credentials' : 'the configured Neo4j database does not exist';
    return { status, json: { error: `${reason}. ${NEEDS_NEO4J}`, code: f.code, kind: f.kind } };
  }
  if (status === 500) console.error(`papergraph serve: Neo4j error ${f.code}: ${f.detail}`);
  return {
    status,
    json: {
      error: f.kind === 'syntax' || f.kind === 'invalid-query' ? (f.detail ?? f.message) : f.message,
      code: f.code,
      kind: f.kind,
      ...(f.position ? { position: f.position } : {}),
    },
  };
}
