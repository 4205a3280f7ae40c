import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discCrossesBox, placeLabels, wrapLabel, type LabelCandidate } from '../../src/web/map/label-placement.ts';

/** Text 7 px a character wide at 12 px, scaled with the size. */
const measure = (text: string, size: number) => (7 * text.length * size) / 12;
const at12 = (s: string) => measure(s, 12);

describe('map label wrapping', () => {
  it('breaks between terms first, and inside a term only when it is too wide alone', () => {
    expect(wrapLabel('reinforcement learning · policy gradient · Atari', 170, at12)).toEqual(['reinforcement learning', 'policy gradient · Atari']);
    expect(wrapLabel('convolutional neural network', 100, at12)).toEqual(['convolutional', 'neural network']);
    expect(wrapLabel('COCO', 10, at12)).toEqual(['COCO']);
  });

  it('keeps every word, in order, and no line wider than asked unless it is one word', () => {
    const word = fc.stringMatching(/^[a-z]{1,14}$/);
    const term = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(term, { minLength: 1, maxLength: 5 }), fc.integer({ min: 40, max: 300 }), (terms, width) => {
        const text = terms.join(' · ');
        const lines = wrapLabel(text, width, at12);
        expect(lines.join(' ').split(/ · | /)).toEqual(text.split(/ · | /));
        for (const l of lines) if (at12(l) > width) expect(l).not.toMatch(/ /);
      }),
    );
  });
});

describe('map label placement', () => {
  const disc = (key: string, cx: number, cy: number, r: number, texts: string[]): LabelCandidate => ({ key, prio: 1e9 + r, cx, cy, r, texts, disc: true });

  it("puts a disc's label inside it when it fits, else its shorter form, else around it", () => {
    const [big] = placeLabels([disc('a', 200, 200, 80, ['image recognition · image classification'])], { width: 400, height: 400 }, measure);
    expect(big!.lines.length).toBeGreaterThan(1);
    expect(big!.x + big!.w / 2).toBeCloseTo(200, 0);
    const [small] = placeLabels([disc('b', 200, 200, 8, ['speech synthesis'])], { width: 400, height: 400 }, measure);
    expect(small!.y).toBeGreaterThan(208);
  });

  it('puts no label under a toolbar drawn over the map', () => {
    const toolbar = { x: 150, y: 180, w: 100, h: 40 };
    const [free] = placeLabels([disc('a', 200, 200, 60, ['image recognition'])], { width: 400, height: 400 }, measure);
    const overlapsToolbar = (b: { x: number; y: number; w: number; h: number }) => b.x < toolbar.x + toolbar.w && toolbar.x < b.x + b.w && b.y < toolbar.y + toolbar.h && toolbar.y < b.y + b.h;
    expect(overlapsToolbar(free!)).toBe(true);
    const placed = placeLabels([disc('a', 200, 200, 60, ['image recognition'])], { width: 400, height: 400, covered: [toolbar] }, measure);
    expect(placed).toHaveLength(1);
    expect(overlapsToolbar(placed[0]!)).toBe(false);
  });

  it('leaves a disc without a label rather than across a neighbour', () => {
    const packed = [disc('a', 100, 100, 40, ['a long label for the first disc']), disc('b', 181, 100, 40, ['x']), disc('c', 100, 181, 40, ['y']), disc('d', 19, 100, 40, ['z']), disc('e', 100, 19, 40, ['w'])];
    const placed = placeLabels(packed, { width: 400, height: 400 }, measure);
    for (const b of placed) for (const d of packed) if (d.key !== b.key) expect(discCrossesBox(d, b)).toBe(false);
  });

  it('never overlaps two labels, never crosses another disc or visible node, never leaves the view, never cuts a disc label', () => {
    const candidate = fc.record({
      cx: fc.integer({ min: 0, max: 800 }),
      cy: fc.integer({ min: 0, max: 600 }),
      r: fc.integer({ min: 1, max: 90 }),
      disc: fc.boolean(),
      texts: fc.array(fc.stringMatching(/^[a-z]{1,10}( [a-z]{1,10}){0,6}$/), { minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 40 }), (raw) => {
        const cands = raw.map((c, i) => ({ ...c, key: `n${i}`, prio: c.disc ? 1e9 + c.r : c.r }));
        const placed = placeLabels(cands, { width: 800, height: 600 }, measure);
        placed.forEach((a, i) => {
          expect(a.x >= 0 && a.y >= 0 && a.x + a.w <= 800 && a.y + a.h <= 600).toBe(true);
          for (const b of placed.slice(i + 1)) expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h).toBe(false);
          for (const d of cands) if ((d.disc || d.r >= 3) && d.key !== a.key) expect(discCrossesBox(d, a)).toBe(false);
          const own = cands.find((c) => c.key === a.key)!;
          if (own.disc) expect(a.text.endsWith('…')).toBe(false);
        });
      }),
    );
  });
});
