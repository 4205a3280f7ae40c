/**
 * The built-in engine against the real bundled Neo4j, on the demo corpus and on the 2,700-paper
 * corpus (../shared/data/real-formats plus ml-abstracts.jsonl): every gallery query and the queries
 * of test/support/generated-queries.ts must return the same rows, compared in order when the query
 * has ORDER BY and as a multiset otherwise. Nodes compare by papergraph id, relationships by type
 * and properties (element ids differ between the two by design), numbers to 12 significant digits.
 * A list made by collect() is compared as a multiset too: Cypher leaves the order of collected
 * values to the engine (it is the order rows arrive in), and Neo4j's differs run to run.
 */
import { resolve } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paramsFromJson, runQuery } from '../../src/cypher/engine.ts';
import type { PropertyGraph } from '../../src/cypher/graph-store.ts';
import { graphFromSnapshot } from '../../src/cypher/snapshot-graph.ts';
import { buildKnowledgeGraph, readRecords } from '../../src/pipeline.ts';
import { readExampleQueries } from '../../src/store/neo4j/cypher-files.ts';
import { loadSnapshotIntoNeo4j } from '../../src/store/neo4j/load.ts';
import { REPO_ROOT } from '../../src/store/neo4j/paths.ts';
import { runReadQuery } from '../../src/store/neo4j/query.ts';
import type { Snapshot } from '../../src/model/snapshot.ts';
import { generateQueries } from '../support/generated-queries.ts';
import { corpusSnapshot, lockDatabase, testDriver, testNeo4j, wipe } from './neo4j-helpers.ts';

const SHARED = resolve(REPO_ROOT, '..', 'shared');
const LIMITS = { timeoutMs: 60_000, maxRows: 100_000 };

function normal(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isInteger(v) ? v : Number(v.toPrecision(12));
  if (Array.isArray(v)) return v.map(normal);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('labels' in o && 'elementId' in o) return `node ${String(o.id)}`;
    if ('startElementId' in o) return `rel ${String(o.type)} ${JSON.stringify(normal(o.properties))}`;
    if ('nodes' in o && 'relationships' in o) return { path: normal(o.nodes), rels: normal(o.relationships) };
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, normal(o[k])]));
  }
  return v;
}

/** Columns holding a collect(...) result: `collect(...) AS name` anywhere in the query. */
function collectedColumns(query: string): Set<string> {
  return new Set([...query.matchAll(/collect\((?:[^()]|\([^()]*\))*\)\s+AS\s+(\w+)/gi)].map((m) => m[1]!));
}

const rowsText = (query: string, columns: string[], rows: Record<string, unknown>[], ordered: boolean) => {
  const collected = collectedColumns(query);
  const cell = (c: string, v: unknown) => (collected.has(c) && Array.isArray(v) ? v.map((x) => JSON.stringify(normal(x))).sort() : normal(v));
  const lines = rows.map((r) => JSON.stringify(columns.map((c) => cell(c, r[c]))));
  return ordered ? lines : lines.sort();
};

interface Compared {
  query: string;
  params: Record<string, unknown>;
  same: boolean;
  detail?: string;
}

async function compare(driver: Driver, graph: PropertyGraph, query: string, params: Record<string, unknown>): Promise<Compared> {
  try {
    return await compareRows(driver, graph, query, params);
  } catch (err) {
    return { query, params, same: false, detail: `failed: ${(err as Error).message}` };
  }
}

async function compareRows(driver: Driver, graph: PropertyGraph, query: string, params: Record<string, unknown>): Promise<Compared> {
  const neo = await runReadQuery(driver, query, params, { ...LIMITS, database: testNeo4j().database });
  const mine = runQuery(graph, query, paramsFromJson(params), LIMITS);
  const ordered = /\bORDER\s+BY\b/i.test(query);
  const a = rowsText(query, neo.columns, neo.rows, ordered);
  const b = rowsText(query, mine.columns, mine.rows, ordered);
  const same = neo.columns.join() === mine.columns.join() && a.join('\n') === b.join('\n');
  return { query, params, same, detail: same ? undefined : `columns ${neo.columns} vs ${mine.columns}\nneo4j:  ${a.slice(0, 5).join('\n        ')}\nengine: ${b.slice(0, 5).join('\n        ')}` };
}

