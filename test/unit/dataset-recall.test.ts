/** Dataset names on sentences written for the tests: how curated and discovered names are read. */
import { describe, expect, it } from 'vitest';
import { buildKnowledgeGraph } from '../../src/pipeline.ts';
import type { PaperGraph } from '../../src/assemble/graph.ts';
import { paper } from '../support/records.ts';
import { joinedSpellings, withGeneratedSpellings } from '../../src/extract/name-variants.ts';

function datasetsOf(g: PaperGraph, title: string): string[] {
  const id = g.findNode((_, a) => a.kind === 'Paper' && a.name === title)!;
  expect(id, `paper "${title}"`).toBeDefined();
  return g
    .mapOutNeighbors(id, (_, a) => a)
    .filter((a) => a.kind === 'Dataset' || a.kind === 'Benchmark')
    .map((a) => a.name)
    .sort();
}

describe('a model or task name that begins a curated dataset name', () => {
  const g = buildKnowledgeGraph([
    paper(1, 'A', 'We train a summariser on CNN/Daily Mail and compare it with a CNN encoder.'),
    paper(2, 'B', 'Answers are scored on VQA v2 with the standard accuracy metric.'),
    paper(3, 'C', 'A CNN classifies the images, and VQA needs more than that.'),
  ]);

  it('does not veto the longer name', () => {
    expect(datasetsOf(g, 'A')).toEqual(['CNN/Daily Mail']);
    expect(datasetsOf(g, 'B')).toEqual(['VQA v2']);
  });

  it('still vetoes the model or task name alone', () => {
    expect(datasetsOf(g, 'C')).toEqual([]);
  });
});

describe('a curated name joined by a slash', () => {
  it('is generated with the other conjunctions, and only for two names', () => {
    expect(joinedSpellings('CNN/Daily Mail')).toEqual(['CNN + Daily Mail', 'CNN & Daily Mail', 'CNN and Daily Mail']);
    expect(joinedSpellings('w/o')).toEqual([]);
    expect(joinedSpellings('A/B/C')).toEqual([]);
    expect(joinedSpellings('COCO')).toEqual([]);
  });

  it('is found in text written with "and" or "+", and the node carries the spellings', () => {
    const g = buildKnowledgeGraph([
      paper(1, 'A', 'Summaries are learned from CNN and Daily Mail news articles paired with their highlights.'),
      paper(2, 'B', 'We report ROUGE on CNN + Daily Mail.'),
    ]);
    expect(datasetsOf(g, 'A')).toEqual(['CNN/Daily Mail']);
    expect(datasetsOf(g, 'B')).toEqual(['CNN/Daily Mail']);
    const node = g.getNodeAttributes('dataset:cnn-dailymail');
    expect('aliases' in node ? node.aliases : []).toContain('CNN + Daily Mail');
  });

  it('never takes a spelling another entry owns', () => {
    const entries = [
      { name: 'Foo/Bar', aliases: [] },
      { name: 'Foo and Bar', aliases: [] },
    ];
    expect(withGeneratedSpellings(entries, (s) => s.toLowerCase().replace(/\s+/g, ''))[0]!.aliases).toEqual(['Foo + Bar', 'Foo & Bar']);
  });
});

describe('a curated name followed by a head noun of software or an organisation', () => {
  const g = buildKnowledgeGraph([
    paper(1, 'A', 'Masks are read with the COCO API, and the detector is scored on PASCAL VOC.'),
    paper(2, 'B', 'Our tracker is released as part of the KITTI Toolkit.'),
    paper(3, 'C', 'We evaluate on COCO and on the KITTI benchmark.'),
  ]);

  it('names the software, not the data', () => {
    expect(datasetsOf(g, 'A')).toEqual(['PASCAL VOC']);
    expect(datasetsOf(g, 'B')).toEqual([]);
  });

  it('leaves the name alone before a cue or at the end of a phrase', () => {
    expect(datasetsOf(g, 'C')).toEqual(['COCO', 'KITTI']);
  });
});

describe('a list of names after an evaluation word', () => {
  const g = buildKnowledgeGraph([paper(1, 'A', 'We report results on FooNet, BarSet and BazQA.')]);

  it('takes every item', () => {
    expect(datasetsOf(g, 'A')).toEqual(['BarSet', 'BazQA', 'FooNet']);
  });
});

describe('a sentence that opens with a determiner before a name and a cue noun', () => {
  const g = buildKnowledgeGraph([
    paper(1, 'A', 'The Quoravex dataset contains questions labelled with a hierarchy of topics. A classifier reaches 31% error on it.'),
    paper(2, 'B', 'These Tarnwick benchmarks hold tables from many sources.'),
    paper(3, 'C', 'The Test dataset contains documents, and This Real corpus holds the rest.'),
  ]);

  it('reads the name after the determiner', () => {
    expect(datasetsOf(g, 'A')).toEqual(['Quoravex']);
    expect(datasetsOf(g, 'B')).toEqual(['Tarnwick']);
  });

  it('still refuses an ordinary word as the name', () => {
    expect(datasetsOf(g, 'C')).toEqual([]);
  });
});

describe('a curated name that is a common word', () => {
  const g = buildKnowledgeGraph([
    paper(1, 'A', 'Inter-domain Traffic Engineering needs a new benchmark of routing tables.'),
    paper(2, 'B', 'We forecast loads on the Traffic dataset and compare with seasonal baselines.'),
  ]);

  it('is not the data when it runs on into a capitalised word', () => {
    expect(datasetsOf(g, 'A')).toEqual([]);
  });

  it('is the data when a cue names it so', () => {
    expect(datasetsOf(g, 'B')).toEqual(['Traffic']);
  });
});
