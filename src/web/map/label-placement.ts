/**
 * Where the map's labels go, in screen pixels: candidates in order of importance, each wrapped to a
 * few lines and tried at a few places (inside its disc, then below, above, beside it), and placed
 * at the first place that stays in the view, overlaps no label placed before and lies across no
 * other disc or visible node. A candidate with no such place gets no label rather than one over
 * its neighbours.
 * Pure: text is measured through the function it is given.
 */

export interface LabelCandidate {
  key: string;
  /** Higher goes first. */
  prio: number;
  cx: number;
  cy: number;
  /** Radius on screen. */
  r: number;
  /** The label and its shorter forms, longest first. */
  texts: string[];
  disc: boolean;
}

export interface PlacedLabel {
  key: string;
  x: number;
  y: number;
  w: number;
  h: number;
  text: string;
  lines: string[];
  size: number;
}

export type Measure = (text: string, size: number, bold: boolean) => number;

const PAD = 3;
const MAX_LABELS = 300;
/** Wrap widths are rounded down to this many pixels, so that wraps can be reused from frame to frame. */
const WRAP_STEP = 4;
/** Nodes smaller than this on screen (px) may lie under a label. */
const MIN_OBSTACLE = 3;
const overlaps = (a: PlacedLabel, b: { x: number; y: number; w: number; h: number }) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Whether a disc crosses a box (the nearest point of the box lies inside the disc). */
export function discCrossesBox(d: { cx: number; cy: number; r: number }, b: { x: number; y: number; w: number; h: number }): boolean {
  const nx = Math.max(b.x, Math.min(d.cx, b.x + b.w));
  const ny = Math.max(b.y, Math.min(d.cy, b.y + b.h));
  return Math.hypot(nx - d.cx, ny - d.cy) < d.r;
}

/**
 * `text` in lines no wider than `width`: a label's terms (joined by " · ") break between terms
 * first, words only where a term alone is too wide; a word wider than the line stands alone.
 */
export function wrapLabel(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  const put = (piece: string, joiner: string) => {
    const joined = line ? `${line}${joiner}${piece}` : piece;
    if (!line || measure(joined) <= width) line = joined;
    else {
      lines.push(line);
      line = piece;
    }
  };
  for (const term of text.split(' · ')) {
    if (line && measure(`${line} · ${term}`) <= width) line = `${line} · ${term}`;
    else if (measure(term) <= width) {
      if (line) lines.push(line);
      line = term;
    } else for (const [i, word] of term.split(' ').entries()) put(word, i === 0 ? ' · ' : ' ');
  }
  if (line) lines.push(line);
  return lines;
}

/** Lines cut to `max`, the last one ending in an ellipsis when text was left out. */
function fitLines(lines: string[], max: number, width: number, measure: (s: string) => number): { lines: string[] } {
  if (lines.length <= max) return { lines };
  const kept = lines.slice(0, max);
  let last = `${kept[max - 1]} ${lines[max]}`;
  while (last.length > 1 && measure(`${last}…`) > width) last = last.slice(0, -1).trimEnd();
  kept[max - 1] = `${last}…`;
  return { lines: kept };
}

/**
 * `wraps`: wrapped lines by text, size and width, kept by the caller from frame to frame (a label
 * is wrapped the same while the zoom changes its width by less than a few pixels).
 */
/** The canvas's size, and the boxes on it that controls cover (the export and zoom toolbars): no label goes under them. */
export interface LabelView {
  width: number;
  height: number;
  covered?: readonly Rect[];
}

export function placeLabels(candidates: readonly LabelCandidate[], view: LabelView, measure: Measure, wraps = new Map<string, string[]>()): PlacedLabel[] {
  // What a label may not lie across: every disc, and every node drawn large enough to be seen under it.
  const obstacles = new Grid<LabelCandidate>();
  for (const c of candidates) if (c.disc || c.r >= MIN_OBSTACLE) obstacles.add(c, { x: c.cx - c.r, y: c.cy - c.r, w: 2 * c.r, h: 2 * c.r });
  const taken = new Grid<PlacedLabel>();
  const placed: PlacedLabel[] = [];
  for (const c of [...candidates].sort((p, q) => q.prio - p.prio)) {
    if (placed.length >= MAX_LABELS) break;
    const label = placeOne(c, obstacles, taken, view, measure, wraps);
    if (!label) continue;
    placed.push(label);
    taken.add(label, label);
  }
  return placed;
}

