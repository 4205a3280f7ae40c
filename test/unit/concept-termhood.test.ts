/**
 * Which shared phrases become concepts, on sentences written for these tests: each pair of papers
 * shares a phrase, and the phrase is a concept only when it reads as a term (a control pair in the
 * same corpus shows that sharing alone would have made it one).
 */
import { describe, expect, it } from 'vitest';
import { buildKnowledgeGraph } from '../../src/pipeline.ts';
import { paper } from '../support/records.ts';
import { termTest } from '../../src/resolve/termhood.ts';
import { isRareWord } from '../../src/extract/lexicon.ts';


const g = buildKnowledgeGraph([
  // Controls: terms shared by two papers.
  paper(1, 'Forests for tabular data', 'We compare gradient boosting with a random forest on census records.'),
  paper(2, 'Trees that vote', 'A random forest averages many decorrelated trees to reduce variance.'),
  paper(3, 'Gating sparse layers', 'Each token is routed through a mixture-of-experts layer with top-two gating.'),
  paper(4, 'Routing without collapse', 'We study load balancing in a mixture of experts trained on web text.'),
  // A participle with its own complement is a verb, not the end of a term.
  paper(5, 'Code merges', 'We release a dataset consisting of ten thousand merge conflicts from open repositories.'),
  paper(6, 'Speech pairs', 'We collect a dataset comprising 4,200 utterances recorded by volunteers.'),
  paper(7, 'Aligned clips', 'Our corpus is a dataset consisting of aligned video clips and captions.'),
  paper(8, 'Noisy labels', 'We annotate a dataset comprising 900 scanned forms with field labels.'),
  // Plurals of filler nouns are filler too ("global features" is "global feature").
  paper(9, 'Pooling for retrieval', 'Local and global features are fused before the ranking head.'),
  paper(10, 'Scene parsing', 'A second branch extracts global features from the whole image.'),
  // "X of Y" never written as a compound nor given an acronym is a description.
  paper(11, 'Sample quality', 'Raters judged the fidelity of samples drawn from each decoder.'),
  paper(12, 'Measuring generators', 'We argue that the fidelity of samples is not measured by likelihood.'),
  // A phrase cut out of a graded compound ("higher resolution images") is a fragment.
  paper(13, 'Upsampling faces', 'The decoder produces higher resolution images from a small latent code.'),
  paper(14, 'Satellite tiles', 'We train on higher resolution images of farmland collected by drones.'),
  // A hyphenated adjective heads nothing ("approximate second-order [methods]").
  paper(15, 'Curvature for free', 'We compare approximate second-order optimisers on language modelling.'),
  paper(16, 'Cheap Hessians', 'Approximate second-order updates are costly on large batches.'),
  // A participle used as a preposition opens a complement: no term starts or runs through it.
  paper(17, 'Clinic logs', 'Hospitals log many events including diagnosis codes and prescriptions.'),
  paper(18, 'Ward records', 'Each stay lists its steps including diagnosis codes for billing.'),
  paper(19, 'Triage notes', 'Nurses write short notes regarding patient histories at intake.'),
  paper(20, 'Intake forms', 'Forms ask questions regarding patient histories before a visit.'),
]);

const concepts = () => g.filterNodes((_, a) => a.kind === 'Concept').map((id) => g.getNodeAttribute(id, 'name') as string);

describe('shared phrases that read as terms', () => {
  it('keeps terms two papers share, in either spelling of an "X of Y" term', () => {
    expect(concepts()).toEqual(expect.arrayContaining(['random forest']));
    const moe = g.filterNodes((_, a) => a.kind === 'Concept' && /mixture/i.test(a.name as string));
    expect(moe.length).toBe(1);
    expect(g.inDegree(moe[0]!)).toBe(2);
  });
  it('starts no term at a participle used as a preposition, and runs none through it', () => {
    expect(concepts().filter((n) => /including|regarding/.test(n))).toEqual([]);
    const tasks = g.filterNodes((_, a) => a.kind === 'Task').map((id) => g.getNodeAttribute(id, 'name') as string);
    expect(tasks.filter((n) => /including|regarding/.test(n))).toEqual([]);
    // What follows it is still read as a phrase of its own.
    expect(concepts()).toEqual(expect.arrayContaining(['patient histories']));
  });
  it('does not end a term at a participle that takes a complement', () => {
    expect(concepts().filter((n) => /consisting|comprising/.test(n))).toEqual([]);
  });
  it('treats plurals of filler nouns as filler', () => {
    expect(concepts().filter((n) => /global feature/.test(n))).toEqual([]);
  });
  it('does not make an "X of Y" description a concept', () => {
    expect(concepts().filter((n) => /fidelity/.test(n))).toEqual([]);
  });
  it('does not keep a phrase cut from a graded compound, nor one headed by a hyphenated adjective', () => {
    expect(concepts().filter((n) => /^resolution image/.test(n))).toEqual([]);
    expect(concepts().filter((n) => /second-order$/.test(n))).toEqual([]);
  });
});

describe('a model named by its task', () => {
  const h = buildKnowledgeGraph([
    paper(1, 'Boxes at speed', 'Our detection model runs at sixty frames per second on a phone.'),
    paper(2, 'Tiny detectors', 'We prune a detection model until it fits in two megabytes.'),
    paper(3, 'Speech front ends', 'An acoustic model maps filter banks to phone posteriors.'),
    paper(4, 'Streaming speech', 'We distil the acoustic model of a large recogniser into a small one.'),
  ]);
  const names = h.filterNodes((_, a) => a.kind === 'Concept').map((id) => h.getNodeAttribute(id, 'name') as string);
  it('is not a concept of its own, while a model named otherwise is', () => {
    expect(names).toContain('acoustic model');
    expect(names).not.toContain('detection model');
  });
});

