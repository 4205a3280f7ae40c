/**
 * Links that hold on papers papergraph has never seen, on sentences written for these tests: the
 * one name key, the method gazetteer with parents, relation types read from the sentence, names
 * that must look like names, a paper's own system, label scoring and the eval split.
 */
import { describe, expect, it } from 'vitest';
import { buildKnowledgeGraph } from '../../src/pipeline.ts';
import type { PaperGraph } from '../../src/assemble/graph.ts';
import { validateGazetteers, METHOD_ENTRIES } from '../../src/extract/gazetteer.ts';
import { isCommonWord, isEverydayPhrase, looksLikeName } from '../../src/extract/lexicon.ts';
import { logLikelihood } from '../../src/analyze/labels.ts';
import { splitGold, type GoldFile } from '../../src/eval/evaluate.ts';
import { asLink } from '../support/edges.ts';
import { paper } from '../support/records.ts';


function linksOf(g: PaperGraph, title: string) {
  const id = g.findNode((_, a) => a.kind === 'Paper' && a.name === title);
  expect(id, `paper "${title}"`).toBeDefined();
  return g.mapOutEdges(id!, (_, attrs, _s, target, _sa, ta) => ({ id: target, name: ta.name, kind: ta.kind, type: attrs.type, attrs }));
}
const datasetLinks = (g: PaperGraph, title: string) =>
  linksOf(g, title)
    .filter((l) => l.kind === 'Dataset' || l.kind === 'Benchmark')
    .map((l) => `${l.name}:${l.type}`)
    .sort();

describe('one name key for validation and matching', () => {
  const g = buildKnowledgeGraph([
    paper(1, 'N1', 'Our Bench of tests covers many long documents, and we evaluate on it.'),
    paper(2, 'N2', 'Results on the MMs split of our data are reported, and we evaluate each model.'),
    paper(3, 'N3', 'We evaluate segmentation on the M&Ms cardiac dataset and report Dice scores.'),
  ]);
  it('does not take a capitalised "Bench" for ∞Bench, nor "MMs" for M&Ms', () => {
    expect(datasetLinks(g, 'N1')).toEqual([]);
    expect(datasetLinks(g, 'N2')).toEqual([]);
    expect(datasetLinks(g, 'N3')).toEqual(['M&Ms:EVALUATED_ON']);
  });
});

describe('the method gazetteer', () => {
  const g = buildKnowledgeGraph([
    paper(1, 'Agents that learn to walk', 'We train a walking agent with reinforcement learning in simulation and study its gait.'),
    paper(2, 'Stable policy updates', 'We revisit PPO and show that clipping is what keeps updates stable.'),
    paper(3, 'Cheap adaptation', 'We fine-tune a large model with LoRA on a single GPU.'),
    paper(4, 'Unrelated', 'We measure the weather in three cities over a year.'),
  ]);
  const conceptsOf = (t: string) => linksOf(g, t).filter((l) => l.kind === 'Concept').map((l) => l.name);
  it('links a paradigm even when only one paper names it', () => {
    expect(conceptsOf('Agents that learn to walk')).toContain('reinforcement learning');
  });
  it('links curated acronyms and records what each method is a kind of, up to the root', () => {
    const ppo = linksOf(g, 'Stable policy updates').find((l) => l.name === 'proximal policy optimization');
    expect(ppo?.type).toBe('MENTIONS');
    const family = (id: string) => g.getNodeAttributes(id) as { parent?: string; ancestors?: string[] };
    expect(family(ppo!.id)).toMatchObject({ parent: 'concept:policygradient', ancestors: ['policy gradient', 'reinforcement learning', 'machine learning'] });
    const lora = linksOf(g, 'Cheap adaptation').find((l) => l.name === 'low-rank adaptation');
    expect(family(lora!.id).ancestors?.[0]).toBe('parameter-efficient fine-tuning');
    // Broader concepts no paper names are not nodes of their own: nothing isolated on the map.
    expect(g.hasNode('concept:policygradient')).toBe(false);
    expect(conceptsOf('Unrelated')).toEqual([]);
  });
  it('says where its facts come from and gives every entry a known parent', () => {
    expect(METHOD_ENTRIES.length).toBeGreaterThanOrEqual(150);
    const ids = new Set(METHOD_ENTRIES.map((m) => m.id));
    for (const m of METHOD_ENTRIES) if (m.parent) expect(ids.has(m.parent), m.id).toBe(true);
  });
  it('refuses a missing parent, a cycle and a method spelled like a task', () => {
    const run = (methods: unknown[]) => () =>
      validateGazetteers({ datasets: { entries: [] }, tasks: { entries: [{ id: 'object-detection', name: 'object detection', aliases: [], domain: 'vision' }] }, models: { entries: [] }, methods: { entries: methods } });
    const m = (id: string, name: string, parent?: string) => ({ id, name, aliases: [], acronyms: [], ...(parent ? { parent } : {}) });
    expect(run([m('a', 'alpha learning', 'nope')])).toThrow(/parent "nope" is not the id of another entry/);
    expect(run([m('a', 'alpha learning', 'b'), m('b', 'beta learning', 'a')])).toThrow(/cycle/);
    expect(run([m('a', 'object detections')])).toThrow(/same phrase as task object-detection/);
    expect(run([m('a', 'alpha learning'), m('b', 'beta learning', 'a')])).not.toThrow();
  });
});

