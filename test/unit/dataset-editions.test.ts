/**
 * Yearly editions of curated datasets, singular spellings of plural names and coordinated names
 * with determiners, on sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { buildKnowledgeGraph } from '../../src/pipeline.ts';
import type { PaperGraph } from '../../src/assemble/graph.ts';
import { splitSuffixedYear, suffixYear } from '../../src/extract/editions.ts';
import { paper } from '../support/records.ts';

function datasetsOf(g: PaperGraph, title: string): string[] {
  const id = g.findNode((_, a) => a.kind === 'Paper' && a.name === title)!;
  return g
    .mapOutEdges(id, (_e, _a, _s, target, _sa, ta) => ({ target, ta }))
    .filter(({ ta }) => ta.kind === 'Dataset' || ta.kind === 'Benchmark')
    .map(({ ta }) => ta.name)
    .sort();
}

describe('editions of a curated dataset', () => {
  const g = buildKnowledgeGraph([
    paper(1, 'Two editions', 'Our detector improves mAP by 2 points on VOC07 and by 3 points on VOC2012.'),
    paper(2, 'Year after', 'We report keypoint accuracy on objects from PASCAL VOC 2011 and outperform prior features.'),
    paper(3, 'Year before', 'Results on the 2013 BRATS test dataset show that our network is the most accurate.'),
    paper(4, 'Glued year', 'We train on the parallel corpora from WMT’15 and evaluate on four language pairs.'),
    paper(5, 'No edition', 'We evaluate our detector on PASCAL VOC and report mean average precision.'),
    paper(6, 'A version, not a year', 'We evaluate our classifier on CIFAR-10 and CIFAR-100 and report accuracy.'),
  ]);
  it('links each edition named as its own node, part of the entry', () => {
    expect(datasetsOf(g, 'Two editions')).toEqual(['PASCAL VOC 2007', 'PASCAL VOC 2012']);
    expect(datasetsOf(g, 'Year after')).toEqual(['PASCAL VOC 2011']);
    expect(datasetsOf(g, 'Year before')).toEqual(['BraTS 2013']);
    expect(datasetsOf(g, 'Glued year')).toEqual(['WMT 2015']);
    expect(g.hasEdge('dataset:pascal-voc-2011', 'dataset:pascal-voc')).toBe(true);
  });
  it('links the entry itself where no year is written, and reads no version as a year', () => {
    expect(datasetsOf(g, 'No edition')).toEqual(['PASCAL VOC']);
    expect(datasetsOf(g, 'A version, not a year')).toEqual(['CIFAR-10', 'CIFAR-100']);
  });
  it('reads two bare digits as a year only for an entry that lists yearly spellings', () => {
    const split = splitSuffixedYear('VOC07')!;
    expect(suffixYear(split, { names: ['PASCAL VOC', 'VOC2012'] })).toBe('2007');
    expect(suffixYear(split, { names: ['CIFAR'] })).toBeUndefined();
    expect(suffixYear(splitSuffixedYear('WMT’15')!, { names: ['WMT'] })).toBe('2015');
    expect(suffixYear(split, { names: ['iSEG-2017'] })).toBeUndefined();
  });
});

describe('names as papers write them', () => {
  const g = buildKnowledgeGraph([
    paper(1, 'Birds', 'Experiments on the Caltech-UCSD bird dataset confirm that our part model helps.'),
    paper(2, 'Challenge', 'We report results on the public data of the MICCAI iSEG-2017 Challenge on infant brain MRI.'),
    paper(3, 'Determiners', 'We show competitive results on the FooDigits-M and the BarPose datasets against prior work.'),
  ]);
  it('matches a plural name written in the singular', () => {
    expect(datasetsOf(g, 'Birds')).toEqual(['CUB-200-2011']);
  });
  it('keeps a capitalised cue word as part of the name as written', () => {
    const id = 'dataset:iseg-2017';
    expect(datasetsOf(g, 'Challenge')).toEqual(['iSEG-2017']);
    expect((g.getNodeAttributes(id) as { aliases?: string[] }).aliases).toContain('iSEG-2017 Challenge');
  });
  it('reads "the X and the Y datasets" as two names', () => {
    expect(datasetsOf(g, 'Determiners')).toEqual(['BarPose', 'FooDigits-M']);
  });
});
