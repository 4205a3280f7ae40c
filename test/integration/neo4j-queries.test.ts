/**
 * The example queries of graph/queries on the demo corpus, each checked against the answer computed
 * straight from the snapshot; and `papergraph query`: formats, parameters, refused writes, errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { main } from '../../src/cli/main.ts';
import { readExampleQueries, type ExampleQuery } from '../../src/store/neo4j/cypher-files.ts';
import { runReadQuery } from '../../src/store/neo4j/query.ts';
import type { Snapshot } from '../../src/model/snapshot.ts';
import { countsInDatabase, expectedCounts, loadCorpusExclusively, testDriver, testEnv, testNeo4j } from './neo4j-helpers.ts';
import { asLink } from '../support/edges.ts';

let driver: Driver;
let release: () => void;
let snapshot: Snapshot;
const queries = new Map<string, ExampleQuery>(readExampleQueries().map((q) => [q.name, q]));

beforeAll(async () => {
  driver = testDriver();
  ({ release, snapshot } = await loadCorpusExclusively(driver));
});

afterAll(async () => {
  release?.();
  await driver?.close();
});

async function run(name: string, params: Record<string, unknown> = {}) {
  const q = queries.get(name);
  if (!q) throw new Error(`no example query ${name}`);
  return runReadQuery(driver, q.text, { ...q.params, ...params }, { database: testNeo4j().database, timeoutMs: 20_000, maxRows: 10_000 });
}

// --- answers computed from the snapshot's JSON, independently of Cypher ---
const LINK_TO_BENCHMARK = new Set(['EVALUATED_ON', 'INTRODUCES']);
const node = (key: string) => snapshot.nodes.find((n) => n.key === key)!;
const nameOf = (key: string) => (node(key).attributes as { name: string }).name;
const kindOf = (key: string) => node(key).attributes!.kind;
const clusterOf = (key: string) => node(key).attributes!.cluster;
const benchmarkLinks = () => snapshot.edges.filter((e) => LINK_TO_BENCHMARK.has(e.attributes!.type) && ['Benchmark', 'Dataset'].includes(kindOf(e.target)) && kindOf(e.source) === 'Paper');

describe('example queries on the demo corpus', () => {
  it('has a description and runnable defaults for each of the seven queries', () => {
    expect([...queries.keys()].sort()).toEqual([
      'benchmarks-shared-in-cluster',
      'citations-of-paper',
      'concepts-bridging-clusters',
      'datasets-used-by-one-paper',
      'papers-in-concept-family',
      'papers-on-benchmark',
      'papers-sharing-benchmark',
      'shortest-path-between-papers',
    ]);
    for (const q of queries.values()) expect(q.description.length).toBeGreaterThan(40);
  });

  it('papers-in-concept-family: papers on reinforcement learning or any narrower kind of it', async () => {
    const r = await run('papers-in-concept-family');
    const inFamily = (key: string) => nameOf(key) === 'reinforcement learning' || ((node(key).attributes as { ancestors?: string[] }).ancestors ?? []).includes('reinforcement learning');
    const expected = [...new Set(snapshot.edges.filter((e) => e.attributes!.type === 'MENTIONS' && kindOf(e.target) === 'Concept' && inFamily(e.target)).map((e) => nameOf(e.source)))].sort();
    expect(expected.length).toBeGreaterThanOrEqual(1);
    expect(r.rows.map((row) => row.paper)).toEqual(expected);
  });

  it('papers-on-benchmark: the papers sharing KILT', async () => {
    const r = await run('papers-on-benchmark', { benchmark: 'KILT' });
    const expected = benchmarkLinks().filter((e) => nameOf(e.target) === 'KILT').map((e) => nameOf(e.source)).sort();
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(expected).toContain('CorpusBrain: Pre-train a Generative Retrieval Model for Knowledge-Intensive Language Tasks');
    expect(r.rows.map((row) => row.paper)).toEqual(expected);
    // Each row carries the evidence of its link: the sentences that name KILT (or one of its aliases).
    const evidence = new Map(benchmarkLinks().filter((e) => e.target === 'benchmark:kilt').map((e) => [nameOf(e.source), asLink(e.attributes).evidence]));
    for (const row of r.rows) expect(JSON.parse(row.evidence as string)).toEqual(evidence.get(row.paper as string));
    for (const row of r.rows) expect(JSON.parse(row.evidence as string).length).toBeGreaterThan(0);
    expect(r.graph.nodes.some((n) => n.id === 'benchmark:kilt')).toBe(true);
  });

  it('papers-sharing-benchmark: who else evaluates on what CorpusBrain evaluates on', async () => {
    const q = queries.get('papers-sharing-benchmark')!;
    const title = q.params.paper as string;
    const paperKey = snapshot.nodes.find((n) => (n.attributes as { name: string }).name === title)!.key;
    const mine = new Set(benchmarkLinks().filter((e) => e.source === paperKey).map((e) => e.target));
    const shared = new Map<string, Set<string>>();
    for (const e of benchmarkLinks()) {
      if (e.source === paperKey || !mine.has(e.target)) continue;
      const set = shared.get(nameOf(e.source)) ?? new Set();
      set.add(nameOf(e.target));
      shared.set(nameOf(e.source), set);
    }
    expect(shared.size).toBeGreaterThanOrEqual(2);
    const r = await run('papers-sharing-benchmark');
    expect(Object.fromEntries(r.rows.map((row) => [row.paper, [...(row.shared as string[])].sort()]))).toEqual(
      Object.fromEntries([...shared].map(([p, s]) => [p, [...s].sort()])),
    );
  });

  it('benchmarks-shared-in-cluster: benchmarks used by two or more papers of one cluster', async () => {
    const counts = new Map<string, Set<string>>();
    for (const e of benchmarkLinks()) {
      const k = `${clusterOf(e.source)} ${nameOf(e.target)}`;
      counts.set(k, (counts.get(k) ?? new Set()).add(e.source));
    }
    const expected = [...counts].filter(([, p]) => p.size >= 2).map(([k, p]) => `${k} ${p.size}`).sort();
    expect(expected.length).toBeGreaterThan(0);
    const r = await run('benchmarks-shared-in-cluster');
    expect(r.rows.map((row) => `${row.cluster} ${row.benchmark} ${row.papers}`).sort()).toEqual(expected);
    const one = await run('benchmarks-shared-in-cluster', { cluster: r.rows[0]!.cluster });
    expect(one.rows.every((row) => row.cluster === r.rows[0]!.cluster)).toBe(true);
    expect(one.rows.length).toBe(expected.filter((k) => k.startsWith(`${r.rows[0]!.cluster} `)).length);
  });

  it('concepts-bridging-clusters: concepts mentioned from two or more clusters', async () => {
    const clusters = new Map<string, Set<number>>();
    for (const e of snapshot.edges) {
      if (e.attributes!.type !== 'MENTIONS' || kindOf(e.target) !== 'Concept') continue;
      clusters.set(nameOf(e.target), (clusters.get(nameOf(e.target)) ?? new Set()).add(clusterOf(e.source)));
    }
    const expected = [...clusters].filter(([, c]) => c.size >= 2).map(([k, c]) => `${k}: ${[...c].sort((a, b) => a - b).join(',')}`).sort();
    expect(expected.length).toBeGreaterThan(3);
    const r = await run('concepts-bridging-clusters');
    expect(r.rows.map((row) => `${row.concept}: ${[...(row.clusters as number[])].sort((a, b) => a - b).join(',')}`).sort()).toEqual(expected);
    const [a, b] = [...(r.rows[0]!.clusters as number[])];
    const pair = await run('concepts-bridging-clusters', { a, b });
    expect(pair.rows.length).toBeGreaterThan(0);
    expect(pair.rows.every((row) => (row.clusters as number[]).includes(a!) && (row.clusters as number[]).includes(b!))).toBe(true);
  });

  it('shortest-path-between-papers: as short as a breadth-first search over shared entities finds', async () => {
    const q = queries.get('shortest-path-between-papers')!;
    const keyOf = (title: string) => snapshot.nodes.find((n) => (n.attributes as { name: string }).name === title)!.key;
    const [from, to] = [keyOf(q.params.from as string), keyOf(q.params.to as string)];
    const through = new Set(['EVALUATED_ON', 'INTRODUCES', 'ADDRESSES', 'MENTIONS']);
    const adjacent = new Map<string, string[]>();
    for (const e of snapshot.edges) {
      if (!through.has(e.attributes!.type)) continue;
      adjacent.set(e.source, [...(adjacent.get(e.source) ?? []), e.target]);
      adjacent.set(e.target, [...(adjacent.get(e.target) ?? []), e.source]);
    }
    const dist = new Map([[from, 0]]);
    const queue = [from];
    while (queue.length) {
      const k = queue.shift()!;
      for (const n of adjacent.get(k) ?? []) {
        if (dist.has(n)) continue;
        dist.set(n, dist.get(k)! + 1);
        queue.push(n);
      }
    }
    expect(dist.get(to)).toBeGreaterThan(0);
    const r = await run('shortest-path-between-papers');
    expect(r.rows).toHaveLength(1);
    expect(Number(r.rows[0]!.hops)).toBe(dist.get(to));
    const steps = r.rows[0]!.steps as string[];
    expect(steps[0]).toBe(q.params.from);
    expect(steps.at(-1)).toBe(q.params.to);
  });

  it('datasets-used-by-one-paper: the datasets a single paper evaluates on or introduces', async () => {
    const users = new Map<string, Set<string>>();
    for (const e of benchmarkLinks()) if (kindOf(e.target) === 'Dataset') users.set(nameOf(e.target), (users.get(nameOf(e.target)) ?? new Set()).add(nameOf(e.source)));
    const expected = [...users].filter(([, p]) => p.size === 1).map(([d, p]) => `${d} <- ${[...p][0]}`).sort();
    expect(expected.length).toBeGreaterThan(3);
    const r = await run('datasets-used-by-one-paper');
    expect(r.rows.map((row) => `${row.dataset} <- ${row.paper}`).sort()).toEqual(expected);
  });
});

/** Runs the real CLI entry point with captured output. */
async function cli(args: string[], env: NodeJS.ProcessEnv = testEnv()) {
  let out = '';
  let err = '';
  const io = {
    stdout: { write: (s: string) => ((out += s), true), isTTY: false, columns: 200 } as unknown as NodeJS.WritableStream,
    stderr: { write: (s: string) => ((err += s), true), isTTY: false } as unknown as NodeJS.WritableStream,
    env,
    cwd: process.cwd(),
  };
  const code = await main(args, io);
  return { code, out, err };
}

