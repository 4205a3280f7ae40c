/**
 * Labels for the map view, drawn with a collision check on Sigma's own label canvas (which Sigma
 * clears before each frame and, with its labels off, leaves to us) after each frame: candidates in
 * order of importance (the selected node, then cluster discs by papers, then nodes by size), each
 * placed only if its box overlaps no box placed before, so no label is ever drawn over another at
 * any zoom. The boxes placed are kept on `window.papergraphLabels` for scripted use.
 */
import { useSigma } from '@react-sigma/core';
import { useEffect } from 'react';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  text: string;
}

declare global {
  interface Window {
    papergraphLabels?: Box[];
  }
}

const FONT = 'system-ui, sans-serif';
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

export function LabelLayer({ selected }: { selected: string | null }) {
  const sigma = useSigma();
  useEffect(() => {
    // A canvas of our own would be one more full-size layer to upload and composite on every frame.
    const ctx = sigma.getCanvases().labels!.getContext('2d')!;
    // Text widths by font and text: measuring is the dearest part of a frame spent panning.
    const widths = new Map<string, number>();
    const widthOf = (font: string, text: string) => {
      const key = `${font}\n${text}`;
      let w = widths.get(key);
      if (w !== undefined) return w;
      if (widths.size > 20_000) widths.clear();
      widths.set(key, (w = ctx.measureText(text).width));
      return w;
    };
    const draw = () => {
      const { width, height } = sigma.getDimensions();
      const graph = sigma.getGraph();
      const origin = sigma.graphToViewport({ x: 0, y: 0 });
      const across = sigma.graphToViewport({ x: 1, y: 0 });
      // Sizes are in graph units: one factor turns them into pixels for the whole frame.
      const unit = Math.hypot(across.x - origin.x, across.y - origin.y);
      const candidates: { node: string; prio: number; cx: number; cy: number; r: number; texts: string[]; disc: boolean }[] = [];
      graph.forEachNode((node, a) => {
        const c = sigma.graphToViewport({ x: a.x as number, y: a.y as number });
        const r = (a.size as number) * unit;
        if (c.x + r < 0 || c.y + r < 0 || c.x - r > width || c.y - r > height) return;
        const disc = a.kind === 'Cluster';
        if (!disc && r < 2.5 && node !== selected) return;
        const prio = node === selected ? 1e12 : disc ? 1e9 + (a.papers as number) : r;
        candidates.push({ node, prio, cx: c.x, cy: c.y, r, texts: disc ? (a.variants as string[]) : [String(a.label ?? a.name ?? '')], disc });
      });
      candidates.sort((p, q) => q.prio - p.prio);
      const placed: Box[] = [];
      ctx.save();
      for (const c of candidates) {
        if (placed.length >= 300) break;
        const size = c.disc ? 13 : 11;
        const font = `${c.disc ? '600 ' : ''}${size}px ${FONT}`;
        ctx.font = font;
        // The full label if it has room, else a shorter form; a disc's label is kept inside the view.
        for (const full of c.texts) {
          const text = full.length > 48 ? `${full.slice(0, 46)}…` : full;
          const w = widthOf(font, text) + 6;
          const h = size + 5;
          const x = c.disc ? Math.min(Math.max(c.cx - w / 2, 0), width - w) : c.cx + c.r + 2;
          const y = c.disc ? Math.min(Math.max(c.cy - h / 2, 0), height - h) : c.cy - h / 2;
          const box: Box = { x, y, w, h, text };
          if (box.x < 0 || box.y < 0 || box.x + w > width || box.y + h > height) continue;
          if (placed.some((b) => overlaps(b, box))) continue;
          placed.push(box);
          ctx.fillStyle = 'rgba(255,255,255,0.82)';
          ctx.fillRect(box.x, box.y, w, h);
          ctx.fillStyle = '#1d2733';
          ctx.fillText(text, box.x + 3, box.y + size);
          break;
        }
      }
      ctx.restore();
      window.papergraphLabels = placed;
      // The first meaningful paint: the map drawn with its labels (read by the benchmark).
      if (placed.length > 0 && performance.getEntriesByName('papergraph:labels-drawn').length === 0) performance.mark('papergraph:labels-drawn');
    };
    sigma.on('afterRender', draw);
    // Sigma clears its label canvas when it renders: a refresh draws the labels again.
    sigma.refresh();
    return () => {
      sigma.off('afterRender', draw);
    };
  }, [sigma, selected]);
  return null;
}
