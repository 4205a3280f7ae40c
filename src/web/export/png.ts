/**
 * A PNG of the current view: Sigma's layers (WebGL and 2D) composited in their stacking order onto
 * one canvas, on white, with the cluster labels drawn on top. WebGL buffers are only readable in
 * the task that drew them, so the view is rendered synchronously first.
 */
import type Sigma from 'sigma';

export function snapshotCanvas(sigma: Sigma, overlay: HTMLElement | null): HTMLCanvasElement {
  sigma.refresh();
  const { width, height } = sigma.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  const out = document.createElement('canvas');
  out.width = Math.round(width * ratio);
  out.height = Math.round(height * ratio);
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  const layers = Array.from(sigma.getContainer().querySelectorAll('canvas'));
  for (const layer of layers) ctx.drawImage(layer, 0, 0, out.width, out.height);
  if (overlay) {
    ctx.scale(ratio, ratio);
    const origin = sigma.getContainer().getBoundingClientRect();
    for (const el of Array.from(overlay.querySelectorAll<HTMLElement>('.cluster-label'))) {
      if (el.hidden) continue;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      ctx.fillStyle = style.color;
      ctx.textBaseline = 'middle';
      ctx.fillText(el.textContent ?? '', box.left - origin.left, box.top - origin.top + box.height / 2);
    }
  }
  return out;
}

export function exportPng(sigma: Sigma, overlay: HTMLElement | null): Promise<Blob> {
  const canvas = snapshotCanvas(sigma, overlay);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
