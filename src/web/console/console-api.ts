/** The console's calls to `papergraph serve`'s JSON API (src/server/api/), typed by src/model/api.ts. */
import type { CypherError, CypherResult, ExampleQuery } from '../../model/api.ts';

export type { CypherError, CypherResult, ExampleQuery } from '../../model/api.ts';

export interface Health {
  connected: boolean;
  hint?: string;
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
  try {
    const response = await fetch('api/health');
    if (!response.ok) return { connected: false, hint: `the API answered HTTP ${response.status}` };
    const body = (await response.json()) as { neo4j?: { connected?: boolean; hint?: string } };
    return { connected: body.neo4j?.connected === true, hint: body.neo4j?.hint };
  } catch (err) {
    return { connected: false, hint: (err as Error).message };
  }
}

export async function fetchExamples(): Promise<ExampleQuery[]> {
  try {
    const response = await fetch('api/queries');
    if (!response.ok) return [];
    return ((await response.json()) as { queries?: ExampleQuery[] }).queries ?? [];
  } catch {
    return [];
  }
}
