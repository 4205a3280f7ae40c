/** Extraction on sentences written for the tests: aliases, discovery, models, evidence offsets. */
import { describe, expect, it } from 'vitest';
import { buildKnowledgeGraph } from '../../src/pipeline.ts';
import type { PaperGraph } from '../../src/assemble/graph.ts';
import type { EdgeAttributes } from '../../src/model/schema.ts';
import { asLink } from '../support/edges.ts';
import { paper } from '../support/records.ts';


function linksOf(g: PaperGraph, title: string): { name: string; kind: string; type: string; attrs: EdgeAttributes }[] {
  const id = g.findNode((_, a) => a.kind === 'Paper' && a.name === title)!;
  expect(id, `paper "${title}"`).toBeDefined();
  return g.mapOutEdges(id, (_, attrs, _s, target, _sa, ta) => ({ name: ta.name, kind: ta.kind, type: attrs.type, attrs }));
}
const datasetsOf = (g: PaperGraph, title: string) =>
  linksOf(g, title)
    .filter((l) => l.kind === 'Dataset' || l.kind === 'Benchmark')
    .map((l) => l.name)
    .sort();

describe('dataset and benchmark aliases resolve to one node', () => {
  const records = [
    paper(1, 'A', 'We evaluate our detector on Microsoft COCO and report box AP.'),
    paper(2, 'B', 'Results on MS-COCO show consistent gains over strong baselines.'),
    paper(3, 'C', 'Our segmenter is trained on MS COCO and tested on PASCALContext.'),
    paper(4, 'D', 'Experiments on the COCO benchmark and on PASCAL-Context confirm this.'),
    paper(5, 'E', 'We report depth results on NYUDv2, a standard indoor benchmark.'),
    paper(6, 'F', 'Depth and normals are evaluated on NYUD-v2 following prior work.'),
    paper(7, 'G', 'We use the NYU Depth v2 dataset for all indoor experiments.'),
    paper(8, 'H', 'Knowledge-intensive language tasks (KILTs) need retrieval. We evaluate on the KILT benchmark.'),
    paper(9, 'I', 'We report state-of-the-art numbers on eleven datasets of KILT.'),
    paper(12, 'L', 'Retrieval for KILTs remains hard for sparse retrievers.'),
    paper(10, 'J', 'Embeddings are compared on the Massive Text Embedding Benchmark (MTEB).'),
    paper(11, 'K', 'Our encoder ranks first on MTEB among open models.'),
  ];
  const g = buildKnowledgeGraph(records);

  it('links every COCO spelling to dataset:coco', () => {
    for (const t of ['A', 'B', 'C', 'D']) expect(datasetsOf(g, t)).toContain('COCO');
    expect(g.filterNodes((_, a) => a.kind === 'Dataset' && /coco/i.test(a.name)).length).toBe(1);
  });
  it('links NYUDv2, NYUD-v2 and NYU Depth v2 to one node, and both PASCAL-Context spellings to one', () => {
    const nyu = ['E', 'F', 'G'].map((t) => datasetsOf(g, t).filter((n) => /nyu/i.test(n)));
    expect(new Set(nyu.flat()).size).toBe(1);
    expect(nyu.every((x) => x.length === 1)).toBe(true);
    expect(datasetsOf(g, 'C')).toContain('PASCAL-Context');
    expect(datasetsOf(g, 'D')).toContain('PASCAL-Context');
  });
  it('resolves KILT and MTEB from their expansions, plurals and short forms', () => {
    for (const t of ['H', 'I', 'L']) expect(datasetsOf(g, t)).toEqual(['KILT']);
    for (const t of ['J', 'K']) expect(datasetsOf(g, t)).toEqual(['MTEB']);
    expect(g.getNodeAttribute('benchmark:kilt', 'kind')).toBe('Benchmark');
  });
});

describe('models are not datasets', () => {
  it('never makes a Dataset or Benchmark node of a model name, even in dataset-like contexts', () => {
    const g = buildKnowledgeGraph([
      paper(1, 'M1', 'We fine-tune BERT, XLNet and GPT-3 on the SQuAD dataset and compare with LLaMA-2.'),
      paper(2, 'M2', 'Experiments on BLIP-2, CLIP and SimCSE show that mBERT lags behind on XNLI and on MLQA.'),
      paper(3, 'M3', 'We distil BERT and CLIP into a small student and test it on GLUE.'),
    ]);
    const names = g.filterNodes((_, a) => a.kind === 'Dataset' || a.kind === 'Benchmark').map((n) => g.getNodeAttribute(n, 'name'));
    for (const model of ['BERT', 'XLNet', 'GPT-3', 'LLaMA-2', 'BLIP-2', 'CLIP', 'SimCSE', 'mBERT']) expect(names).not.toContain(model);
    expect(names).toEqual(expect.arrayContaining(['SQuAD', 'GLUE']));
  });
});

