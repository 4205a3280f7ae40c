/** The ingest on the real demo corpus and the visible gold: what issue 2 and 3 promise. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKnowledgeGraph, readRecords } from '../../src/pipeline.ts';
import { evaluate, type GoldFile } from '../../src/eval/evaluate.ts';
import type { PaperGraph } from '../../src/assemble/graph.ts';
import { writeSnapshot } from '../../src/store/snapshot.ts';
import { asLink } from '../support/edges.ts';

const SHARED = resolve(fileURLToPath(new URL('../../..', import.meta.url)), 'shared');
const CORPUS = resolve(SHARED, 'corpus', 'trending-papers.txt');
const gold = JSON.parse(readFileSync(resolve(SHARED, 'gold', 'seed-gold.json'), 'utf8')) as GoldFile;

let graph: PaperGraph;
beforeAll(async () => {
  const { records, diagnostics } = await readRecords([CORPUS]);
  expect(diagnostics).toEqual([]);
  graph = buildKnowledgeGraph(records);
});

const papersOn = (g: PaperGraph, entity: string) => g.inNeighbors(entity).filter((n) => g.getNodeAttribute(n, 'kind') === 'Paper');

describe('the demo corpus', () => {
  it('has 58 Paper nodes named by the exact titles', () => {
    const titles = graph.filterNodes((_, a) => a.kind === 'Paper').map((n) => graph.getNodeAttribute(n, 'name'));
    expect(titles).toHaveLength(58);
    for (const p of gold.papers) expect(titles).toContain(p.title);
  });

  it('links the three KILT papers to one KILT node, however each abstract spells it', () => {
    const kilt = graph.filterNodes((_, a) => a.kind !== 'Paper' && /kilt/i.test(a.name));
    expect(kilt).toEqual(['benchmark:kilt']);
    const papers = papersOn(graph, 'benchmark:kilt');
    expect(papers).toHaveLength(3);
    const surfaces = new Set(papers.flatMap((p) => asLink(graph.getEdgeAttributes(p, 'benchmark:kilt')).evidence.map((e) => e.surface)));
    expect(surfaces.size).toBeGreaterThan(1);
  });

  it('has one node each for COCO, MTEB and nuScenes', () => {
    for (const name of ['COCO', 'MTEB', 'nuScenes']) {
      const nodes = graph.filterNodes((_, a) => (a.kind === 'Dataset' || a.kind === 'Benchmark') && a.name === name);
      expect(nodes, name).toHaveLength(1);
      expect(papersOn(graph, nodes[0]!).length, name).toBeGreaterThan(0);
    }
  });

  it('meets the extraction bar of the visible gold: P and R >= 0.95, concepts >= 90%, no junk', () => {
    const e = evaluate(graph, gold);
    expect(e.unmatchedTitles).toEqual([]);
    expect(e.precision).toBeGreaterThanOrEqual(0.95);
    expect(e.recall).toBeGreaterThanOrEqual(0.95);
    for (const c of e.concepts) expect(c.linked / c.total, c.name).toBeGreaterThanOrEqual(0.9);
    expect(e.junk).toEqual([]);
  });

  it('gives every cluster a label and places every node', () => {
    const clusters = graph.getAttribute('clusters');
    expect(clusters.length).toBeGreaterThan(1);
    for (const c of clusters) expect(c.label.length).toBeGreaterThan(0);
    graph.forEachNode((n, a) => {
      expect(Number.isFinite(a.x) && Number.isFinite(a.y), n).toBe(true);
      expect(clusters.some((c) => c.id === a.cluster), n).toBe(true);
    });
  });

  it('streams the snapshot file byte for byte as graph.export() serializes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-snapshot-'));
    const file = await writeSnapshot(dir, graph);
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(graph.export())}\n`);
  });

  it('is deterministic: two runs give identical snapshots', async () => {
    const { records } = await readRecords([CORPUS]);
    const again = buildKnowledgeGraph(records);
    expect(JSON.stringify(again.export())).toBe(JSON.stringify(graph.export()));
  });
});
