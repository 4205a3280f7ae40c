/**
 * Phrase occurrences in columns read back as extraction gave them, whatever the chunks they came in,
 * with each string kept once for the corpus.
 */
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/document.ts';
import { extractionContext } from '../../src/extract/context.ts';
import { packPhrases, PhraseStore } from '../../src/extract/phrase-columns.ts';
import type { PhraseOccurrence } from '../../src/extract/document.ts';

const ctx = extractionContext();
const texts = [
  { title: 'Multi-task learning for question answering', abstract: 'We train a multi-task model with reinforcement learning (RL). RL agents are evaluated on the Arcade Learning Environment.' },
  { title: 'Mixture of experts', abstract: 'A mixture-of-experts layer improves machine translation. We use PPO and graph convolutional neural networks.' },
  { title: 'Empty', abstract: '' },
  { title: 'Semantic segmentation of street scenes', abstract: 'Deep convolutional neural networks for semantic segmentation are evaluated on Cityscapes.' },
];
const extracted = texts.map((t) => extractDocument(t.title, t.abstract, ctx).phrases);

describe('phrase columns', () => {
  it('give back every occurrence of every paper, across chunks, as extraction found it', () => {
    const store = new PhraseStore();
    store.add(packPhrases(extracted.slice(0, 1)));
    store.add(packPhrases(extracted.slice(1)));
    expect(store.papers).toBe(texts.length);
    expect(texts.map((_, i) => store.occurrences(i))).toEqual(extracted);
    // The texts were chosen to exercise every flag and optional field at least once.
    const all = extracted.flat();
    for (const f of ['modifierKey', 'viaAcronym', 'gapped', 'ofForm', 'adjectival'] as (keyof PhraseOccurrence)[]) expect(all.some((p) => p[f])).toBe(true);
    expect(all.some((p) => p.field === 'title')).toBe(true);
  });

  it('read through the cursor the same fields as the objects', () => {
    const store = new PhraseStore();
    store.add(packPhrases(extracted));
    const seen: unknown[] = [];
    store.each(1, (p) => seen.push([p.key, p.head, p.modifierKey, p.words, p.field, p.start, p.end, p.gapped, p.standalone, p.adjectival, p.ofForm, p.viaAcronym]));
    expect(seen).toEqual(extracted[1]!.map((p) => [p.key, p.head, p.modifierKey, p.words, p.field, p.start, p.end, p.gapped, p.standalone, p.adjectival, !!p.ofForm, !!p.viaAcronym]));
  });

  it('keep a string once however many chunks repeat it', () => {
    const a = packPhrases([extracted[3]!]);
    const b = packPhrases([extracted[3]!]);
    const store = new PhraseStore();
    store.add(a);
    store.add(b);
    expect(store.distinctStrings).toBe(a.strings.length);
    expect(store.occurrences(1)).toEqual(store.occurrences(0));
  });
});
