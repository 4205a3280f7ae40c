/**
 * Labels for the map view, drawn on Sigma's own label canvas (which Sigma clears before each frame
 * and, with its labels off, leaves to us) after each frame, where label-placement.ts
 * puts them: in order of importance (the selected node, then discs by papers, then nodes by size),
 * wrapped, never over another label nor across another disc. Discs holding unloaded nodes of a
 * Cypher result get a ring. The boxes placed are kept on `window.papergraphLabels` for
 * scripted use.
 */
import { useSigma } from '@react-sigma/core';
import { useEffect } from 'react';
import { placeLabels, type LabelCandidate, type PlacedLabel } from './label-placement.ts';
import type { MapHighlight } from './map-highlight.ts';

declare global {
  interface Window {
    papergraphLabels?: PlacedLabel[];
  }
}

const FONT = 'system-ui, sans-serif';
const RING = '#d1495b';

export function LabelLayer({ selected, highlight }: { selected: string | null; highlight: MapHighlight | null }) {
  const sigma = useSigma();
  useEffect(() => {
    // A canvas of our own would be one more full-size layer to upload and composite on every frame.
    const ctx = sigma.getCanvases().labels!.getContext('2d')!;
    // Placement measures the same few hundred strings every frame: each is measured once.
    const widths = new Map<string, number>();
    const wraps = new Map<string, string[]>();
    const measure = (text: string, size: number, bold: boolean) => {
      const key = `${size}${bold ? 'b' : ''}|${text}`;
      let w = widths.get(key);
      if (w === undefined) {
        ctx.font = `${bold ? '600 ' : ''}${size}px ${FONT}`;
        widths.set(key, (w = ctx.measureText(text).width));
      }
      return w;
    };
    // Where the toolbars lie moves only when the canvas is resized: asked again then, not every frame.
    let covered: ReturnType<typeof coveredBy> = [];
    const forgetCovered = () => (covered = []);
    const draw = () => {
      if (covered.length === 0) covered = coveredBy(sigma.getContainer());
      const { width, height } = sigma.getDimensions();
      const origin = sigma.graphToViewport({ x: 0, y: 0 });
      const across = sigma.graphToViewport({ x: 1, y: 0 });
      // Sizes are in graph units: one factor turns them into pixels for the whole frame.
      const unit = Math.hypot(across.x - origin.x, across.y - origin.y);
      const candidates: LabelCandidate[] = [];
      ctx.save();
      sigma.getGraph().forEachNode((node, a) => {
        const display = sigma.getNodeDisplayData(node);
        if (!display || display.hidden) return;
        const c = sigma.graphToViewport({ x: a.x as number, y: a.y as number });
        const r = (a.size as number) * unit;
        if (c.x + r < 0 || c.y + r < 0 || c.x - r > width || c.y - r > height) return;
        const disc = a.kind === 'Cluster';
        if (!disc && r < 2.5 && node !== selected) return;
        const lit = highlight?.discs.has(node) ?? false;
        if (lit) ring(ctx, c.x, c.y, r);
        // While a result is lit, the faded nodes go unlabelled, as in the whole-graph view.
        if (highlight && !disc && !highlight.nodes.has(node) && node !== selected) return;
        const prio = node === selected ? 1e12 : disc ? 1e9 + (a.papers as number) + (lit ? 1e8 : 0) : r;
        candidates.push({ key: node, prio, cx: c.x, cy: c.y, r, texts: disc ? (a.variants as string[]) : [String(a.label ?? a.name ?? '')], disc });
      });
      // Zooming far makes new widths without end: the caches start over now and then.
      if (wraps.size > 20_000) wraps.clear();
      if (widths.size > 50_000) widths.clear();
      const placed = placeLabels(candidates, { width, height, covered }, measure, wraps);
      for (const box of placed) {
        const bold = box.key.startsWith('cluster:');
        ctx.fillStyle = 'rgba(255,255,255,0.82)';
        ctx.fillRect(box.x, box.y, box.w, box.h);
        ctx.fillStyle = '#1d2733';
        ctx.font = `${bold ? '600 ' : ''}${box.size}px ${FONT}`;
        ctx.textAlign = bold ? 'center' : 'left';
        box.lines.forEach((line, i) => ctx.fillText(line, bold ? box.x + box.w / 2 : box.x + 3, box.y + 2 + (i + 1) * (box.size + 3) - 3));
      }
      ctx.restore();
      window.papergraphLabels = placed;
      // The first meaningful paint: the map drawn with its labels (read by the benchmark).
      if (placed.length > 0 && performance.getEntriesByName('papergraph:labels-drawn').length === 0) performance.mark('papergraph:labels-drawn');
    };
    sigma.on('afterRender', draw);
    sigma.on('resize', forgetCovered);
    draw();
    return () => {
      sigma.off('afterRender', draw);
      sigma.off('resize', forgetCovered);
    };
  }, [sigma, selected, highlight]);
  return null;
}

/** The toolbars drawn over the map (export, zoom), as boxes in the canvas's own pixels. */
function coveredBy(container: HTMLElement): { x: number; y: number; w: number; h: number }[] {
  const origin = container.getBoundingClientRect();
  const host = container.closest('.map') ?? container.parentElement ?? container;
  return [...host.querySelectorAll<HTMLElement>('[role="toolbar"]')].map((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left - origin.left, y: r.top - origin.top, w: r.width, h: r.height };
  });
}

function ring(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  ctx.beginPath();
  ctx.arc(x, y, r + 3, 0, 2 * Math.PI);
  ctx.strokeStyle = RING;
  ctx.lineWidth = 3;
  ctx.stroke();
}
