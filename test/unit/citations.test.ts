/**
 * Citations end to end without a database: fetched pages with known references give exactly the
 * expected CITES edges and outside counts in the snapshot, similarity gains bibliographic coupling
 * and co-citation, and --library marks the user's papers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import type { EdgeAttributes, NodeAttributes, PaperNodeAttributes } from '../../src/model/schema.ts';
import { paperSimilarities } from '../../src/analyze/similarity.ts';
import { buildGraph } from '../../src/assemble/graph.ts';
import { mergeRecords } from '../../src/pipeline.ts';
import type { PaperRecord } from '../../src/model/paper.ts';
import { FIXTURES } from '../support/replay-server.ts';
import { OPENALEX_CITES, OPENALEX_OUTSIDE, S2_CITES, ingestFetched } from '../support/citation-corpus.ts';

function snapshotOf(dir: string) {
  return Graph.from(JSON.parse(readFileSync(join(dir, 'graph.json'), 'utf8'))) as Graph<NodeAttributes, EdgeAttributes>;
}

function citesByTitle(g: Graph<NodeAttributes, EdgeAttributes>) {
  return g
    .filterEdges((_, a) => a.type === 'CITES')
    .map((e) => [g.getNodeAttribute(g.source(e), 'name'), g.getNodeAttribute(g.target(e), 'name')] as [string, string])
    .sort();
}

describe('CITES from fetched references', () => {
  it('OpenAlex referenced_works give the expected edges and outside counts', async () => {
    const r = await ingestFetched('openalex');
    expect(r.code).toBe(0);
    const g = snapshotOf(r.out);
    expect(citesByTitle(g)).toEqual([...OPENALEX_CITES].sort());
    const outside = Object.fromEntries(g.filterNodes((_, a) => a.kind === 'Paper').map((n) => [g.getNodeAttribute(n, 'name'), (g.getNodeAttributes(n) as PaperNodeAttributes).referencesOutside]));
    expect(outside).toEqual(OPENALEX_OUTSIDE);
    expect(r.stdout).toMatch(/links .*11 CITES/);
    expect(r.stdout).toMatch(/citations\s+11 CITES within the corpus; 5 references to papers outside it \(8 papers list references\)/);
  });

  it('Semantic Scholar references (asked for with the batch endpoint) give the expected edges', async () => {
    const r = await ingestFetched('s2');
    expect(r.code).toBe(0);
    const g = snapshotOf(r.out);
    expect(citesByTitle(g)).toEqual([...S2_CITES].sort());
    const mteb = g.findNode((_, a) => a.name === 'MTEB: Massive Text Embedding Benchmark')!;
    expect(g.getNodeAttributes(mteb)).toMatchObject({ referenceCount: 1, referencesOutside: 1 });
  });

  it('a source without references adds no citation attributes (arXiv)', async () => {
    const r = await ingestFetched('arxiv');
    expect(r.code).toBe(0);
    const g = snapshotOf(r.out);
    expect(g.order).toBeGreaterThan(5);
    expect(g.filterEdges((_, a) => a.type === 'CITES' || 'coupling' in a || 'cocitation' in a)).toEqual([]);
    expect(g.filterNodes((_, a) => 'referenceCount' in a || 'owned' in a)).toEqual([]);
    expect(r.stdout).not.toMatch(/citations/);
  });
});

const paper = (title: string, refs: string[], extra: Partial<PaperRecord> = {}): PaperRecord => ({
  title,
  abstract: '',
  ids: [`openalex:${title}`],
  references: refs.map((r) => `openalex:${r}`),
  source: { file: 'test', format: 'openalex' },
  ...extra,
});

describe('citation similarity', () => {
  // No entities at all: only citations can make these papers similar.
  const records = [paper('A', ['X', 'Y', 'Z']), paper('B', ['X', 'Y']), paper('C', ['A', 'B']), paper('D', ['A', 'B']), paper('E', [])];
  const papers = mergeRecords(records);
  const g = buildGraph(papers, { entities: new Map(), links: [] } as never);
  const refs = new Map(papers.map((p) => [p.id, p.record.references!]));
  const pairs = paperSimilarities(g, { references: refs });
  const byTitles = new Map(pairs.map((p) => [[g.getNodeAttribute(p.a, 'name'), g.getNodeAttribute(p.b, 'name')].sort().join('+'), p]));

  it('couples papers citing the same works, outside the corpus too (cosine of shared references)', () => {
    // A and B share X and Y (neither in the corpus): 2 / sqrt(3 * 2).
    expect(byTitles.get('A+B')).toMatchObject({ coupling: 2, cocitation: 2 });
    // C and D cite exactly the same two papers: coupling 1.
    expect(byTitles.get('C+D')).toMatchObject({ coupling: 2, score: 1 });
  });

  it('co-cites papers cited together, and combines the signals without exceeding 1', () => {
    // A and B are both cited by C and by D: co-citation 2 / sqrt(2 * 2) = 1, so the pair scores 1.
    expect(byTitles.get('A+B')!.score).toBe(1);
    expect(pairs.every((p) => p.score > 0 && p.score <= 1)).toBe(true);
    expect([...byTitles.keys()].some((k) => k.includes('E'))).toBe(false);
  });

  it('leaves a corpus without references to entity similarity alone', () => {
    const bare = mergeRecords(records.map(({ references: _r, ...rest }) => rest));
    const g2 = buildGraph(bare, { entities: new Map(), links: [] } as never);
    expect(paperSimilarities(g2)).toEqual([]);
    expect(g2.filterEdges((_, a) => a.type === 'CITES')).toEqual([]);
  });
});

describe('--library', () => {
  it('marks the papers of a BibTeX file and a Zotero CSV export as owned', async () => {
    const r = await ingestFetched('openalex', ['--library', join(FIXTURES, 'library.bib'), '--library', join(FIXTURES, 'zotero-export.csv')]);
    expect(r.code).toBe(0);
    const g = snapshotOf(r.out);
    const owned = g.filterNodes((_, a) => a.kind === 'Paper' && (a as PaperNodeAttributes).owned === true).map((n) => g.getNodeAttribute(n, 'name')).sort();
    expect(owned).toEqual([
      'Dense Passage Retrieval for Open-Domain Question Answering', // DOI
      'Focal Loss for Dense Object Detection', // arXiv id in the Zotero Url
      'Latent Retrieval for Weakly Supervised Open Domain Question Answering', // title only
      'Microsoft COCO: Common Objects in Context', // DOI in the Zotero export
      'Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks', // arXiv eprint
    ]);
    expect(g.getAttribute('library')).toMatchObject({ entries: 6, matched: 5 });
    expect(r.stdout).toMatch(/library\s+6 entries, 5 found in the corpus \(5 papers marked owned\)/);
  });
});
