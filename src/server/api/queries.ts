/** GET /api/queries: the example queries of graph/queries, for the console's gallery. */
import { readExampleQueries, type ExampleQuery } from '../../store/neo4j/cypher-files.ts';
import type { ApiAnswer } from './neo4j-deps.ts';

let cached: Omit<ExampleQuery, 'file'>[] | undefined;

export function handleQueries(): ApiAnswer {
  cached ??= readExampleQueries().map(({ name, description, params, text }) => ({ name, description, params, text }));
  return { status: 200, json: { queries: cached } };
}
