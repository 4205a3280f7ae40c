/**
 * The graph the map view draws, derived from what is loaded and opened: every cluster not opened is
 * one disc (its size in map units, so it covers the region its children will fill); an opened
 * cluster shows its children, and an opened leaf its papers and entities. The rest of the field
 * stays around it in summary. Papers outside the year range are left out and discs shrink by area.
 */
import type Graph from 'graphology';
import type { MapCluster, MapClusterFile, MapLink, MapTop } from '../../model/map.ts';

export interface MapDisplay {
  top: MapTop;
  files: ReadonlyMap<string, MapClusterFile>;
  open: ReadonlySet<string>;
  years: [number, number] | null;
}

export const clusterKey = (id: string) => `cluster:${id}`;
export const clusterOfKey = (key: string) => (key.startsWith('cluster:') ? key.slice(8) : null);

export function papersInYears(c: MapCluster, years: [number, number] | null): number {
  if (!years) return c.papers;
  return c.years.reduce((s, [y, n]) => (y >= years[0] && y <= years[1] ? s + n : s), 0);
}

/** Clears `graph` and fills it with the view of `d`. */
export function fillMapGraph(graph: Graph, d: MapDisplay): void {
  graph.clear();
  const links: MapLink[] = [...d.top.links];
  const edges: MapClusterFile['edges'] = [];
  const visit = (c: MapCluster) => {
    const file = d.open.has(c.id) ? d.files.get(c.id) : undefined;
    if (!file) return addDisc(graph, c, d.years);
    if (!c.leaf) {
      links.push(...file.links);
      return file.children.forEach(visit);
    }
    for (const n of file.nodes) {
      const a = n.attributes!;
      if (graph.hasNode(n.key)) continue;
      if (d.years && a.kind === 'Paper' && (typeof a.year !== 'number' || a.year < d.years[0] || a.year > d.years[1])) continue;
      graph.addNode(n.key, { ...a, label: a.name, color: a.kind === 'Paper' ? c.color : entityColor(a.kind) });
    }
    edges.push(...file.edges);
  };
  d.top.clusters.forEach(visit);
  for (const e of edges)
    if (graph.hasNode(e.source) && graph.hasNode(e.target) && !graph.hasEdge(e.source, e.target)) graph.addEdgeWithKey(e.key ?? `${e.source}->${e.target}`, e.source, e.target, { ...e.attributes, size: 0.4, color: '#c8cdd3' });
  for (const l of links) {
    const [a, b] = [clusterKey(l.a), clusterKey(l.b)];
    if (!graph.hasNode(a) || !graph.hasNode(b) || graph.hasEdge(a, b)) continue;
    graph.addEdgeWithKey(`link:${l.a}-${l.b}`, a, b, { type: 'line', size: Math.min(6, 1 + Math.log2(1 + l.weight)), color: '#d5d9de', shared: l.shared });
  }
}

function addDisc(graph: Graph, c: MapCluster, years: [number, number] | null): void {
  const shown = papersInYears(c, years);
  if (years && shown === 0) return;
  const r = c.r * Math.max(0.2, Math.sqrt(shown / Math.max(1, c.papers)));
  // Shorter forms of the label, for LabelLayer to try where the full one has no room.
  const variants = [c.label, c.top.slice(0, 2).join(' · '), c.top[0] ?? ''].filter((v, i, all) => v && all.indexOf(v) === i);
  graph.addNode(clusterKey(c.id), { kind: 'Cluster', name: c.label, label: c.label, variants, x: c.x, y: c.y, size: r, color: c.color, papers: shown, level: c.level, cluster: c.id });
}

const ENTITY_COLORS: Record<string, string> = { Dataset: '#2a6f97', Benchmark: '#7b2cbf', Task: '#2d6a4f', Concept: '#8d99ae' };
const entityColor = (kind: string) => ENTITY_COLORS[kind] ?? '#8d99ae';