describe('relation types follow what the sentence says', () => {
  const g = buildKnowledgeGraph([
    paper(1, 'R1', 'Our backbone is pre-trained on ImageNet. We evaluate the detector on COCO and report box AP.'),
    paper(2, 'R2', 'Such benchmarks, like SQuAD, have been widely used by previous work. We study answer calibration instead.'),
    paper(3, 'R3', 'Inspired by a very deep network used for ImageNet classification, we design a deeper super-resolution model.'),
    paper(4, 'R4', 'Experiments on CIFAR-10 show that our pruning keeps accuracy.'),
  ]);
  it('keeps EVALUATED_ON for the paper’s own experiments and USES for training data or mentions in passing', () => {
    expect(datasetLinks(g, 'R1')).toEqual(['COCO:EVALUATED_ON', 'ImageNet:USES']);
    expect(datasetLinks(g, 'R2')).toEqual(['SQuAD:USES']);
    expect(datasetLinks(g, 'R3')).toEqual(['ImageNet:USES']);
    expect(datasetLinks(g, 'R4')).toEqual(['CIFAR-10:EVALUATED_ON']);
  });
  it('gives every link a confidence and its evidence sentence', () => {
    for (const t of ['R1', 'R2', 'R3', 'R4'])
      for (const l of linksOf(g, t).filter((x) => x.kind === 'Dataset')) {
        const link = asLink(l.attrs);
        expect(link.evidence[0]?.sentence).toContain(link.evidence[0]?.surface);
        expect(link.confidence ?? 1).toBeGreaterThan(0);
      }
  });
});

describe('discovered names must look like names', () => {
  it('judges words by their use in everyday English', () => {
    expect(isCommonWord('Test')).toBe(true);
    expect(isCommonWord('HumSet')).toBe(false);
    for (const n of [['Test'], ['Daily'], ['Machine', 'Learning'], ['Transfer', 'Learning'], ['Online', 'Products'], ['Stanford'], ['Berkeley'], ['Real-World']]) expect(looksLikeName(n), n.join(' ')).toBe(false);
    for (const n of [['HumSet'], ['SODA10M'], ['New', 'York', 'Times'], ['Penn', 'Treebank'], ['DWIE']]) expect(looksLikeName(n), n.join(' ')).toBe(true);
  });
  const g = buildKnowledgeGraph([
    paper(1, 'L1', 'We collect images and release the Test dataset for our task, and evaluate on it.'),
    paper(2, 'L2', 'We evaluate the model on the CNN/Daily Mail and New York Times datasets.'),
    paper(3, 'L3', 'We report results on the Stanford dataset and on the Transfer Learning dataset.'),
    paper(4, 'A Face Detection Benchmark for Crowded Scenes', 'We study faces in crowds and evaluate detectors.'),
    paper(5, 'L5', 'Our experiments use the Zorblax dataset, which we evaluate on.'),
  ]);
  it('makes no Dataset or Benchmark of an ordinary word, a field, a university or a Title Case title word', () => {
    expect(datasetLinks(g, 'L1')).toEqual([]);
    expect(datasetLinks(g, 'L3')).toEqual([]);
    expect(datasetLinks(g, 'A Face Detection Benchmark for Crowded Scenes')).toEqual([]);
    expect(datasetLinks(g, 'L5')).toEqual(['Zorblax:EVALUATED_ON']);
  });
  it('extends a name cut off at a capital', () => {
    const names = datasetLinks(g, 'L2');
    expect(names).toContain('New York Times:EVALUATED_ON');
    expect(names.some((n) => n.startsWith('York Times'))).toBe(false);
  });
});

