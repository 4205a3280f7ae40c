/**
 * GET /api/search?q=: papers through the full-text index over title and abstract, and entities through
 * the one over names. The user's words are escaped for Lucene and travel as a parameter, so any text
 * is a search, never a query-syntax error.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { neo4jErrorAnswer } from './errors.ts';
import type { ApiAnswer, Neo4jDeps } from './neo4j-deps.ts';

export interface SearchHit {
  id: string;
  kind: string;
  name: string;
  score: number;
}

/** Lucene query text from free text: each word escaped, prefix-matched, all words optional. */
export function luceneQuery(text: string): string | undefined {
  const words = text
    .split(/\s+/)
    .map((w) => w.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, (c) => `\\${c}`))
    .filter((w) => w.length > 0)
    .slice(0, 16);
  if (words.length === 0) return undefined;
  // Wildcard terms skip the analyzer, so their prefix is lower-cased by hand.
  return words.map((w) => (w.length >= 3 && !w.endsWith('\\') ? `${w} OR ${w.toLowerCase()}*` : w)).join(' OR ');
}

const SEARCH = `
CALL {
  CALL db.index.fulltext.queryNodes('paper_text', $q, {limit: $limit}) YIELD node, score
  RETURN node, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('entity_name', $q, {limit: $limit}) YIELD node, score
  RETURN node, score
}
RETURN node.id AS id, labels(node)[0] AS kind, coalesce(node.title, node.name) AS name, score
ORDER BY score DESC LIMIT $limit`;

export async function search(driver: Driver, database: string | undefined, text: string, limit: number): Promise<SearchHit[]> {
  const q = luceneQuery(text);
  if (!q) return [];
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  try {
    const result = await session.executeRead((tx) => tx.run(SEARCH, { q, limit: neo4j.int(Math.trunc(limit)) }), { timeout: 5_000 });
    return result.records.map((r) => ({ id: r.get('id'), kind: r.get('kind'), name: r.get('name'), score: r.get('score') }));
  } finally {
    await session.close();
  }
}

export async function handleSearch(params: URLSearchParams, deps: Neo4jDeps): Promise<ApiAnswer> {
  const text = params.get('q') ?? '';
  if (text.length > 500) return { status: 400, json: { error: 'q is longer than 500 characters', kind: 'bad-request' } };
  const limit = Math.min(100, Math.max(1, Number(params.get('limit') ?? 20) || 20));
  try {
    return { status: 200, json: { q: text, results: await search(deps.driver(), deps.config.database, text, limit) } };
  } catch (err) {
    return neo4jErrorAnswer(err, deps);
  }
}
