/**
 * How the engine plans a MATCH (src/cypher/plan-match.ts, match.ts, execute.ts): index lookups and
 * pushed-down WHERE conjuncts give the same rows as a plain scan, a var bound outside survives the
 * walk, and a LIMIT stops the clauses before it early (seen through the intermediate-row budget).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paramsFromJson, runQuery } from '../../src/cypher/engine.ts';
import { graphFromSnapshot } from '../../src/cypher/snapshot-graph.ts';

const snapshot = JSON.parse(readFileSync(new URL('../fixtures/neo4j/mini-snapshot.json', import.meta.url), 'utf8'));
const graph = graphFromSnapshot(snapshot);
const rows = (q: string, params: Record<string, unknown> = {}, limits = {}) => runQuery(graph, q, paramsFromJson(params), limits).rows;
const sorted = (rs: Record<string, unknown>[]) => rs.map((r) => JSON.stringify(r)).sort();

describe('planning a match', () => {
  it('finds by property equality (pattern or WHERE, OR of two keys) what a scan finds', () => {
    const ids = snapshot.nodes.filter((n: { attributes: { kind: string } }) => n.attributes.kind === 'Paper').map((n: { key: string }) => n.key);
    expect(ids.length).toBeGreaterThan(1);
    for (const id of ids) {
      const scan = rows('MATCH (p:Paper) WITH p WHERE toString(p.id) = $id RETURN p.id AS id, p.title AS t', { id });
      expect(scan).toHaveLength(1);
      expect(rows('MATCH (p:Paper {id: $id}) RETURN p.id AS id, p.title AS t', { id })).toEqual(scan);
      expect(rows('MATCH (p) WHERE p.title = $id OR p.id = $id RETURN p.id AS id, p.title AS t', { id })).toEqual(scan);
      expect(rows('MATCH (p:Paper) WHERE p.title = $t RETURN p.id AS id, p.title AS t', { t: scan[0]!.t })).toEqual(scan);
    }
    expect(rows('MATCH (p:Paper) WHERE p.id = null RETURN p')).toEqual([]);
  });

  it('checks each WHERE conjunct once its variables are bound, with the same rows as after the match', () => {
    const q = 'MATCH (p:Paper)-[r]->(b) WHERE (b:Benchmark OR b:Dataset) AND p.year >= 2020 AND type(r) <> "MENTIONS" RETURN p.id AS p, type(r) AS t, b.id AS b';
    const late = 'MATCH (p:Paper)-[r]->(b) WITH p, r, b WHERE (b:Benchmark OR b:Dataset) AND p.year >= 2020 AND type(r) <> "MENTIONS" RETURN p.id AS p, type(r) AS t, b.id AS b';
    expect(rows(q).length).toBeGreaterThan(0);
    expect(sorted(rows(q))).toEqual(sorted(rows(late)));
  });

  it('keeps a variable bound before the MATCH through every candidate', () => {
    const q = 'MATCH (b:Benchmark) MATCH (p:Paper)-[:EVALUATED_ON]->(b) RETURN b.id AS b, p.id AS p';
    const late = 'MATCH (p:Paper)-[:EVALUATED_ON]->(b:Benchmark) RETURN b.id AS b, p.id AS p';
    expect(rows(q).length).toBeGreaterThan(0);
    expect(sorted(rows(q))).toEqual(sorted(rows(late)));
  });

  it('stops early for a LIMIT, and for the answer row budget, within an intermediate-row budget a full run exceeds', () => {
    const tight = { maxIntermediateRows: 50 };
    expect(() => rows('UNWIND range(1, 1000) AS i RETURN i', {}, { ...tight, maxRows: 10_000 })).toThrow(/intermediate rows/);
    expect(rows('UNWIND range(1, 1000) AS i RETURN i LIMIT 3', {}, tight)).toEqual([{ i: 1 }, { i: 2 }, { i: 3 }]);
    expect(rows('MATCH (p:Paper) UNWIND range(1, 1000) AS i RETURN i, p.id AS p SKIP 2 LIMIT 5', {}, tight)).toHaveLength(5);
    expect(rows('MATCH (a), (b), (c) RETURN a.id AS a LIMIT 4', {}, tight)).toHaveLength(4);
    const cut = runQuery(graph, 'UNWIND range(1, 1000) AS i RETURN i', {}, { ...tight, maxRows: 20 });
    expect(cut.rows).toHaveLength(20);
    expect(cut.truncated).toBe(true);
    // ORDER BY reads every row: no early stop.
    expect(() => rows('UNWIND range(1, 1000) AS i RETURN i ORDER BY i LIMIT 3', {}, tight)).toThrow(/intermediate rows/);
  });
});