describe("a paper's own system is not a dataset", () => {
  const g = buildKnowledgeGraph([
    paper(1, 'Synapse: Trajectory prompting for computer agents', 'We evaluate Synapse on web navigation tasks and report success rates.'),
    paper(2, 'Organ segmentation', 'We evaluate our segmenter on the Synapse multi-organ CT dataset and report Dice scores.'),
    paper(3, 'Q', 'We propose Omniglot, a planner, and evaluate it on MiniGrid.'),
  ]);
  it('does not link a gazetteer dataset of the name the paper gives its system', () => {
    expect(datasetLinks(g, 'Synapse: Trajectory prompting for computer agents')).toEqual([]);
    expect(datasetLinks(g, 'Q')).toEqual(['MiniGrid:EVALUATED_ON']);
  });
  it('still links the dataset where the text names it as data', () => {
    expect(datasetLinks(g, 'Organ segmentation')).toEqual(['BTCV:EVALUATED_ON']);
  });
});

describe('cluster labels', () => {
  it('scores a term by log-likelihood only where the cluster over-represents it', () => {
    expect(logLikelihood(8, 10, 2, 90)).toBeGreaterThan(logLikelihood(4, 10, 6, 90));
    expect(logLikelihood(1, 10, 50, 90)).toBe(0);
    expect(logLikelihood(0, 10, 0, 90)).toBe(0);
  });
  it('calls phrases of everyday words or filler nouns generic', () => {
    for (const p of ['own right', 'upper bound', 'input-output pairs']) expect(isEverydayPhrase(p, new Set(['input', 'output'])), p).toBe(true);
    for (const p of ['memory footprint', 'contrastive learning', 'person re-identification']) expect(isEverydayPhrase(p), p).toBe(false);
  });
  it('keeps the scores behind each label in the cluster list', () => {
    const g = buildKnowledgeGraph([
      paper(1, 'C1', 'We evaluate on COCO with contrastive learning and report results.'),
      paper(2, 'C2', 'Contrastive learning on COCO: experiments show gains in our results.'),
      paper(3, 'C3', 'We evaluate reinforcement learning agents on MiniGrid and report returns.'),
      paper(4, 'C4', 'Reinforcement learning on MiniGrid: our experiments show faster learning.'),
    ]);
    const clusters = g.getAttribute('clusters').filter((c) => c.label !== 'Unclustered');
    expect(clusters.length).toBeGreaterThan(0);
    for (const c of clusters) {
      expect(c.terms?.length).toBeGreaterThan(0);
      expect(c.top).toEqual(c.terms!.map((t) => t.name));
      for (const t of c.terms!) expect(t.score).toBeGreaterThan(0);
    }
  });
});

describe('the eval split', () => {
  it('splits the gold papers into two disjoint halves that cover them all', () => {
    const gold: GoldFile = {
      papers: Array.from({ length: 40 }, (_, i) => ({ title: `paper ${i}`, datasets: [], optional: [] })),
      concepts: [{ name: 'x', papers: ['paper 1', 'paper 2', 'paper 3'], optional: [] }],
      junk_concepts: [],
    };
    const dev = splitGold(gold, 'dev');
    const held = splitGold(gold, 'held-out');
    expect(dev.papers.length + held.papers.length).toBe(40);
    expect(dev.papers.length).toBeGreaterThan(5);
    expect(held.papers.length).toBeGreaterThan(5);
    const devTitles = new Set(dev.papers.map((p) => p.title));
    expect(held.papers.some((p) => devTitles.has(p.title))).toBe(false);
    const conceptPapers = [...(dev.concepts[0]?.papers ?? []), ...(held.concepts[0]?.papers ?? [])].sort();
    expect(conceptPapers).toEqual(['paper 1', 'paper 2', 'paper 3']);
  });
});

describe('papers sharing a benchmark', () => {
  it('counts evaluations, and lists papers that only train on or name the dataset apart', async () => {
    const { papersSharingBenchmark } = await import('../../src/web/state/details.ts');
    const g = buildKnowledgeGraph([
      paper(1, 'S1', 'We evaluate our detector on COCO and report box AP.'),
      paper(2, 'S2', 'Experiments on COCO show that our detector is faster.'),
      paper(3, 'S3', 'Our backbone is pre-trained on COCO before we study depth.'),
    ]);
    const id = (t: string) => g.findNode((_, a) => a.kind === 'Paper' && a.name === t)!;
    expect(papersSharingBenchmark(g, id('S1')).map((r) => r.name)).toEqual(['S2']);
    expect(papersSharingBenchmark(g, id('S1'), 20, true).map((r) => r.name)).toEqual(['S3']);
    expect(papersSharingBenchmark(g, id('S3')).map((r) => r.name)).toEqual([]);
  });
});
