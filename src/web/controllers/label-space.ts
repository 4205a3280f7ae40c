/**
 * Room on screen that the HTML cluster labels have taken, so that Sigma's node labels (drawn on
 * its canvas, through its own label grid) are not written over them: Sigma's grid keeps node
 * labels apart from each other, but it knows nothing of labels drawn outside the canvas.
 */
import type { NodeLabelDrawingFunction } from 'sigma/rendering';

/** A box in the viewport's pixels (left, right, top, bottom). */
export interface Box {
  l: number;
  r: number;
  t: number;
  b: number;
}

export const overlap = (a: Box, b: Box, margin = 0): boolean => a.l < b.r + margin && a.r + margin > b.l && a.t < b.b + margin && a.b + margin > b.t;

/**
 * Where a cluster label of size `w`×`h` goes near its centre: on the centre if that is free, else
 * the nearest free place at most half its width and one and a half of its height away, so that two
 * clusters whose centres are close both keep a label; kept inside the viewport. undefined when
 * every place near the centre is taken.
 */
export function placeNear(centre: { x: number; y: number }, size: { w: number; h: number }, viewport: { width: number; height: number }, placed: readonly Box[], margin: number): Box | undefined {
  const { w, h } = size;
  for (const [fx, fy] of SHIFTS) {
    const l = Math.min(Math.max(centre.x + fx * w - w / 2, 4), viewport.width - w - 4);
    const t = Math.min(Math.max(centre.y + fy * h - h / 2, 4), viewport.height - h - 4);
    const box = { l, r: l + w, t, b: t + h };
    if (!placed.some((o) => overlap(box, o, margin))) return box;
  }
  return undefined;
}

/** Shifts in label widths and heights, nearest first (a step sideways counts as much as one up). */
const SHIFTS: ReadonlyArray<readonly [number, number]> = [-0.5, -0.25, 0, 0.25, 0.5]
  .flatMap((fx) => [-1.5, -1, -0.5, 0, 0.5, 1, 1.5].map((fy) => [fx, fy] as const))
  .sort((a, b) => Math.hypot(2 * a[0], a[1]) - Math.hypot(2 * b[0], b[1]) || a[1] - b[1] || a[0] - b[0]);

export class LabelSpace {
  private boxes: Box[] = [];
  /** Node labels drawn in this frame: Sigma's label grid keeps one per cell, but a long one runs into the next cell's. */
  private drawn: Box[] = [];

  /** A new frame: the node labels of the last one are gone. */
  newFrame(): void {
    this.drawn = [];
  }

  /** A node label was drawn here; later ones in this frame keep off it. */
  claim(box: Box): void {
    this.drawn.push(box);
  }

  /** Replaces the taken boxes; true when they changed (the node labels then need drawing again). */
  take(boxes: Box[]): boolean {
    const same = boxes.length === this.boxes.length && boxes.every((b, i) => sameBox(b, this.boxes[i]!));
    this.boxes = boxes;
    return !same;
  }

  isFree(box: Box): boolean {
    return !this.boxes.some((b) => overlap(box, b)) && !this.drawn.some((b) => overlap(box, b, 2));
  }
}

const sameBox = (a: Box, b: Box) => Math.round(a.l) === Math.round(b.l) && Math.round(a.t) === Math.round(b.t) && Math.round(a.r) === Math.round(b.r) && Math.round(a.b) === Math.round(b.b);

/** A node label drawn by `draw` (Sigma's drawDiscNodeLabel), skipped where its text would cross a taken box, a node label drawn before it in the frame, or the canvas's edge. */
export function labelOutside(space: LabelSpace, draw: NodeLabelDrawingFunction): NodeLabelDrawingFunction {
  return (context, data, settings) => {
    if (!data.label) return;
    const size = settings.labelSize;
    context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    // Where drawDiscNodeLabel writes: from just right of the disc, on a baseline a third of the size down.
    const l = data.x + data.size + 3;
    const box = { l, r: l + context.measureText(data.label).width, t: data.y + size / 3 - size, b: data.y + size / 3 + size * 0.25 };
    // A label running past the canvas's right edge would be cut mid-word ("Retriev"): skip it.
    const right = context.canvas ? context.canvas.width / (globalThis.devicePixelRatio || 1) : Infinity;
    if (box.r > right || !space.isFree(box)) return;
    draw(context, data, settings);
    space.claim(box);
  };
}
