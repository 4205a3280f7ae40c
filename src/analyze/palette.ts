/**
 * Cluster colours: a qualitative palette of well-separated hues, readable on a light background,
 * in an order where neighbours differ strongly (after Kelly's and Tableau's palettes).
 */
export const CLUSTER_PALETTE = [
  '#4e79a7', '#f28e2b', '#e15759', '#59a14f', '#b07aa1', '#edc948', '#76b7b2', '#ff9da7', '#9c755f', '#2f4b7c',
  '#d45087', '#7fbc41', '#a05195', '#ffa600', '#00876c', '#665191', '#c04a31', '#4a9fd8', '#8c6d31', '#6b6ecf',
] as const;

export const OTHER_COLOUR = '#b0b0b0';

export function clusterColour(cluster: number, isOther: boolean): string {
  return isOther ? OTHER_COLOUR : CLUSTER_PALETTE[cluster % CLUSTER_PALETTE.length]!;
}

/**
 * The i-th of n shades of a cluster's colour, for its sub-clusters: the same hue, lighter or darker
 * in turn, so a topic reads as part of its field at every level. `level` is the parent's level:
 * below the topic (parents of level 3 and deeper) each step is smaller, so that a cluster several levels
 * down still has its field's hue, not one washed out to white or darkened to black.
 */
export function shade(hex: string, i: number, n: number, level = 1): string {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m || n < 2) return hex;
  const v = parseInt(m[1]!, 16);
  const damp = 0.6 ** Math.max(0, level - 2);
  const step = damp * (i % 2 === 0 ? 1 : -1) * (0.12 + 0.3 * (Math.floor(i / 2) / Math.max(1, Math.ceil(n / 2))));
  const mix = (c: number) => Math.round(step > 0 ? c + (255 - c) * step : c * (1 + step));
  const [r, g, b] = [(v >> 16) & 255, (v >> 8) & 255, v & 255].map(mix) as [number, number, number];
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}
