import { describe, expect, it } from 'vitest';
import { buildFixtureGraph } from '../fixtures/explorer-snapshot.ts';
import { coOccurringConcepts, entityPapers, paperEntities, papersSharingBenchmark, partOf, sharedBenchmarks, similarPapers } from '../../src/web/state/details.ts';
import { segmentAbstract, splitSentence } from '../../src/web/state/mentions.ts';
import { asLink } from '../support/edges.ts';

const graph = buildFixtureGraph();

describe('details of a dataset or benchmark', () => {
  it('lists every paper evaluated on or introducing KILT, each with its evidence sentence', () => {
    const papers = entityPapers(graph, 'benchmark:kilt');
    expect(papers.map((p) => [p.id, p.type])).toEqual(
      expect.arrayContaining([
        ['paper:dense-retrieval', 'EVALUATED_ON'],
        ['paper:kilt', 'INTRODUCES'],
        ['paper:xss', 'EVALUATED_ON'],
      ]),
    );
    expect(papers).toHaveLength(3);
    for (const p of papers) expect(p.evidence[0]!.sentence).toContain('KILT');
  });

  it('ranks the other benchmarks those papers share by how many papers share them', () => {
    const ranked = sharedBenchmarks(graph, 'benchmark:kilt');
    expect(ranked[0]).toMatchObject({ id: 'dataset:natural-questions', count: 2 });
    expect(ranked.map((r) => r.id)).toEqual(['dataset:natural-questions', 'dataset:triviaqa']);
    expect(ranked.map((r) => r.id)).not.toContain('benchmark:kilt');
  });

  it('follows PART_OF both ways (QNLI in GLUE)', () => {
    expect(partOf(graph, 'dataset:qnli').parents.map((n) => n.id)).toEqual(['benchmark:glue']);
    expect(partOf(graph, 'benchmark:glue').parts.map((n) => n.id)).toEqual(['dataset:qnli']);
  });
});

describe('details of a paper', () => {
  it('groups its entities by kind', () => {
    const groups = paperEntities(graph, 'paper:dense-retrieval');
    expect(groups.map((g) => g.kind)).toEqual(['Benchmark', 'Dataset', 'Task', 'Concept']);
  });

  it('finds the papers sharing a benchmark with it, with what they share', () => {
    const sharing = papersSharingBenchmark(graph, 'paper:dense-retrieval');
    expect(sharing[0]).toMatchObject({ id: 'paper:kilt', count: 2, via: ['KILT', 'Natural Questions'] });
    expect(sharing.map((s) => s.id)).toEqual(['paper:kilt', 'paper:xss']);
  });

  it('shows the similarity ingest computed (SIMILAR_TO, either direction), best first, with the shared entities', () => {
    const g = buildFixtureGraph();
    g.addDirectedEdge('paper:xss', 'paper:kilt', { type: 'SIMILAR_TO', score: 0.4 });
    g.addDirectedEdge('paper:dense-retrieval', 'paper:xss', { type: 'SIMILAR_TO', score: 0.7 });
    const fromXss = similarPapers(g, 'paper:xss');
    expect(fromXss.map((r) => [r.id, r.score])).toEqual([['paper:dense-retrieval', 0.7], ['paper:kilt', 0.4]]);
    expect(fromXss[1]!.via).toEqual(['KILT']);
    // A paper that shares entities but has no SIMILAR_TO edge is not listed: one similarity, ingest's.
    expect(similarPapers(g, 'paper:glue-model')).toEqual([]);
  });
});

describe('details of a concept', () => {
  it('lists co-occurring concepts and tasks ranked by shared papers', () => {
    const co = coOccurringConcepts(graph, 'concept:retrieval-augmented-generation');
    expect(co.map((c) => c.id)).toEqual(['task:question-answering']);
  });
});

describe('abstract segments', () => {
  it('rebuilds the abstract exactly, with every linked mention marked', () => {
    const segments = segmentAbstract(graph, 'paper:dense-retrieval');
    const abstract = graph.getNodeAttribute('paper:dense-retrieval', 'abstract' as never) as string;
    expect(segments.map((s) => s.text).join('')).toBe(abstract);
    const marked = segments.filter((s) => 'entity' in s).map((s) => s.text);
    expect(marked).toEqual(['question answering', 'KILT', 'Natural Questions', 'retrieval-augmented generation']);
  });

  it('drops evidence whose offsets do not match the text instead of marking the wrong words', () => {
    const g = buildFixtureGraph();
    const edge = g.edge('paper:kilt', 'dataset:triviaqa')!;
    const ev = asLink(g.getEdgeAttributes(edge)).evidence[0]!;
    g.replaceEdgeAttributes(edge, { ...asLink(g.getEdgeAttributes(edge)), evidence: [{ ...ev, start: ev.start + 3, end: ev.end + 3 }] });
    const marked = segmentAbstract(g, 'paper:kilt').filter((s) => 'entity' in s).map((s) => s.text);
    expect(marked).not.toContain('TriviaQA');
    expect(marked).toContain('Natural Questions');
  });

  it('keeps the longer of two overlapping mentions', () => {
    const g = buildFixtureGraph();
    const abstract = g.getNodeAttribute('paper:detector', 'abstract' as never) as string;
    const start = abstract.indexOf('COCO');
    g.addNode('dataset:coco-short', { kind: 'Dataset', name: 'COCO', aliases: [], cluster: 2, x: 0, y: 0, size: 1 });
    g.addDirectedEdge('paper:detector', 'dataset:coco-short', {
      type: 'EVALUATED_ON',
      evidence: [{ sentence: '', start, end: start + 4, surface: 'COCO', field: 'abstract' }],
      weight: 1,
    });
    const marked = segmentAbstract(g, 'paper:detector').filter((s) => 'entity' in s);
    expect(marked.map((s) => s.text)).toContain('Microsoft COCO');
    expect(marked.map((s) => s.text)).not.toContain('COCO');
  });

  it('splits an evidence sentence around its mention', () => {
    expect(splitSentence('Results on KILT improve.', 'KILT')).toEqual(['Results on ', 'KILT', ' improve.']);
    expect(splitSentence('No mention here.', 'KILT')).toEqual(['No mention here.', '', '']);
  });
});
