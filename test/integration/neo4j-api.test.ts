/**
 * The Neo4j JSON API of `papergraph serve`, over a real HTTP server on 127.0.0.1 and the real Neo4j
 * loaded with the demo corpus: example queries, refused writes, timeout, syntax errors, body limit,
 * parameters, search, the graph from the database, health, and Neo4j being down.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import { neo4jRoutes } from '../../src/server/api/routes.ts';
import { readExampleQueries } from '../../src/store/neo4j/cypher-files.ts';
import { loadSnapshotIntoNeo4j } from '../../src/store/neo4j/load.ts';
import { runReadQuery } from '../../src/store/neo4j/query.ts';
import type { Snapshot } from '../../src/model/snapshot.ts';
import { countsInDatabase, expectedCounts, linkEdges, loadCorpusExclusively, testDriver, testEnv, testNeo4j } from './neo4j-helpers.ts';
import { asLink } from '../support/edges.ts';

let driver: Driver;
let release: () => void;
let snapshot: Snapshot;
let server: RunningServer;
let down: RunningServer;
/** A server whose timeout is short, so the timeout test is quick; the others get a long one, so a loaded machine cannot turn a demo query into a 408. */
let strict: RunningServer;

beforeAll(async () => {
  driver = testDriver();
  ({ release, snapshot } = await loadCorpusExclusively(driver));
  const env = { ...testEnv(), PAPERGRAPH_CYPHER_TIMEOUT_MS: '60000', PAPERGRAPH_CYPHER_MAX_ROWS: '500' };
  server = await startServer({ port: 0, host: '127.0.0.1', env, modules: [neo4jRoutes()], bodyLimitBytes: 64 * 1024 });
  strict = await startServer({ port: 0, host: '127.0.0.1', env: { ...env, PAPERGRAPH_CYPHER_TIMEOUT_MS: '1500' }, modules: [neo4jRoutes()] });
  down = await startServer({ port: 0, host: '127.0.0.1', env: { ...env, NEO4J_URI: 'bolt://127.0.0.1:1' }, modules: [neo4jRoutes()] });
});

afterAll(async () => {
  await server?.close();
  await down?.close();
  await strict?.close();
  release?.();
  await driver?.close();
});

