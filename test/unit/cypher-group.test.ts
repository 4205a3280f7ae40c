/**
 * Grouping and the walk's indexes (src/cypher/group.ts, agg-columns.ts, int-set.ts, graph-store.ts):
 * DISTINCT aggregates over many groups give the rows a plain computation gives, DISTINCT keeps
 * Cypher's equivalence at the edges of its integer path, the number of groups has a budget, and
 * the per-type adjacency lists and label arrays follow the graph when it grows.
 */
import { describe, expect, it } from 'vitest';
import { runQuery } from '../../src/cypher/engine.ts';
import { CypherError } from '../../src/cypher/errors.ts';
import { PropertyGraph, type Value } from '../../src/cypher/graph-store.ts';
import { IntSet } from '../../src/cypher/int-set.ts';
import { keyOf } from '../../src/cypher/values.ts';

const rows = (graph: PropertyGraph, q: string, limits = {}) => runQuery(graph, q, {}, limits).rows;

/** A graph of G groups linked to items, each link repeated a few times (so DISTINCT has work), with item values of every kind. */
function linkedGraph(groups: number, items: number) {
  const graph = new PropertyGraph();
  const kinds: Value[] = [1n, 1, 2n, -3n, 2.5, 9007199254740993n, 9007199254740992n, 'a', [1n], [1], null, 40000n];
  const is = Array.from({ length: items }, (_, i) => graph.addNode(['I'], { n: BigInt(i), v: kinds[i % kinds.length]! }));
  const gs = Array.from({ length: groups }, (_, g) => graph.addNode(['G'], { g: BigInt(g) }));
  const links = new Map<number, number[]>();
  gs.forEach((g, gi) => {
    const mine: number[] = [];
    for (let k = 0; k < 3 + (gi % 11); k++) {
      const ii = (gi * 7 + k * k * 13) % items;
      mine.push(ii);
      graph.addRel('L', g, is[ii]!, {});
    }
    links.set(gi, mine);
  });
  return { graph, kinds, links };
}

describe('grouping', () => {
  it('counts and collects DISTINCT nodes and values per group as a plain computation does, over hundreds of groups', () => {
    const { graph, kinds, links } = linkedGraph(600, 97);
    const got = rows(graph, 'MATCH (g:G)-[:L]->(i:I) WITH g, count(DISTINCT i) AS items, collect(DISTINCT i.v) AS values, count(i) AS links RETURN g.g AS g, items, size(values) AS values, links ORDER BY g', { maxRows: 1000 });
    expect(got).toHaveLength(600);
    for (const [gi, mine] of links) {
      const values = new Set(mine.map((ii) => kinds[ii % kinds.length]!).filter((v) => v !== null).map(keyOf));
      expect(got[gi]).toEqual({ g: gi, items: new Set(mine).size, values: values.size, links: mine.length });
    }
  });

  it('keeps DISTINCT equivalence at the edges: 1 = 1.0, integers past 2^53 apart, lists by their items, nulls left out', () => {
    const graph = new PropertyGraph();
    const [r] = rows(graph, 'UNWIND [1, 1.0, 2, -3, -3, 2.5, 2.5, "a", "a", [1], [1.0], null, 9007199254740993, 9007199254740992, 9007199254740993] AS x RETURN count(DISTINCT x) AS n, collect(DISTINCT x) AS xs');
    expect(r).toEqual({ n: 8, xs: [1, 2, -3, 2.5, 'a', [1], '9007199254740993', '9007199254740992'] });
    const byGroup = rows(graph, 'UNWIND range(1, 3000) AS i WITH i % 700 AS g, i % 7 AS v RETURN g, count(DISTINCT v) AS n, count(DISTINCT toFloat(v)) AS f ORDER BY g', { maxRows: 1000 });
    expect(byGroup).toHaveLength(700);
    for (const { g, n, f } of byGroup as { g: number; n: number; f: number }[]) {
      const vs = new Set<number>();
      for (let i = g === 0 ? 700 : g; i <= 3000; i += 700) vs.add(i % 7);
      expect([n, f]).toEqual([vs.size, vs.size]);
    }
  });

  it('refuses more groups than the intermediate-row budget from a streamed MATCH, and groups within it', () => {
    const { graph } = linkedGraph(60, 20);
    const refused = (q: string) => {
      try {
        rows(graph, q, { maxIntermediateRows: 50 });
      } catch (err) {
        return err as CypherError;
      }
      throw new Error(`no error from ${q}`);
    };
    // Only a streamed grouping can pass the budget: kept rows are within it already, and groups are fewer.
    for (const q of ['MATCH (g:G)-[:L]->(i:I) RETURN g, count(DISTINCT i) AS n', 'MATCH (g:G)-[:L]->(i:I) WITH g, count(*) AS n RETURN count(*) AS groups']) {
      const err = refused(q);
      expect(err).toBeInstanceOf(CypherError);
      expect(err.kind).toBe('timeout');
      expect(err.message).toMatch(/more than 50 groups/);
    }
    expect(rows(graph, 'MATCH (g:G)-[:L]->(i:I) RETURN i.n AS i, count(DISTINCT g) AS n', { maxIntermediateRows: 50 })).toHaveLength(20);
  });
});

describe('the indexes a walk reads', () => {
  it('follows the graph as it grows: a new relationship in the per-type lists, a new label in the label arrays', () => {
    const graph = new PropertyGraph();
    const a = graph.addNode(['A'], {});
    const b = graph.addNode(['B'], {});
    graph.addRel('T', a, b, {});
    graph.addRel('U', a, b, {});
    const count = (q: string) => rows(graph, q)[0]!.n;
    expect(count('MATCH (:A)-[:T]->(:B) RETURN count(*) AS n')).toBe(1);
    expect(count('MATCH (:B)<-[:T|U]-(:A) RETURN count(*) AS n')).toBe(2);
    expect(count('MATCH (:A)-[:V]->() RETURN count(*) AS n')).toBe(0);
    const c = graph.addNode(['B', 'C'], {});
    graph.addRel('T', a, c, {});
    graph.addRel('V', c, a, {});
    expect(count('MATCH (:A)-[:T]->(:B) RETURN count(*) AS n')).toBe(2);
    expect(count('MATCH (:A)-[:T]->(:C) RETURN count(*) AS n')).toBe(1);
    expect(count('MATCH (:A)<-[:V]-(:C) RETURN count(*) AS n')).toBe(1);
  });

  it('keeps integers in its typed-array set as a Set keeps them, across growth and high bits', () => {
    const set = new IntSet();
    const plain = new Set<number>();
    let added = 0;
    // Each key comes three times (i, i + 2000, i + 4000); half of them with bit 40 set.
    for (let i = 0; i < 6000; i++) {
      const k = ((i * 7919) % 2000) + (i % 4 < 2 ? 0 : 2 ** 40);
      const fresh = set.add(k);
      expect(fresh).toBe(!plain.has(k));
      plain.add(k);
      if (fresh) added++;
    }
    expect(added).toBe(2000);
  });
});