function placeOne(c: LabelCandidate, obstacles: Grid<LabelCandidate>, taken: Grid<PlacedLabel>, view: LabelView, measure: Measure, wraps: Map<string, string[]>): PlacedLabel | null {
  const sizes = c.disc ? [13, 11, 10] : [11];
  // A disc's label goes inside it, wrapped to fit, or else around it as wide as the disc (at least a
  // short phrase); a node's beside it, on two lines at most.
  const tries = c.disc ? [{ width: 1.6 * c.r, inside: true }, { width: Math.min(260, Math.max(150, 2.2 * c.r)), inside: false }] : [{ width: 200, inside: false }];
  const maxLines = c.disc ? 3 : 2;
  // Inside its disc in any of its forms reads better than the longest form beside it.
  for (const t of tries)
    for (const full of c.texts)
      for (const size of sizes) {
        // Too small a disc to hold even one line: no need to wrap anything for its inside.
        if (t.inside && c.r < size + 7) continue;
        const m = (s: string) => measure(s, size, c.disc);
        const inner = WRAP_STEP * Math.floor((t.width - 2 * PAD) / WRAP_STEP);
        if (inner < 3 * size) continue;
        const key = `${size}|${inner}|${c.disc ? 'b' : ''}|${full}`;
        let wrapped = wraps.get(key);
        if (!wrapped) wraps.set(key, (wrapped = wrapLabel(full, inner, m)));
        // Only a node's label (a title) may be shortened; a disc falls back to its shorter forms instead.
        if (c.disc && wrapped.length > maxLines) continue;
        const fitted = fitLines(wrapped, maxLines, inner, m);
        const w = Math.ceil(Math.max(...fitted.lines.map(m))) + 2 * PAD;
        const h = fitted.lines.length * (size + 3) + 4;
        for (const [x, y] of t.inside ? inside(c, w, h) : around(c, w, h)) {
          const box = { key: c.key, x, y, w, h, text: fitted.lines.join(' '), lines: fitted.lines, size };
          if (x < 0 || y < 0 || x + w > view.width || y + h > view.height) continue;
          if (taken.some(box, (b) => overlaps(b, box))) continue;
          if (view.covered?.some((r) => overlaps(box, r))) continue;
          if (obstacles.some(box, (d) => d.key !== c.key && discCrossesBox(d, box))) continue;
          return box;
        }
      }
  return null;
}

type Rect = { x: number; y: number; w: number; h: number };

/** Items by the screen cells their boxes cover, so a label is checked only against what is near it. */
class Grid<T> {
  private readonly cells = new Map<number, T[]>();
  private static readonly SIZE = 64;

  add(item: T, r: Rect): void {
    this.forCells(r, (k) => (this.cells.get(k) ?? this.cells.set(k, []).get(k)!).push(item));
  }

  some(r: Rect, test: (item: T) => boolean): boolean {
    let hit = false;
    this.forCells(r, (k) => (hit ||= this.cells.get(k)?.some(test) ?? false));
    return hit;
  }

  private forCells(r: Rect, f: (key: number) => void): void {
    const s = Grid.SIZE;
    // Keys pack two cell indexes into one number; the view is far smaller than 2^16 cells a side.
    for (let i = Math.floor(r.x / s); i <= Math.floor((r.x + r.w) / s); i++) for (let j = Math.floor(r.y / s); j <= Math.floor((r.y + r.h) / s); j++) f((i + 32768) * 65536 + (j + 32768));
  }
}

/** The centre of a disc: the label lies on its own disc, and may pass its rim where no other disc is. */
const inside = (c: LabelCandidate, w: number, h: number): [number, number][] => (c.r >= h ? [[c.cx - w / 2, c.cy - h / 2]] : []);

/** Places around a disc or node, best first: a disc's label below or above it, a node's beside it, then the corners. */
function around(c: LabelCandidate, w: number, h: number): [number, number][] {
  const g = 2;
  const d = c.r * Math.SQRT1_2;
  const below: [number, number] = [c.cx - w / 2, c.cy + c.r + g];
  const above: [number, number] = [c.cx - w / 2, c.cy - c.r - g - h];
  const right: [number, number] = [c.cx + c.r + g, c.cy - h / 2];
  const left: [number, number] = [c.cx - c.r - g - w, c.cy - h / 2];
  const corners: [number, number][] = [
    [c.cx + d + g, c.cy + d + g],
    [c.cx - d - g - w, c.cy + d + g],
    [c.cx + d + g, c.cy - d - g - h],
    [c.cx - d - g - w, c.cy - d - g - h],
  ];
  return [...(c.disc ? [below, above, right, left] : [right, left, below, above]), ...corners];
}
