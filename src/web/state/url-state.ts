/**
 * The view <-> URL query string. Defaults are left out so a plain URL stays plain; anything
 * malformed in a hand-edited link falls back to the default for that field.
 */
import { type CameraView, type ViewState, emptyView } from './view.ts';

const round = (n: number, digits: number) => Number(n.toFixed(digits));

export function encodeView(view: ViewState): string {
  const p = new URLSearchParams();
  if (view.selected) p.set('node', view.selected);
  if (view.hiddenKinds.length) p.set('hideKinds', [...view.hiddenKinds].sort().join(','));
  if (view.hiddenClusters.length) p.set('hideClusters', [...view.hiddenClusters].sort((a, b) => a - b).join(','));
  if (view.minDegree > 0) p.set('minDegree', String(view.minDegree));
  if (view.query) p.set('q', view.query);
  if (view.camera) p.set('camera', [round(view.camera.x, 4), round(view.camera.y, 4), round(view.camera.ratio, 4)].join(','));
  const s = p.toString();
  return s ? `?${s}` : '';
}

function parseCamera(raw: string | null): CameraView | null {
  if (!raw) return null;
  const parts = raw.split(',').map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [x, y, ratio] = parts as [number, number, number];
  return ratio > 0 ? { x, y, ratio } : null;
}

export function decodeView(search: string): ViewState {
  const p = new URLSearchParams(search);
  const view = emptyView();
  view.selected = p.get('node') || null;
  view.hiddenKinds = (p.get('hideKinds') ?? '').split(',').filter(Boolean);
  view.hiddenClusters = (p.get('hideClusters') ?? '')
    .split(',')
    .filter(Boolean)
    .map(Number)
    .filter((n) => Number.isInteger(n));
  const deg = Number(p.get('minDegree') ?? 0);
  view.minDegree = Number.isFinite(deg) && deg > 0 ? Math.floor(deg) : 0;
  view.query = p.get('q') ?? '';
  view.camera = parseCamera(p.get('camera'));
  return view;
}