/** The gallery's shortest path may tie: the same length, and the engine's path must be one of Neo4j's shortest. */
async function compareShortest(driver: Driver, graph: PropertyGraph, query: string, params: Record<string, unknown>): Promise<Compared> {
  const neo = await runReadQuery(driver, query.replace('shortestPath(', 'allShortestPaths('), params, { ...LIMITS, database: testNeo4j().database });
  const mine = runQuery(graph, query, paramsFromJson(params), LIMITS);
  const hops = (rows: Record<string, unknown>[]) => [...new Set(rows.map((r) => r.hops))];
  const stepsOf = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(r.steps));
  const same = neo.rows.length === 0 ? mine.rows.length === 0 : mine.rows.length === 1 && JSON.stringify(hops(neo.rows)) === JSON.stringify(hops(mine.rows)) && stepsOf(neo.rows).includes(stepsOf(mine.rows)[0]!);
  return { query, params, same, detail: same ? undefined : `neo4j hops ${hops(neo.rows)}, engine ${JSON.stringify(mine.rows)}` };
}

async function compareAll(driver: Driver, snapshot: Snapshot): Promise<{ gallery: Compared[]; generated: Compared[] }> {
  await wipe(driver);
  await loadSnapshotIntoNeo4j(snapshot, { driver, database: testNeo4j().database });
  const graph = graphFromSnapshot(snapshot);
  const gallery: Compared[] = [];
  const papers = snapshot.nodes.filter((n) => n.attributes?.kind === 'Paper').map((n) => n.key).sort();
  for (const q of readExampleQueries()) {
    if (!q.name.startsWith('shortest-path')) {
      gallery.push(await compare(driver, graph, q.text, q.params));
      continue;
    }
    // The defaults name two demo papers; on other corpora pairs of the corpus's own papers stand in.
    gallery.push(await compareShortest(driver, graph, q.text, q.params));
    for (let i = 0; i < 5; i++) {
      const pair = { from: papers[(i * 131) % papers.length]!, to: papers[(i * 131 + 17) % papers.length]! };
      gallery.push(await compareShortest(driver, graph, q.text, pair));
    }
  }
  const generated: Compared[] = [];
  for (const q of generateQueries(snapshot)) generated.push(await compare(driver, graph, q.query, q.params));
  return { gallery, generated };
}

const failures = (list: Compared[]) => list.filter((c) => !c.same).map((c) => `${c.query} ${JSON.stringify(c.params)}\n${c.detail}`);

let driver: Driver;
let release: () => void;

beforeAll(async () => {
  driver = testDriver();
  release = await lockDatabase();
});

afterAll(async () => {
  release?.();
  await driver?.close();
});

describe('the built-in engine answers as Neo4j does', () => {
  it('on the demo corpus: every gallery query and the generated queries', async () => {
    const { snapshot } = await corpusSnapshot();
    const { gallery, generated } = await compareAll(driver, snapshot);
    expect(gallery).toHaveLength(readExampleQueries().length + 5);
    expect(generated.length).toBeGreaterThanOrEqual(300);
    expect({ gallery: failures(gallery), generated: failures(generated) }).toEqual({ gallery: [], generated: [] });
  }, 600_000);

  it('on the 2,700-paper corpus: every gallery query and at least 300 generated queries', async () => {
    const { records } = await readRecords([resolve(SHARED, 'data', 'real-formats'), resolve(SHARED, 'corpus', 'ml-abstracts.jsonl')]);
    const snapshot = buildKnowledgeGraph(records).export() as Snapshot;
    expect(snapshot.nodes.filter((n) => n.attributes?.kind === 'Paper').length).toBeGreaterThan(2_500);
    const { gallery, generated } = await compareAll(driver, snapshot);
    expect(gallery).toHaveLength(readExampleQueries().length + 5);
    expect(generated.length).toBeGreaterThanOrEqual(300);
    expect({ gallery: failures(gallery), generated: failures(generated) }).toEqual({ gallery: [], generated: [] });
  }, 900_000);
});
