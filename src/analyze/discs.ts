/**
 * Discs pushed apart until none overlap (the larger moving less), with a gap of `gap` times the
 * smaller radius; optionally kept inside an enclosing disc. Used for the clusters of the map at
 * every level, so that regions never cover each other.
 */
export interface MovableDisc {
  x: number;
  y: number;
  r: number;
}

export function separateDiscs(pos: MovableDisc[], rand: () => number, options: { gap?: number; within?: MovableDisc; passes?: number } = {}): void {
  const gap = options.gap ?? 0.5;
  for (let pass = 0; pass < (options.passes ?? 2000); pass++) {
    let moved = false;
    for (let i = 0; i < pos.length; i++)
      for (let j = i + 1; j < pos.length; j++) {
        const a = pos[i]!;
        const b = pos[j]!;
        let dx = b.x - a.x;
        let dy = b.y - a.y;
        let d = Math.hypot(dx, dy);
        if (d === 0) {
          dx = rand() - 0.5;
          dy = rand() - 0.5;
          d = Math.hypot(dx, dy);
        }
        const need = a.r + b.r + gap * Math.min(a.r, b.r);
        // Within a hair of the room they need counts as apart: pushes of rounding size would go
        // on to the last pass (they did in most calls that reached it), and a hair is not seen.
        if (d >= need * (1 - SETTLED)) continue;
        const push = (need - d) / d;
        const share = (a.r * a.r) / (a.r * a.r + b.r * b.r);
        a.x -= dx * push * (1 - share);
        a.y -= dy * push * (1 - share);
        b.x += dx * push * share;
        b.y += dy * push * share;
        moved = true;
      }
    if (options.within) for (const p of pos) moved = pullInside(p, options.within) || moved;
    if (!moved) break;
  }
}

/** The share of the room two discs need that they may lack and count as apart (a ten-thousandth). */
const SETTLED = 1e-4;

function pullInside(p: MovableDisc, outer: MovableDisc): boolean {
  const d = Math.hypot(p.x - outer.x, p.y - outer.y);
  const room = Math.max(0, outer.r - p.r);
  if (d <= room + outer.r * SETTLED) return false;
  p.x = outer.x + ((p.x - outer.x) / d) * room;
  p.y = outer.y + ((p.y - outer.y) / d) * room;
  return true;
}

/** Whether any two discs overlap (by more than a hair). */
export function anyOverlap(pos: readonly MovableDisc[]): boolean {
  for (let i = 0; i < pos.length; i++)
    for (let j = i + 1; j < pos.length; j++) if (Math.hypot(pos[i]!.x - pos[j]!.x, pos[i]!.y - pos[j]!.y) < (pos[i]!.r + pos[j]!.r) * 0.995) return true;
  return false;
}
