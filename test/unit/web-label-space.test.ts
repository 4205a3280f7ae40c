import { describe, expect, it } from 'vitest';
import { LabelSpace, labelOutside, overlap, placeNear } from '../../src/web/controllers/label-space.ts';
import type { Settings } from 'sigma/settings';

/** A canvas context that measures text 7 px a character wide. */
const context = { font: '', measureText: (text: string) => ({ width: 7 * text.length }) } as unknown as CanvasRenderingContext2D;

describe('room taken by cluster labels', () => {
  it('boxes overlap only when they share area (a margin widens them)', () => {
    const a = { l: 0, r: 10, t: 0, b: 10 };
    expect(overlap(a, { l: 5, r: 15, t: 5, b: 15 })).toBe(true);
    expect(overlap(a, { l: 10, r: 20, t: 0, b: 10 })).toBe(false);
    expect(overlap(a, { l: 12, r: 20, t: 0, b: 10 }, 3)).toBe(true);
  });

  it('says when the taken room changed, so node labels are drawn again only then', () => {
    const space = new LabelSpace();
    expect(space.take([{ l: 0, r: 10, t: 0, b: 10 }])).toBe(true);
    expect(space.take([{ l: 0.2, r: 10.1, t: 0, b: 10 }])).toBe(false);
    expect(space.take([])).toBe(true);
  });

  it("draws a node's label where it is free and skips it where a cluster label stands", () => {
    const space = new LabelSpace();
    space.take([{ l: 100, r: 300, t: 90, b: 110 }]);
    const written: string[] = [];
    const draw = labelOutside(space, (_, data) => written.push(data.label!));
    const settings = { labelSize: 12, labelWeight: 'normal', labelFont: 'sans-serif' } as Settings;
    draw(context, { x: 50, y: 100, size: 5, label: 'crosses the cluster label', color: '#000' }, settings);
    draw(context, { x: 50, y: 200, size: 5, label: 'below it', color: '#000' }, settings);
    draw(context, { x: 10, y: 100, size: 5, label: 'short', color: '#000' }, settings);
    expect(written).toEqual(['below it', 'short']);
  });

  it('moves a cluster label beside its centre when a larger one holds the centre, and hides it only when no place near is free', () => {
    const viewport = { width: 800, height: 600 };
    const size = { w: 100, h: 30 };
    const first = placeNear({ x: 400, y: 300 }, size, viewport, [], 6)!;
    expect(first).toEqual({ l: 350, r: 450, t: 285, b: 315 });
    const second = placeNear({ x: 420, y: 305 }, size, viewport, [first], 6)!;
    expect(overlap(second, first, 6)).toBe(false);
    // It stays near its own centre: within one and a half label heights and half a width of it.
    expect(Math.abs((second.t + second.b) / 2 - 305)).toBeLessThanOrEqual(1.5 * size.h);
    expect(Math.abs((second.l + second.r) / 2 - 420)).toBeLessThanOrEqual(size.w / 2);
    const around = [first, second, { l: 0, r: 800, t: 0, b: 240 }, { l: 0, r: 800, t: 360, b: 600 }, { l: 0, r: 300, t: 0, b: 600 }, { l: 500, r: 800, t: 0, b: 600 }];
    expect(placeNear({ x: 400, y: 300 }, size, viewport, around, 6)).toBeUndefined();
  });

  it('keeps a label inside the viewport when its centre is near an edge', () => {
    const box = placeNear({ x: 790, y: 5 }, { w: 100, h: 30 }, { width: 800, height: 600 }, [], 6)!;
    expect(box.r).toBeLessThanOrEqual(796);
    expect(box.t).toBeGreaterThanOrEqual(4);
  });

  it("skips a node's label that would run past the canvas's right edge", () => {
    const space = new LabelSpace();
    const narrow = { font: '', canvas: { width: 200 }, measureText: (text: string) => ({ width: 7 * text.length }) } as unknown as CanvasRenderingContext2D;
    const written: string[] = [];
    const draw = labelOutside(space, (_, data) => written.push(data.label!));
    const settings = { labelSize: 12, labelWeight: 'normal', labelFont: 'sans-serif' } as Settings;
    draw(narrow, { x: 150, y: 50, size: 5, label: 'Retrieval-augmented generation', color: '#000' }, settings);
    draw(narrow, { x: 20, y: 50, size: 5, label: 'fits', color: '#000' }, settings);
    expect(written).toEqual(['fits']);
  });

  it("skips a node's label that would run over one drawn before it in the same frame, until the next frame", () => {
    const space = new LabelSpace();
    const written: string[] = [];
    const draw = labelOutside(space, (_, data) => written.push(data.label!));
    const settings = { labelSize: 12, labelWeight: 'normal', labelFont: 'sans-serif' } as Settings;
    const first = { x: 100, y: 100, size: 5, label: 'Unified Demonstration Retriever', color: '#000' };
    const second = { x: 150, y: 102, size: 5, label: 'Prefer to Classify', color: '#000' };
    draw(context, first, settings);
    draw(context, second, settings);
    draw(context, { x: 150, y: 160, size: 5, label: 'far below', color: '#000' }, settings);
    expect(written).toEqual(['Unified Demonstration Retriever', 'far below']);
    space.newFrame();
    draw(context, second, settings);
    expect(written.at(-1)).toBe('Prefer to Classify');
  });
});