describe('treebanks', () => {
  const t = buildKnowledgeGraph([
    paper(1, 'Parsing the web', 'We evaluate our parser on the Broadcast Forum Treebank and report labelled attachment scores.'),
    paper(2, 'Parsing forums', 'Results on the Broadcast Forum Treebank show gains for rare constructions.'),
  ]);
  const names = (kind: string) => t.filterNodes((_, a) => a.kind === kind).map((id) => t.getNodeAttribute(id, 'name') as string);
  it('are data, named with the word "Treebank", and never concepts', () => {
    expect(names('Dataset')).toContain('Broadcast Forum Treebank');
    expect(names('Dataset')).not.toContain('Broadcast Forum');
    expect(names('Concept').filter((n) => /treebank/i.test(n))).toEqual([]);
  });
});

describe('curated tasks however the sentence is tagged', () => {
  const t = buildKnowledgeGraph([
    paper(1, 'Reviews and stars', 'We study sentiment analysis of product reviews in four languages.'),
    paper(2, 'Phrase tables', 'A statistical machine translation system is tuned on news commentary.'),
    paper(3, 'Heads from one photo', 'Our network performs 3D human pose estimation from a single depth image.'),
    paper(4, 'Landmarks', 'The model contributes to face alignment and to expression transfer.'),
  ]);
  const tasksOf = (title: string) => {
    const id = t.findNode((_, a) => a.kind === 'Paper' && a.name === title)!;
    return t.outNeighbors(id).filter((n) => t.getNodeAttribute(n, 'kind') === 'Task');
  };
  it('finds a curated name that ends in a filler noun ("analysis")', () => {
    expect(tasksOf('Reviews and stars')).toContain('task:sentiment-analysis');
  });
  it('links the task a curated method is named after', () => {
    expect(tasksOf('Phrase tables')).toContain('task:machine-translation');
  });
  it('reads "3D" as one word', () => {
    expect(tasksOf('Heads from one photo')).toContain('task:3d-human-pose-estimation');
  });
  it('finds a curated name whose first word the tagger calls a verb', () => {
    expect(tasksOf('Landmarks')).toContain('task:facial-landmark-detection');
  });
});

describe('termhood in a corpus large enough to count in', () => {
  const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);
  const phrase = (surface: string, docs: number[]) => ({ docs, head: surface.split(' ').at(-1)!, words: surface.split(' ').length, surface });
  const stats = new Map([
    ['submodularoptimization', phrase('submodular optimization', range(0, 4))],
    ['convexoptimization', phrase('convex optimization', range(4, 40))],
    ['classificationalgorithm', phrase('classification algorithms', range(40, 46))],
    ['learningalgorithm', phrase('learning algorithms', range(40, 400))],
    ['classificationaccuracy', phrase('classification accuracy', range(100, 600))],
    ['mobiledevice', phrase('mobile devices', range(600, 604))],
    ['saliencymap', phrase('saliency maps', range(700, 702))],
  ]);
  const isTerm = termTest(stats, 1000, new Set(['mobiledevice']), 2);
  const test = (key: string) => isTerm(key, stats.get(key)!);
  it('keeps a phrase with a word of the field whose words belong together', () => {
    expect(isRareWord('submodular')).toBe(true);
    expect(test('submodularoptimization')).toBe(true);
  });
  it('drops a phrase whose words pair with everything, and one of everyday words only', () => {
    expect(test('classificationalgorithm')).toBe(false);
    expect(isRareWord('mobile')).toBe(false);
    expect(termTest(stats, 1000, new Set(), 2)('mobiledevice', stats.get('mobiledevice')!)).toBe(false);
  });
  it('keeps what the corpus gives an acronym, and needs more papers in a larger corpus', () => {
    expect(test('mobiledevice')).toBe(true);
    expect(test('saliencymap')).toBe(true);
    expect(termTest(stats, 2100, new Set(), 2)('saliencymap', stats.get('saliencymap')!)).toBe(false);
  });
  it('decides nothing in a small corpus', () => {
    expect(termTest(stats, 50, new Set(), 2)('classificationalgorithm', stats.get('classificationalgorithm')!)).toBe(true);
  });
});

describe('an acronym the paper spells out otherwise', () => {
  const t = buildKnowledgeGraph([
    paper(1, 'Topics in news', 'We fit latent Dirichlet allocation (LDA) to ten years of news articles.'),
    paper(2, 'Faster topics', 'We speed up inference in LDA with sparse sampling over topic counts.'),
    paper(3, 'Deep Linear Discriminant Analysis', 'Classic LDA finds projections that keep classes apart; we learn them end to end.'),
  ]);
  const linked = (title: string) => {
    const id = t.findNode((_, a) => a.kind === 'Paper' && a.name === title)!;
    return t.outNeighbors(id).includes('concept:latentdirichletallocation');
  };
  it('links the letters to what the corpus defines them as, unless the paper writes them as other words', () => {
    expect(linked('Topics in news')).toBe(true);
    expect(linked('Faster topics')).toBe(true);
    expect(linked('Deep Linear Discriminant Analysis')).toBe(false);
  });
});