describe('names the gazetteer lacks are found from their context', () => {
  const g = buildKnowledgeGraph([
    paper(1, 'Q1', 'We run all experiments on the Zorblat dataset and on TinyFooBench, a new reading benchmark.'),
    paper(2, 'Q2', 'In this paper we introduce QuuxCorp, a benchmark of 12k annotated tables for table retrieval.'),
    paper(3, 'Q3', 'Our experiments on three benchmarks (GLUE, WobbleQA, and SuperGLUE) show gains.'),
    paper(4, 'Q4', 'A table retriever is tested on QuuxCorp and on WobbleQA.'),
  ]);
  it('keeps the name, a lower confidence and the sentence', () => {
    const q1 = linksOf(g, 'Q1').filter((l) => l.kind === 'Dataset' || l.kind === 'Benchmark');
    const zorb = q1.find((l) => l.name === 'Zorblat');
    expect(zorb?.type).toBe('EVALUATED_ON');
    expect(asLink(zorb?.attrs).confidence).toBeGreaterThan(0.5);
    expect(asLink(zorb?.attrs).confidence).toBeLessThan(1);
    expect(asLink(zorb?.attrs).evidence[0]?.sentence).toContain('Zorblat dataset');
  });
  it('reads "we introduce X, a benchmark" as INTRODUCES', () => {
    expect(linksOf(g, 'Q2').find((l) => l.name === 'QuuxCorp')?.type).toBe('INTRODUCES');
  });
  it('takes every name of a parenthesised benchmark list, and recognises the name again elsewhere', () => {
    expect(datasetsOf(g, 'Q3')).toEqual(['GLUE', 'SuperGLUE', 'WobbleQA']);
    expect(datasetsOf(g, 'Q4')).toEqual(['QuuxCorp', 'WobbleQA']);
  });
});

describe('concepts', () => {
  const g = buildKnowledgeGraph([
    paper(1, 'C1', 'We study multi-task learning for dense prediction with a Mixture of Experts (MoE) decoder.'),
    paper(2, 'C2', 'Multitask learning improves sample efficiency; our mixture-of-experts layers route tokens.'),
    paper(3, 'C3', 'Multi-Task Learning (MTL) with MoE adapters is our approach. MTL reduces serving cost.'),
    paper(4, 'Filler', 'This paper presents an approach with strong results and experiments on our method.'),
  ]);
  const concepts = g.filterNodes((_, a) => a.kind === 'Concept');
  const names = concepts.map((c) => g.getNodeAttribute(c, 'name'));
  it('merges case, hyphen, plural and acronym variants into one node', () => {
    const mtl = concepts.filter((c) => /multi.?task learning/i.test(g.getNodeAttribute(c, 'name')));
    expect(mtl).toHaveLength(1);
    expect(g.inDegree(mtl[0]!)).toBe(3);
    const moe = concepts.filter((c) => /mixture/i.test(g.getNodeAttribute(c, 'name')));
    expect(moe).toHaveLength(1);
    expect(g.inNeighbors(moe[0]!).length).toBe(3);
  });
  it('never makes a concept of filler words', () => {
    for (const junk of ['paper', 'approach', 'results', 'experiments', 'method', 'state-of-the-art']) expect(names).not.toContain(junk);
  });
});

describe('evidence offsets slice the text to the mention', () => {
  it('holds for every extraction edge of a mixed set of abstracts', () => {
    const records = [
      paper(1, 'Detection on COCO: a Study', 'We train on the MS-COCO dataset.  Then, with multi-task learning (MTL), we test on LVIS and Objects365.'),
      paper(2, 'Ranking', 'Passage ranking on MS MARCO and TREC DL benefits from multi-task learning; MTL helps object detection too.'),
    ];
    const g = buildKnowledgeGraph(records);
    let checked = 0;
    g.forEachEdge((_, attrs, source) => {
      for (const ev of 'evidence' in attrs ? attrs.evidence : []) {
        const p = g.getNodeAttributes(source);
        const text = ev.field === 'title' ? p.name : (p as { abstract: string }).abstract;
        expect(text.slice(ev.start, ev.end)).toBe(ev.surface);
        expect(ev.sentence).toContain(ev.surface);
        expect(text).toContain(ev.sentence);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(6);
  });
});
