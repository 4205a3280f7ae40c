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
