/** Answers kept per spelling (text.ts perSpelling) and the capitalised runs that spell out an acronym. */
import { describe, expect, it } from 'vitest';
import { capitalisedRuns, capitalisedSpelling } from '../../src/extract/acronyms.ts';
import { analyse, perSpelling, wordOf } from '../../src/extract/text.ts';

describe('perSpelling', () => {
  it('asks the table once per spelling and keeps each question apart', () => {
    const asked: string[] = [];
    const long = perSpelling((w) => (asked.push(w.text), w.text.length > 4));
    const capital = perSpelling((w) => /^[A-Z]/.test(w.text));
    const a = wordOf('Transformer');
    const b = wordOf('the');
    expect([long(a), long(b), long(a), long(b)]).toEqual([true, false, true, false]);
    expect(asked).toEqual(['Transformer', 'the']);
    expect([capital(a), capital(b)]).toEqual([true, false]);
    expect(long(wordOf('Transformer'))).toBe(true);
    expect(asked).toHaveLength(2);
  });
});

describe('capitalisedSpelling', () => {
  it('finds the first run of capitalised words whose initials spell the short form, within one sentence', () => {
    const runs = [analyse('Deep Linear Discriminant Analysis (LDA) helps.'), analyse('We use Latent Dirichlet Allocation. Linear Discriminant. Analysis')].flatMap(capitalisedRuns);
    expect(capitalisedSpelling(runs, 'LDA')).toEqual(['Linear', 'Discriminant', 'Analysis']);
    expect(capitalisedSpelling(runs, 'DLDA')).toEqual(['Deep', 'Linear', 'Discriminant', 'Analysis']);
    // "Linear Discriminant." and "Analysis" are in different sentences.
    expect(capitalisedSpelling([analyse('Linear Discriminant. Analysis')].flatMap(capitalisedRuns), 'LDA')).toBeUndefined();
    expect(capitalisedSpelling(runs, 'lda')).toBeUndefined();
  });
});
