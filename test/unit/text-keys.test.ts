/**
 * The keys that decide when two spellings are one thing (stem, phrase key, name key), acronym
 * definitions and the gazetteer's name index: invariants checked on generated input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAcronyms } from '../../src/extract/acronyms.ts';
import { DATASET_ENTRIES } from '../../src/extract/gazetteer.ts';
import { buildNameIndex, findNames, nameKey } from '../../src/extract/name-index.ts';
import { NOT_PLURALS, phraseKey, stemWord } from '../../src/extract/stem.ts';
import { analyse } from '../../src/extract/text.ts';

const word = fc.stringMatching(/^[a-z]{3,9}$/);
const words = fc.array(word, { minLength: 1, maxLength: 4 });

describe('phrase keys', () => {
  it('ignore case, hyphens and spacing between the words', () => {
    fc.assert(
      fc.property(words, (ws) => {
        const k = phraseKey(ws);
        expect(phraseKey(ws.map((w) => w.toUpperCase()))).toBe(k);
        expect(phraseKey([ws.join('-')])).toBe(k);
      }),
    );
  });
  it('meet for the plural and the singular of a regular noun', () => {
    const noun = fc.stringMatching(/^[a-z]{2,7}[bdkmnpt]$/);
    fc.assert(
      fc.property(noun, (w) => {
        // "len" + "s" is "lens", which is no plural.
        fc.pre(!NOT_PLURALS.has(`${w}s`));
        expect(stemWord(`${w}s`)).toBe(stemWord(w));
      }),
    );
  });
  it('join agent and result nouns of one verb, and leave short words alone', () => {
    expect(phraseKey(['retriever'])).toBe(phraseKey(['retrieval']));
    expect(phraseKey(['general'])).not.toBe(phraseKey(['generative']));
  });
});

describe('name keys', () => {
  it('ignore case, spaces, hyphens and apostrophes, and keep dots, slashes and plus signs', () => {
    const name = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .+/-]{0,14}$/);
    fc.assert(
      fc.property(name, (n) => {
        expect(nameKey(n.toUpperCase())).toBe(nameKey(n.toLowerCase()));
        expect(nameKey(n.replace(/[ -]/g, ''))).toBe(nameKey(n));
      }),
    );
    expect(nameKey('MS-COCO')).toBe(nameKey('ms coco'));
    expect(nameKey('SQuAD 1.1')).not.toBe(nameKey('SQuAD 11'));
    expect(nameKey('RefCOCO+')).not.toBe(nameKey('RefCOCO'));
  });
});

describe('acronym definitions (Schwartz & Hearst)', () => {
  // Initials from A-M and the rest of each word from n-z, so that the initials can only match the
  // word starts (with repeated letters, Schwartz & Hearst rightly take the shortest long form).
  const capitalised = fc.stringMatching(/^[A-M][n-z]{2,8}$/);
  it('find the long form of initials in parentheses, whatever the words', () => {
    fc.assert(
      fc.property(fc.array(capitalised, { minLength: 2, maxLength: 4 }), (long) => {
        const short = long.map((w) => w[0]).join('');
        const text = `We study ${long.join(' ')} (${short}) in this work.`;
        const t = analyse(text);
        const defs = findAcronyms(t);
        expect(defs.map((d) => d.short)).toEqual([short]);
        const d = defs[0]!;
        expect(text.slice(t.tokens[d.longFirst]!.start, t.tokens[d.longLast]!.end)).toBe(long.join(' '));
      }),
      { numRuns: 50 },
    );
  });
  it('refuse letters the words before do not contain in order', () => {
    expect(findAcronyms(analyse('We study Multi Task Learning (QZX) in this work.'))).toEqual([]);
  });
  it('drop a plural s from the short form', () => {
    expect(findAcronyms(analyse('Knowledge Intensive Language Tasks (KILTs) need retrieval.')).map((d) => d.short)).toEqual(['KILT']);
  });
});

describe('the gazetteer name index', () => {
  const entries = DATASET_ENTRIES.filter((e) => !e.ambiguous);
  const index = buildNameIndex(entries.map((e) => ({ id: e.id, names: [e.name, ...e.aliases] })));
  it('finds every unambiguous gazetteer name in a sentence that names it, as that entry', () => {
    const missed: string[] = [];
    for (const e of entries) {
      // A comma ends a name in running text ("COCO, VOC"); such entries are found by their other names.
      for (const name of [e.name, ...e.aliases].filter((n) => !n.includes(','))) {
        const text = `We evaluate on ${name} in all experiments.`;
        const hits = findNames(text, analyse(text).tokens, index);
        // Another entry may share the exact key; then the name is ambiguous between them, not missed.
        if (!hits.some((h) => h.thing.id === e.id || nameKey(h.name) === nameKey(name))) missed.push(`${e.id}: ${name}`);
      }
    }
    expect(missed).toEqual([]);
  });
  it('keeps a trailing plus: RefCOCO+ and ScanNet++ are datasets of their own, not RefCOCO or ScanNet', () => {
    const text = 'We report results on RefCOCO+ and on ScanNet++ only.';
    expect(findNames(text, analyse(text).tokens, index).map((h) => h.name)).toEqual(['RefCOCO+', 'ScanNet++']);
  });
  it('matches whatever the spacing and hyphenation of a multi-word name', () => {
    const text = 'Results on MS COCO, on MS-COCO and on Microsoft COCO.';
    const hits = findNames(text, analyse(text).tokens, index).map((h) => h.thing.id);
    expect(hits).toEqual(['coco', 'coco', 'coco']);
  });
});

describe('token offsets', () => {
  // Words and punctuation separated by any mix of the spaces and control characters papers carry.
  const piece = fc.oneof(word, fc.constantFrom('COCO', 'MS-COCO', '3D', '(', ')', ',', '.', 'x2', 'é', '—', '\u00ad'));
  const gap = fc.stringMatching(/^[ \t\n\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]{0,3}$/);
  const texts = fc.array(fc.tuple(piece, gap), { minLength: 1, maxLength: 12 }).map((xs) => xs.map(([p, g]) => p + g).join(''));

  it('point at the token text, and a token is spaced exactly when a gap precedes it', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const { tokens } = analyse(text);
        let end = 0;
        for (const [i, t] of tokens.entries()) {
          expect(t.start).toBeGreaterThanOrEqual(end);
          expect(text.slice(t.start, t.end)).toBe(t.text);
          if (i > 0) expect(t.spaced).toBe(t.start > end);
          end = t.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});
