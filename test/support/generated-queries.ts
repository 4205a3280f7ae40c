/**
 * Read queries generated from a snapshot's own names and ids, for comparing the built-in engine with
 * Neo4j: every template is filled with values picked evenly from the graph (deterministic, no
 * randomness), so the same snapshot always gives the same queries. Templates with ORDER BY order
 * on every returned column, so ties cannot differ between the two.
 */
import type { Snapshot } from '../../src/model/snapshot.ts';

export interface GeneratedQuery {
  query: string;
  params: Record<string, unknown>;
}

function pick<T>(list: T[], n: number): T[] {
  if (list.length <= n) return list;
  return Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)]!);
}

export function generateQueries(s: Snapshot, perTemplate = 15): GeneratedQuery[] {
  const byKind = (k: string) => s.nodes.filter((n) => n.attributes?.kind === k).sort((a, b) => (a.key < b.key ? -1 : 1));
  const papers = byKind('Paper');
  const datasets = byKind('Dataset');
  const concepts = byKind('Concept');
  const tasks = byKind('Task');
  const benchmarks = [...byKind('Benchmark'), ...datasets];
  const years = [...new Set(papers.map((p) => (p.attributes as { year?: number }).year).filter((y): y is number => typeof y === 'number'))].sort();
  const clusters = [...new Set(s.nodes.map((n) => n.attributes?.cluster).filter((c): c is number => typeof c === 'number' && c >= 0))].sort((a, b) => a - b);
  const words = pick([...new Set(concepts.flatMap((c) => String(c.attributes!.name).toLowerCase().split(/\s+/)).filter((w) => w.length > 3))].sort(), perTemplate);
  const out: GeneratedQuery[] = [];
  const each = <T>(values: T[], make: (v: T, i: number) => GeneratedQuery) => pick(values, perTemplate).forEach((v, i) => out.push(make(v, i)));

  for (const label of ['Paper', 'Dataset', 'Benchmark', 'Task', 'Concept', 'Author', 'Category', 'Venue', 'Cluster']) {
    out.push({ query: `MATCH (n:${label}) RETURN count(n) AS c, count(DISTINCT n.name) AS names`, params: {} });
  }
  for (const type of ['EVALUATED_ON', 'INTRODUCES', 'ADDRESSES', 'MENTIONS', 'PART_OF', 'SIMILAR_TO', 'IN_CLUSTER', 'AUTHORED_BY']) {
    out.push({ query: `MATCH (a)-[r:${type}]->(b) WITH b, count(*) AS c RETURN coalesce(b.name, b.label) AS name, c ORDER BY c DESC, name LIMIT 10`, params: {} });
  }
  each(papers, (p) => ({ query: 'MATCH (p:Paper {id: $id})-[r]-(x) RETURN type(r) AS t, labels(x) AS l, x.id AS id, startNode(r) = p AS outgoing', params: { id: p.key } }));
  each(papers, (p) => ({ query: 'MATCH (p:Paper) WHERE p.id = $id OPTIONAL MATCH (p)-[:ADDRESSES]->(t:Task) RETURN p.title AS title, min(t.name) AS firstTask, max(t.name) AS lastTask, count(t) AS n', params: { id: p.key } }));
  each(papers, (p) => ({ query: 'MATCH (p:Paper {id: $id}) RETURN size([(p)-[:MENTIONS]->(k) | k]) AS mentions, EXISTS { (p)-[:INTRODUCES]->() } AS introduces, size([(p)-[:EVALUATED_ON]->(d) | d.id]) > 0 AS evaluates', params: { id: p.key } }));
  each(papers, (p) => ({ query: "MATCH (p:Paper {id: $id}) RETURN toUpper(substring(p.title, 0, 12)) AS a, size(split(p.title, ' ')) AS words, head(split(p.title, ' ')) AS first, last(split(p.title, ' ')) AS lastWord, toLower(p.title) ENDS WITH 's' AS plural", params: { id: p.key } }));
  each(papers, (p) => ({ query: "MATCH (p:Paper {id: $id}) UNWIND coalesce(p.authors, ['nobody']) AS a RETURN a, CASE WHEN size(a) > 12 THEN 'long' WHEN size(a) > 6 THEN 'medium' ELSE 'short' END AS len ORDER BY a, len", params: { id: p.key } }));
  each(papers, (p) => ({ query: 'MATCH path = (a:Paper {id: $id})-[:EVALUATED_ON|INTRODUCES]->(d)<-[:EVALUATED_ON|INTRODUCES]-(b:Paper) RETURN length(path) AS l, [n IN nodes(path) | n.id] AS ids, [r IN relationships(path) | type(r)] AS types', params: { id: p.key } }));
  each(papers, (p) => ({ query: 'MATCH (p:Paper {id: $id})-[s:SIMILAR_TO]-(q:Paper) RETURN q.id AS other, round(s.score * 1000) AS score ORDER BY score DESC, other LIMIT 5', params: { id: p.key } }));
  each(benchmarks, (d) => ({ query: 'MATCH (p:Paper)-[:EVALUATED_ON|INTRODUCES]->(d {id: $id}) RETURN p.title AS title ORDER BY title', params: { id: d.key } }));
  each(benchmarks, (d) => ({ query: 'MATCH (d {id: $id})<-[:EVALUATED_ON]-(:Paper)-[:EVALUATED_ON]->(o) WHERE o <> d RETURN DISTINCT o.name AS name ORDER BY name', params: { id: d.key } }));
  each(datasets, (d) => ({ query: 'MATCH (d:Dataset {id: $id}) OPTIONAL MATCH (d)-[:PART_OF]->(b:Benchmark) RETURN d.name AS name, b.name AS suite, d.confidence < 1 AS fromContext, size(coalesce(d.aliases, [])) AS aliases', params: { id: d.key } }));
  each(concepts, (k) => ({ query: 'MATCH (p:Paper)-[r:MENTIONS]->(k:Concept {id: $id}) RETURN count(r) AS n, sum(r.weight) AS s, round(avg(r.weight) * 1000) AS a, min(p.year) AS y0, max(p.year) AS y1, collect(DISTINCT p.year) IS NOT NULL AS any', params: { id: k.key } }));
  each(concepts, (k) => ({ query: 'MATCH (k:Concept {id: $id})<-[:MENTIONS]-(p:Paper)-[:MENTIONS]->(o:Concept) WITH o, count(DISTINCT p) AS n WHERE n >= 2 RETURN o.name AS other, n ORDER BY n DESC, other LIMIT 10', params: { id: k.key } }));
  each(tasks, (t) => ({ query: 'MATCH (t:Task {id: $id})<-[:ADDRESSES]-(p:Paper) RETURN t.name AS task, count(p) AS papers, [x IN collect(p.year) WHERE x IS NOT NULL | x] IS NOT NULL AS ok', params: { id: t.key } }));
  each(words, (w) => ({ query: 'MATCH (p:Paper)-[:MENTIONS]->(k:Concept) WHERE toLower(k.name) CONTAINS $w RETURN k.name AS k, count(DISTINCT p) AS n ORDER BY n DESC, k LIMIT 20', params: { w } }));
  each(words, (w) => ({ query: 'MATCH (n) WHERE (n:Dataset OR n:Task OR n:Concept) AND toLower(n.name) STARTS WITH $w RETURN labels(n)[0] AS kind, n.name AS name ORDER BY kind, name', params: { w: w.slice(0, 3) } }));
  each(papers, (p) => ({ query: 'MATCH (p:Paper)-[:MENTIONS]->(k:Concept)<-[:MENTIONS]-(q:Paper {id: $id}) WHERE p <> q AND NOT (p)-[:SIMILAR_TO]-(q) RETURN count(DISTINCT p) AS unrelated', params: { id: p.key } }));
  each(words, (w) => ({ query: 'MATCH (d:Dataset) WHERE d.name =~ $re RETURN d.name AS n ORDER BY n', params: { re: `(?i).*${w.slice(0, 3).replace(/[^a-z0-9]/g, '')}.*` } }));
  each(years, (y) => ({ query: 'MATCH (p:Paper) WHERE p.year >= $y RETURN p.year AS year, count(*) AS c ORDER BY year', params: { y } }));
  each(years, (y) => ({ query: 'MATCH (p:Paper) WHERE p.year IN [$y, $y + 1] AND NOT p.title STARTS WITH "A" RETURN count(*) AS c, count(p.doi) AS withDoi', params: { y } }));
  each(clusters, (c) => ({ query: 'MATCH (c:Cluster {id: $c})<-[:IN_CLUSTER]-(n) RETURN labels(n)[0] AS kind, count(*) AS c ORDER BY kind', params: { c } }));
  each(clusters, (c) => ({ query: 'MATCH (c:Cluster)<-[:IN_CLUSTER]-(p:Paper)-[:EVALUATED_ON]->(d) WHERE c.id = $c WITH d, count(p) AS n RETURN percentileDisc(n, 0.5) AS med, max(n) AS mx, count(d) AS datasets', params: { c } }));
  each(clusters, (c) => ({ query: 'MATCH (c:Cluster {id: $c}) RETURN c.label AS label, c.size AS size, [(c)<-[:IN_CLUSTER]-(p:Paper) WHERE p.year IS NOT NULL | p.year][0..0] = [] AS none', params: { c } }));
  each(pick(papers, perTemplate * 2).slice(perTemplate), (p, i) => {
    const other = papers[(i * 7 + 3) % papers.length]!;
    return { query: 'MATCH (a:Paper {id: $a}), (b:Paper {id: $b}) WHERE a <> b OPTIONAL MATCH path = shortestPath((a)-[:EVALUATED_ON|INTRODUCES|ADDRESSES|MENTIONS*..6]-(b)) RETURN length(path) AS hops', params: { a: p.key, b: other.key } };
  });
  out.push({ query: 'UNWIND range(1, 10) AS x WITH x WHERE x % 3 <> 0 RETURN collect(x) AS xs, reduce(s = 0, v IN collect(x) | s + v) AS total, all(v IN collect(x) WHERE v > 0) AS positive', params: {} });
  out.push({ query: 'MATCH (p:Paper) WITH p ORDER BY p.id LIMIT 50 RETURN count(*) AS c, min(p.id) AS first', params: {} });
  out.push({ query: 'MATCH (p:Paper) RETURN p.id AS id ORDER BY id SKIP 5 LIMIT 10', params: {} });
  out.push({ query: 'MATCH (p:Paper) WHERE p.venue IS NULL RETURN count(*) AS c UNION MATCH (p:Paper) WHERE p.venue IS NOT NULL RETURN count(*) AS c', params: {} });
  return out;
}
