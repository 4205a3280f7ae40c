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

export class LabelSpace {
  private boxes: Box[] = [];

  /** Replaces the taken boxes; true when they changed (the node labels then need drawing again). */
  take(boxes: Box[]): boolean {
    const same = boxes.length === this.boxes.length && boxes.every((b, i) => sameBox(b, this.boxes[i]!));
    this.boxes = boxes;
    return !same;
  }

  isFree(box: Box): boolean {
    return !this.boxes.some((b) => overlap(box, b));
  }
}

const sameBox = (a: Box, b: Box) => Math.round(a.l) === Math.round(b.l) && Math.round(a.t) === Math.round(b.t) && Math.round(a.r) === Math.round(b.r) && Math.round(a.b) === Math.round(b.b);

/** A node label drawn by `draw` (Sigma's drawDiscNodeLabel), skipped where its text would cross a taken box. */
export function labelOutside(space: LabelSpace, draw: NodeLabelDrawingFunction): NodeLabelDrawingFunction {
  return (context, data, settings) => {
    if (!data.label) return;
    const size = settings.labelSize;
    context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    // Where drawDiscNodeLabel writes: from just right of the disc, on a baseline a third of the size down.
    const l = data.x + data.size + 3;
    const box = { l, r: l + context.measureText(data.label).width, t: data.y + size / 3 - size, b: data.y + size / 3 + size * 0.25 };
    if (space.isFree(box)) draw(context, data, settings);
  };
}
