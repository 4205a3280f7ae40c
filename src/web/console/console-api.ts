/** The console's calls to `papergraph serve`'s JSON API (src/server/api/), typed by src/model/api.ts. */
import type { CypherError, CypherResult, ExampleQuery } from '../../model/api.ts';
import { siteMode } from '../state/site.ts';

export type { CypherError, CypherResult, ExampleQuery } from '../../model/api.ts';

export interface Health {
  connected: boolean;
  hint?: string;
  /** Who answers Cypher: Neo4j through the server, or the built-in engine in the browser (no Neo4j, or no server at all). */
  engine: 'neo4j' | 'built-in';
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return { error: text.slice(0, 300) || response.statusText };
  }
}

export async function runCypher(query: string, params: Record<string, unknown>, signal?: AbortSignal): Promise<{ ok: true; result: CypherResult } | { ok: false; error: CypherError }> {
  let response: Response;
  try {
    response = await fetch('api/cypher', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, params }), signal });
  } catch (err) {
    return { ok: false, error: { status: 0, error: `the server did not answer: ${(err as Error).message}` } };
  }
  const body = (await readJson(response)) as Record<string, unknown>;
  if (!response.ok) return { ok: false, error: { status: response.status, ...(body as object), error: String(body.error ?? response.statusText) } as CypherError };
  return { ok: true, result: body as unknown as CypherResult };
}

export async function fetchHealth(): Promise<Health> {
  // A published site has no API: the built-in engine answers, and nothing is asked first.
  if (siteMode().published) return { connected: false, engine: 'built-in' };
  try {
    const response = await fetch('api/health');
    // A static site has no API: the built-in engine answers there.
    if (!response.ok) return { connected: false, engine: 'built-in' };
    const body = (await response.json()) as { engine?: string; neo4j?: { connected?: boolean; hint?: string } };
    return { connected: body.neo4j?.connected === true, hint: body.neo4j?.hint, engine: body.engine === 'built-in' ? 'built-in' : 'neo4j' };
  } catch {
    return { connected: false, engine: 'built-in' };
  }
}

/** The gallery: from the server's API, or from queries.json beside a published site. */
export async function fetchExamples(): Promise<ExampleQuery[]> {
  for (const url of siteMode().published ? ['queries.json'] : ['api/queries', 'queries.json']) {
    try {
      const response = await fetch(url);
      if (response.ok) return ((await response.json()) as { queries?: ExampleQuery[] }).queries ?? [];
    } catch {
      /* try the next place */
    }
  }
  return [];
}