async function post(path: string, body: unknown, base = server.url) {
  const res = await fetch(new URL(path, base), { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> & { rows: Record<string, unknown>[] }, headers: res.headers };
}
async function get(path: string, base = server.url) {
  const res = await fetch(new URL(path, base));
  return { status: res.status, json: (await res.json()) as Record<string, unknown>, text: '' };
}

describe('POST /api/cypher', () => {
  it('answers every example query as the store does, with columns, rows, graph and summary', async () => {
    for (const q of readExampleQueries()) {
      const r = await post('/api/cypher', { query: q.text, params: q.params });
      expect(r.status, q.name).toBe(200);
      const direct = await runReadQuery(driver, q.text, q.params, { database: testNeo4j().database, timeoutMs: 20_000, maxRows: 500 });
      expect(r.json.columns, q.name).toEqual(direct.columns);
      expect(r.json.rows, q.name).toEqual(direct.rows);
      expect(r.json.rows.length, q.name).toBeGreaterThan(0);
      expect(r.json.summary).toMatchObject({ truncated: false, rowCount: direct.rows.length });
    }
  });

  it('returns the papers sharing KILT with the nodes and relationships to highlight', async () => {
    const q = readExampleQueries().find((x) => x.name === 'papers-on-benchmark')!;
    const r = await post('/api/cypher', { query: q.text, params: { benchmark: 'KILT' } });
    const expected = snapshot.edges
      .filter((e) => e.target === 'benchmark:kilt' && ['EVALUATED_ON', 'INTRODUCES'].includes(e.attributes!.type))
      .map((e) => (snapshot.nodes.find((n) => n.key === e.source)!.attributes as { name: string }).name)
      .sort();
    expect(r.json.rows.map((row) => row.paper)).toEqual(expected);
    const graph = r.json.graph as { nodes: { id: string }[]; relationships: { type: string }[] };
    expect(graph.nodes.map((n) => n.id)).toContain('benchmark:kilt');
    expect(graph.nodes.length).toBe(expected.length + 1);
    expect(graph.relationships.length).toBe(expected.length);
  });

  it('refuses writes with 403 and changes nothing', async () => {
    const before = await countsInDatabase(driver);
    expect(before).toEqual(expectedCounts(snapshot));
    for (const query of [
      "CREATE (:Paper {id: 'paper:evil'})",
      "MERGE (d:Dataset {id: 'dataset:evil'})",
      "MATCH (p:Paper) SET p.title = 'x'",
      'MATCH (n) DETACH DELETE n',
      'MATCH (p:Paper) CALL { WITH p DETACH DELETE p } IN TRANSACTIONS OF 10 ROWS RETURN count(*)',
      "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
      "LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS row CREATE (:Evil {line: row[0]})",
    ]) {
      const r = await post('/api/cypher', { query });
      expect(r.status, query).toBe(403);
      expect(r.json.kind, query).toBe('write-refused');
      expect(r.json.error, query).toMatch(/^refused: /);
    }
    expect(await countsInDatabase(driver)).toEqual(before);
  });

  it('stops a slow query with 408', async () => {
    const t0 = performance.now();
    // Ten billion rows: no machine counts them inside the 1.5 s limit, so the 408 cannot depend on load.
    const r = await post('/api/cypher', { query: 'UNWIND range(1, 10000000000) AS i WITH i WHERE i % 7 = 0 RETURN count(*) AS n' }, strict.url);
    expect(r.status).toBe(408);
    expect(r.json.kind).toBe('timeout');
    // Stopped by the limit, not left to run: far below the minutes the count would take.
    expect(performance.now() - t0).toBeLessThan(60_000);
  });

  it('answers a syntax error with 400, Neo4j message and position', async () => {
    const r = await post('/api/cypher', { query: 'MATCH (p:Paper)\nRETURN p.title ORDER BY' });
    expect(r.status).toBe(400);
    expect(r.json.kind).toBe('syntax');
    expect(r.json.code).toBe('Neo.ClientError.Statement.SyntaxError');
    expect(r.json.position).toMatchObject({ line: 2 });
    expect(typeof r.json.error).toBe('string');
  });

  it('caps the rows and says the result was truncated', async () => {
    const r = await post('/api/cypher', { query: 'UNWIND range(1, 2000) AS i RETURN i' });
    expect(r.status).toBe(200);
    expect(r.json.rows).toHaveLength(500);
    expect(r.json.summary).toMatchObject({ truncated: true, rowCount: 500, maxRows: 500 });
  });

  it('refuses an oversized body with 413 and a malformed one with 400', async () => {
    const big = await post('/api/cypher', { query: `RETURN '${'x'.repeat(70_000)}'` });
    expect(big.status).toBe(413);
    expect((await post('/api/cypher', '{"query": ')).status).toBe(400);
    expect((await post('/api/cypher', { query: 42 })).json.error).toMatch(/"query" must be a non-empty string/);
    expect((await post('/api/cypher', { query: 'RETURN 1', params: [1] })).status).toBe(400);
  });

  it('passes parameters as parameters: a title with quotes and } matches itself', async () => {
    const title = 'Retriever "A": {braces} and quotes';
    const fixture = JSON.parse(readFileSync(new URL('../fixtures/neo4j/mini-snapshot.json', import.meta.url), 'utf8')) as Snapshot;
    // Only the fixture paper with that title; its other nodes would change the corpus answers.
    fixture.nodes = fixture.nodes.filter((n) => n.key === 'paper:a');
    fixture.edges = [];
    fixture.attributes.clusters = [];
    (fixture.nodes[0]!.attributes as { cluster: number }).cluster = -1;
    await loadSnapshotIntoNeo4j(fixture, { driver, database: testNeo4j().database });
    try {
      const r = await post('/api/cypher', { query: 'MATCH (p:Paper) WHERE p.title = $title RETURN p.title AS title, p.id AS id', params: { title } });
      expect(r.status).toBe(200);
      expect(r.json.rows).toEqual([{ title, id: 'paper:a' }]);
      const none = await post('/api/cypher', { query: 'MATCH (p:Paper) WHERE p.title = $title RETURN p', params: { title: `${title}' OR 1=1 //` } });
      expect(none.json.rows).toEqual([]);
    } finally {
      await driver.executeQuery("MATCH (p:Paper {id: 'paper:a'}) DETACH DELETE p", {}, { database: testNeo4j().database });
    }
  });
});

describe('GET /api/search, /api/graph, /api/health, /api/queries', () => {
  it('finds KILT and its papers through the full-text indexes, and takes any text', async () => {
    const r = await get('/api/search?q=KILT');
    expect(r.status).toBe(200);
    const results = r.json.results as { id: string; kind: string }[];
    expect(results.map((x) => x.id)).toContain('benchmark:kilt');
    expect(results.filter((x) => x.kind === 'Paper').length).toBeGreaterThanOrEqual(3);
    const odd = await get(`/api/search?q=${encodeURIComponent('"} ( retrieval* AND: \\')}`);
    expect(odd.status).toBe(200);
    expect((odd.json.results as unknown[]).length).toBeGreaterThan(0);
    expect((await get('/api/search?q=')).json.results).toEqual([]);
  });

  it('builds the explorer graph from the database in the snapshot shape', async () => {
    const r = await get('/api/graph');
    expect(r.status).toBe(200);
    const g = r.json as unknown as Snapshot;
    expect(g.nodes.length).toBe(snapshot.nodes.length);
    expect(g.edges.length).toBe(snapshot.edges.length);
    expect(g.attributes.clusters!.map((c) => c.id).sort()).toEqual(snapshot.attributes.clusters!.map((c) => c.id).sort());
    const kilt = g.nodes.find((n) => n.key === 'benchmark:kilt')!;
    const original = snapshot.nodes.find((n) => n.key === 'benchmark:kilt')!;
    expect(kilt.attributes).toMatchObject({ kind: 'Benchmark', name: 'KILT', cluster: original.attributes!.cluster, x: original.attributes!.x });
    const edge = linkEdges(snapshot)[0]!;
    expect(asLink(g.edges.find((e) => e.source === edge.source && e.target === edge.target)!.attributes).evidence).toEqual(edge.attributes.evidence);
  });

  it('reports health without credentials, and the example queries for the gallery', async () => {
    const h = await get('/api/health');
    expect(h.json).toMatchObject({ ok: true, neo4j: { connected: true, version: expect.stringMatching(/^5\./) } });
    expect(JSON.stringify(h.json)).not.toContain(testNeo4j().password);
    const q = await get('/api/queries');
    expect((q.json.queries as { name: string }[]).map((x) => x.name)).toContain('papers-on-benchmark');
  });
});

describe('without Neo4j', () => {
  it('answers 503 saying how to get a Neo4j, and health says it is not connected', async () => {
    const r = await post('/api/cypher', { query: 'RETURN 1' }, down.url);
    expect(r.status).toBe(503);
    expect(r.json.error).toMatch(/Neo4j is not reachable\. Cypher needs a Neo4j: start the bundled one with `npm run neo4j:start`/);
    expect(JSON.stringify(r.json)).not.toContain('127.0.0.1:1');
    expect((await get('/api/search?q=kilt', down.url)).status).toBe(503);
    expect((await get('/api/health', down.url)).json).toMatchObject({ ok: true, neo4j: { connected: false, kind: 'unreachable' } });
  });
});
