/**
 * The built-in Cypher engine (src/cypher/) on the hand-written mini snapshot: the Neo4j view of the
 * snapshot, clauses, expressions, refusals, budgets and the answer's shape.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paramsFromJson, runQuery } from '../../src/cypher/engine.ts';
import { CypherError } from '../../src/cypher/errors.ts';
import { graphFromSnapshot } from '../../src/cypher/snapshot-graph.ts';

const snapshot = JSON.parse(readFileSync(new URL('../fixtures/neo4j/mini-snapshot.json', import.meta.url), 'utf8'));
const graph = graphFromSnapshot(snapshot);
const rows = (q: string, params: Record<string, unknown> = {}) => runQuery(graph, q, paramsFromJson(params)).rows;
const fails = (q: string): CypherError => {
  try {
    runQuery(graph, q, {});
  } catch (err) {
    if (err instanceof CypherError) return err;
    throw err;
  }
  throw new Error(`no error from ${q}`);
};

describe('the snapshot as Neo4j holds it', () => {
  it('has Paper titles, Cluster nodes with IN_CLUSTER links and integer years', () => {
    expect(rows('MATCH (p:Paper {id: "paper:b"}) RETURN p.title AS t, p.name AS n, p.year AS y')).toEqual([{ t: 'Generative retrieval B', n: 'Generative retrieval B', y: 2023 }]);
    expect(rows('MATCH (c:Cluster)<-[:IN_CLUSTER]-(p:Paper) RETURN c.id AS c, c.label AS label, count(p) AS papers ORDER BY c')).toEqual([
      { c: 0, label: 'retrieval', papers: 2 },
      { c: 1, label: 'detection', papers: 2 },
    ]);
    expect(rows('MATCH (p:Paper {id: "paper:a"}) RETURN p.year / 4 AS intDiv, p.year / 4.0 AS floatDiv')).toEqual([{ intDiv: 505, floatDiv: 505.5 }]);
  });

  it('stores evidence as a JSON string, as the loader does', () => {
    const [r] = rows('MATCH (:Paper {id: "paper:a"})-[r:EVALUATED_ON]->(:Benchmark) RETURN r.evidence AS e');
    expect(typeof r!.e).toBe('string');
    expect(JSON.parse(r!.e as string)[0].surface).toBeTruthy();
  });
});

describe('clauses and expressions', () => {
  it('matches patterns with direction, several types and variable length', () => {
    expect(rows('MATCH (p:Paper)-[:EVALUATED_ON|INTRODUCES]->(d:Dataset {name: "COCO"}) RETURN p.id AS p ORDER BY p')).toEqual([{ p: 'paper:c' }, { p: 'paper:d' }]);
    expect(rows('MATCH (d:Dataset {name: "COCO"})-[:EVALUATED_ON]->(p) RETURN p')).toEqual([]);
    expect(rows('MATCH (a:Paper {id: "paper:a"})-[*2]-(b:Paper) RETURN DISTINCT b.id AS b')).toEqual([{ b: 'paper:b' }]);
  });

  it('keeps rows in OPTIONAL MATCH, with nulls', () => {
    expect(rows('MATCH (p:Paper) OPTIONAL MATCH (p)-[:ADDRESSES]->(t:Task) RETURN p.id AS p, t.name AS t ORDER BY p')).toEqual([
      { p: 'paper:a', t: null },
      { p: 'paper:b', t: null },
      { p: 'paper:c', t: 'object detection' },
      { p: 'paper:d', t: null },
    ]);
  });

  it('finds a shortest path and names it', () => {
    const [r] = rows('MATCH (a:Paper {id: "paper:a"}), (b:Paper {id: "paper:c"}) MATCH path = shortestPath((a)-[:EVALUATED_ON|MENTIONS*..6]-(b)) RETURN length(path) AS hops, [n IN nodes(path) | n.id] AS ids');
    expect(r!.hops).toBe(4);
    expect((r!.ids as string[])[0]).toBe('paper:a');
    expect((r!.ids as string[])[4]).toBe('paper:c');
  });

  it('aggregates, orders, skips and limits', () => {
    expect(rows('MATCH (p:Paper)-[:EVALUATED_ON]->(d) WITH d, count(p) AS n, collect(p.id) AS ps RETURN d.name AS d, n, size(ps) AS s ORDER BY n DESC, d SKIP 1 LIMIT 1')).toEqual([{ d: 'KILT', n: 2, s: 2 }]);
    expect(rows('UNWIND [1, 2, 3, 4] AS x RETURN sum(x) AS s, avg(x) AS a, min(x) AS lo, max(x) AS hi, percentileDisc(x, 0.5) AS pd, percentileCont(x, 0.5) AS pc')).toEqual([{ s: 10, a: 2.5, lo: 1, hi: 4, pd: 2, pc: 2.5 }]);
    expect(rows('MATCH (n:Nothing) RETURN count(*) AS c, collect(n) AS l')).toEqual([{ c: 0, l: [] }]);
  });

  it('evaluates WHERE predicates with three-valued logic', () => {
    expect(rows('MATCH (p:Paper) WHERE p.year > 2021 AND p.title STARTS WITH "Gen" RETURN p.id AS p')).toEqual([{ p: 'paper:b' }]);
    expect(rows('MATCH (p:Paper) WHERE p.year IS NULL RETURN p.id AS p')).toEqual([{ p: 'paper:d' }]);
    expect(rows('MATCH (p:Paper) WHERE p.title =~ "(?i)detector.*" AND NOT (p)-[:ADDRESSES]->() RETURN p.id AS p')).toEqual([{ p: 'paper:d' }]);
    expect(rows('MATCH (p:Paper) WHERE EXISTS { (p)-[:MENTIONS]->(:Concept) } RETURN count(p) AS c')).toEqual([{ c: 2 }]);
    expect(rows('RETURN null = 1 AS a, null OR true AS b, null AND false AS c, 2 IN [1, null] AS d')).toEqual([{ a: null, b: true, c: false, d: null }]);
  });

  it('has CASE, list comprehensions, parameters and the common functions', () => {
    expect(rows('UNWIND $xs AS x RETURN CASE WHEN x > 1 THEN "big" ELSE "small" END AS size, [y IN range(1, 3) | y * 2] AS ys', { xs: [1, 2] })).toEqual([
      { size: 'small', ys: [2, 4, 6] },
      { size: 'big', ys: [2, 4, 6] },
    ]);
    expect(rows('RETURN toUpper("ab") AS u, toLower("AB") AS l, split("a,b", ",") AS s, substring("hello", 1, 3) AS sub, head([1, 2]) AS h, last([1, 2]) AS t, coalesce(null, 3) AS c, size("abc") AS n')).toEqual([
      { u: 'AB', l: 'ab', s: ['a', 'b'], sub: 'ell', h: 1, t: 2, c: 3, n: 3 },
    ]);
    expect(rows('MATCH (p:Paper {id: "paper:c"})-[r:SIMILAR_TO]->(q) RETURN labels(p) AS l, type(r) AS t, keys(q) CONTAINS "x" AS k, properties(q).id AS id')).toHaveLength(1);
  });
});

describe('refusals and budgets', () => {
  it.each([
    ['CREATE (:Paper {title: "x"})', /CREATE/],
    ['MATCH (p:Paper) SET p.title = "x"', /SET/],
    ['MERGE (p:Paper {id: "x"})', /MERGE/],
    ['MATCH (n) DETACH DELETE n', /DELETE/],
    ['MATCH (n) REMOVE n.title', /REMOVE/],
    ['LOAD CSV FROM "file:///etc/passwd" AS l RETURN l', /LOAD CSV/],
    ['CALL db.labels()', /CALL/],
  ])('refuses %s before it runs', (q, why) => {
    const err = fails(q);
    expect(err.kind).toBe('write-refused');
    expect(err.message).toMatch(why);
    expect(rows('MATCH (p:Paper) RETURN count(p) AS c')).toEqual([{ c: 4 }]);
  });

  it('reports syntax errors with line and column', () => {
    const err = fails('MATCH (p:Paper\nRETURN p');
    expect(err.kind).toBe('syntax');
    expect(err.position?.line).toBe(2);
  });

  it('stops a query at its time budget and cuts answers at the row budget', () => {
    const t0 = performance.now();
    expect(() => runQuery(graph, 'UNWIND range(1, 3000) AS x UNWIND range(1, 3000) AS y WITH x, y WHERE x * y < 0 RETURN count(*)', {}, { timeoutMs: 200 })).toThrow(/time budget of 200 ms/);
    expect(() => runQuery(graph, 'UNWIND range(1, 3000) AS x UNWIND range(1, 3000) AS y RETURN count(*)', {}, { maxIntermediateRows: 100_000 })).toThrow(/more than 100000 intermediate rows/);
    expect(() => runQuery(graph, 'RETURN size(range(1, 100000000)) AS n', {})).toThrow(/at most/);
    expect(performance.now() - t0).toBeLessThan(10_000);
    const r = runQuery(graph, 'UNWIND range(1, 50) AS x RETURN x', {}, { maxRows: 10 });
    expect(r.rows).toHaveLength(10);
    expect(r.truncated).toBe(true);
  });
});

describe('the answer has the Neo4j path shape', () => {
  it('returns nodes keyed by papergraph id, relationships by element ids, and the graph to highlight', () => {
    const r = runQuery(graph, 'MATCH (p:Paper {id: "paper:a"})-[e:EVALUATED_ON]->(b:Benchmark) RETURN p, e, b, [p, b] AS both', {});
    expect(r.columns).toEqual(['p', 'e', 'b', 'both']);
    const row = r.rows[0]! as Record<string, { id?: string; elementId: string; labels?: string[]; startElementId?: string }>;
    expect(row.p!.id).toBe('paper:a');
    expect(row.p!.labels).toEqual(['Paper']);
    expect(row.e!.startElementId).toBe(row.p!.elementId);
    expect(r.graph.nodes.map((n) => n.id).sort()).toEqual(['benchmark:kilt', 'paper:a']);
    expect(r.graph.relationships).toHaveLength(1);
    const [cluster] = runQuery(graph, 'MATCH (c:Cluster {id: 1}) RETURN c', {}).rows;
    expect((cluster!.c as { id: string }).id).toBe('cluster:1');
  });
});