describe('papergraph query', () => {
  it('prints a table, JSON or CSV, with parameters parsed as JSON when they are JSON', async () => {
    const table = await cli(['query', 'MATCH (b:Benchmark {name: $name})<-[:EVALUATED_ON]-(p:Paper) RETURN p.title AS title ORDER BY title', '--param', 'name=KILT']);
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/^title\s*\n-+/);
    expect(table.out).toContain('CorpusBrain');
    expect(table.out).toMatch(/\d+ rows in \d+ ms/);
    const json = await cli(['query', 'RETURN $n + 1 AS n, $s AS s, $list AS list', '--param', 'n=41', '--param', 's=KILT', '--param', 'list=["a","b"]', '--format', 'json']);
    expect(JSON.parse(json.out)).toEqual([{ n: 42, s: 'KILT', list: ['a', 'b'] }]);
    const csv = await cli(['query', 'RETURN $t AS title', '--param', 't=a "quoted", title', '--format', 'csv']);
    expect(csv.out).toBe('title\r\n"a ""quoted"", title"\r\n');
  });

  it('cuts the result at --max-rows and says so', async () => {
    const r = await cli(['query', 'UNWIND range(1, 50) AS i RETURN i', '--max-rows', '7', '--format', 'json']);
    expect(JSON.parse(r.out)).toHaveLength(7);
    expect(r.err).toMatch(/7 rows \(cut at --max-rows 7\)/);
  });

  it('refuses every kind of write and changes nothing', async () => {
    const before = await countsInDatabase(driver);
    expect(before).toEqual(expectedCounts(snapshot));
    const writes = [
      "CREATE (:Paper {id: 'paper:evil'})",
      "MERGE (:Dataset {id: 'dataset:evil'})",
      "MATCH (p:Paper) SET p.title = 'x'",
      'MATCH (p:Paper) DETACH DELETE p',
      'MATCH (p:Paper) REMOVE p.abstract',
      "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
      'MATCH (p:Paper) CALL { WITH p DETACH DELETE p } IN TRANSACTIONS RETURN count(*)',
      'UNWIND range(1, 3) AS i CALL { WITH i RETURN i AS j } IN TRANSACTIONS RETURN j',
      'CREATE INDEX evil IF NOT EXISTS FOR (n:Paper) ON (n.evil)',
      "CALL db.createLabel('Evil')",
      "PROFILE MATCH (p:Paper) SET p.title = 'x'",
    ];
    for (const q of writes) {
      const r = await cli(['query', q]);
      expect(r.code, q).toBe(2);
      expect(r.err, q).toMatch(/^papergraph query: refused: .+\n$/);
      expect(r.out, q).toBe('');
    }
    expect(await countsInDatabase(driver)).toEqual(before);
    const titles = await driver.executeQuery("MATCH (p:Paper) WHERE p.title = 'x' RETURN count(p) AS c", {}, { database: testNeo4j().database });
    expect(titles.records[0]!.get('c').toNumber()).toBe(0);
  });

  it('stops a slow query at --timeout', async () => {
    const r = await cli(['query', 'UNWIND range(1, 200000000) AS i WITH i WHERE i % 7 = 0 RETURN count(*)', '--timeout', '300']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('papergraph query: the query did not finish within the timeout and was stopped (raise it with --timeout)\n');
  });

  it('reports a syntax error with its place, on one line', async () => {
    const r = await cli(['query', 'MATCH (n RETURN n']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^papergraph query: Cypher syntax error: .*line 1, column 10 \(offset: 9\).*\n$/);
  });

  it('says in one line when Neo4j is down, the password is wrong or the database unknown', async () => {
    const env = testEnv();
    const down = await cli(['query', 'RETURN 1'], { ...env, NEO4J_URI: 'bolt://127.0.0.1:1' });
    expect(down).toMatchObject({ code: 3, out: '' });
    expect(down.err).toMatch(/^papergraph query: cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1: .+\n$/);
    const wrong = await cli(['query', 'RETURN 1'], { ...env, NEO4J_PASSWORD: 'not-the-password' });
    expect(wrong).toMatchObject({ code: 3, out: '' });
    expect(wrong.err).toMatch(/^papergraph query: Neo4j at .+ refused the user name or password \(password from NEO4J_PASSWORD\)\n$/);
    const db = await cli(['query', 'RETURN 1'], { ...env, NEO4J_DATABASE: 'nosuchdb' });
    expect(db).toMatchObject({ code: 3, out: '' });
    expect(db.err).toBe('papergraph query: Neo4j has no database "nosuchdb": check NEO4J_DATABASE\n');
    for (const uri of ['neo4j://', 'bolt://']) {
      const ok = await cli(['query', 'RETURN 1 AS one', '--format', 'json'], { ...env, NEO4J_URI: env.NEO4J_URI!.replace('bolt://', uri) });
      expect(JSON.parse(ok.out), uri).toEqual([{ one: 1 }]);
    }
  });
});
