/**
 * The built-in engine's graph built as the snapshot streams past holds exactly the loader's plan
 * (what Neo4j holds after `papergraph load`), however the stream is cut into batches.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PropertyGraph, Value } from '../../src/cypher/graph-store.ts';
import { SnapshotGraphBuilder, graphFromSnapshot } from '../../src/cypher/snapshot-graph.ts';
import { CLUSTER_INTEGER_PROPERTIES, INTEGER_PROPERTIES, planLoad, type Props } from '../../src/model/load-rows.ts';
import { readSnapshotGraph } from '../../src/store/snapshot-read.ts';
import { SnapshotError } from '../../src/store/snapshot.ts';

const text = readFileSync(new URL('../fixtures/neo4j/mini-snapshot.json', import.meta.url), 'utf8');
const snapshot = JSON.parse(text);
const dir = mkdtempSync(join(tmpdir(), 'pg-engine-graph-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const plain = (v: Value): unknown => (typeof v === 'bigint' ? `int:${v}` : v);
const props = (p: Record<string, Value>) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, plain(v)]).sort(([a], [b]) => String(a).localeCompare(String(b))));
const idOf = (labels: string[], p: Record<string, Value>) => `${labels.join(':')}/${String(p.id)}`;

/** Nodes and relationships as sorted lines, independent of the order they were added in. */
function contents(graph: PropertyGraph): { nodes: string[]; rels: string[] } {
  return {
    nodes: graph.nodes.map((n) => `${idOf(n.labels, n.props)} ${JSON.stringify(props(n.props))}`).sort(),
    rels: graph.rels.map((r) => `${idOf(r.start.labels, r.start.props)} -${r.type}-> ${idOf(r.end.labels, r.end.props)} ${JSON.stringify(props(r.props))}`).sort(),
  };
}

/** The loader's plan written the same way, with its integer properties as Neo4j stores them. */
function planContents(): { nodes: string[]; rels: string[] } {
  const plan = planLoad(snapshot);
  const typed = (p: Props, ints: ReadonlySet<string>) => props(Object.fromEntries(Object.entries(p).map(([k, v]) => [k, ints.has(k) && Number.isInteger(v) ? BigInt(v as number) : (v as Value)])));
  const nodes: string[] = [];
  const ids = new Map<string, string>();
  for (const [label, rows] of plan.nodes)
    for (const row of rows) {
      const p = typed(row.props, label === 'Cluster' ? CLUSTER_INTEGER_PROPERTIES : INTEGER_PROPERTIES);
      const id = `${label}/${row.id}`;
      ids.set(`${label === 'Cluster' ? 'cluster:' : ''}${row.id}`, id);
      nodes.push(`${id} ${JSON.stringify(p)}`);
    }
  const rels = plan.edges.flatMap((g) => g.rows.map((row) => `${ids.get(row.source)} -${g.type}-> ${ids.get(`${g.to === 'Cluster' ? 'cluster:' : ''}${row.target}`)} ${JSON.stringify(typed(row.props, INTEGER_PROPERTIES))}`));
  return { nodes: nodes.sort(), rels: rels.sort() };
}

describe('the engine graph of a snapshot', () => {
  it('holds the loader plan, read from the file as it streams', async () => {
    const file = join(dir, 'graph.json');
    writeFileSync(file, text);
    const got = contents(await readSnapshotGraph(file));
    expect(got).toEqual(planContents());
    expect(got.rels.some((r) => r.includes('-IN_CLUSTER->'))).toBe(true);
  });

  it('is the same graph whether the nodes and edges come one at a time or all at once', () => {
    const builder = new SnapshotGraphBuilder();
    builder.header(snapshot);
    for (const n of snapshot.nodes) builder.nodes([n]);
    for (const e of snapshot.edges) builder.edges([e]);
    expect(contents(builder.finish())).toEqual(contents(graphFromSnapshot(snapshot)));
  });

  it('refuses a link to a node the snapshot lacks, naming the file', async () => {
    const file = join(dir, 'dangling.json');
    writeFileSync(file, JSON.stringify({ ...snapshot, edges: [...snapshot.edges, { key: 'x', source: 'paper:a', target: 'paper:nowhere', attributes: { type: 'CITES' } }] }));
    const err = await readSnapshotGraph(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SnapshotError);
    expect((err as Error).message).toContain(file);
    expect((err as Error).message).toContain('paper:nowhere');
  });
});
