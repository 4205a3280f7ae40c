/**
 * Positions in two levels, as cluster maps such as VOSviewer's are read: first each cluster gets a
 * disc of its own (area by size, placed by ForceAtlas2 on the graph of clusters so related clusters
 * sit near each other, then pushed apart until no discs overlap); then each cluster's nodes are laid
 * out inside their disc with ForceAtlas2 (Jacomy et al., PLoS ONE 2014). Clusters therefore open
 * apart, and the work is a sum of small layouts instead of one large one. Seeded, so it repeats.
 */
import Graph, { UndirectedGraph } from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { separateDiscs } from './discs.ts';
import { seededRandom } from './rng.ts';

export interface LayoutOptions {
  seed?: number;
  /** Iterations of each within-cluster layout (default: by a work budget). */
  iterations?: number;
  /** Clusters whose nodes need no layout inside their disc (a caller lays them out later): they sit at its centre. */
  skipInside?: ReadonlySet<number>;
}

type Point = { x: number; y: number };

export function layout(view: Graph, clusterOf: ReadonlyMap<string, number>, options: LayoutOptions = {}): Map<string, Point> {
  const rand = seededRandom(options.seed ?? 7);
  const members = new Map<number, string[]>();
  view.forEachNode((id) => {
    const c = clusterOf.get(id) ?? 0;
    (members.get(c) ?? members.set(c, []).get(c)!).push(id);
  });
  const clusters = [...members.keys()].sort((a, b) => a - b);
  const radius = new Map(clusters.map((c) => [c, 10 * Math.sqrt(members.get(c)!.length)]));
  const centres = placeClusters(view, clusterOf, clusters, radius, rand);

  const out = new Map<string, Point>();
  for (const c of clusters) {
    const ids = members.get(c)!;
    const local = options.skipInside?.has(c) ? new Map(ids.map((id) => [id, { x: 0, y: 0 }])) : layoutCluster(view, ids, rand, options.iterations);
    const centre = centres.get(c)!;
    const r = radius.get(c)!;
    for (const id of ids) {
      const p = local.get(id)!;
      out.set(id, { x: round(centre.x + p.x * r), y: round(centre.y + p.y * r) });
    }
  }
  return out;
}

/** Cluster centres: FA2 on the weighted graph of clusters, then overlap removal of their discs. */
function placeClusters(view: Graph, clusterOf: ReadonlyMap<string, number>, clusters: number[], radius: Map<number, number>, rand: () => number): Map<number, Point> {
  const meta = new UndirectedGraph();
  const spread = Math.sqrt([...radius.values()].reduce((s, r) => s + r * r, 0));
  clusters.forEach((c, i) => {
    const angle = (2 * Math.PI * i) / clusters.length;
    meta.addNode(String(c), { x: spread * Math.cos(angle), y: spread * Math.sin(angle), size: radius.get(c)! });
  });
  view.forEachEdge((_, a, s, t) => {
    const cs = clusterOf.get(s);
    const ct = clusterOf.get(t);
    if (cs === undefined || ct === undefined || cs === ct) return;
    const key = [cs, ct].sort((x, y) => x - y).join('-');
    const w = ((a.weight as number | undefined) ?? 1) + ((meta.hasEdge(key) ? meta.getEdgeAttribute(key, 'weight') : 0) as number);
    meta.mergeEdgeWithKey(key, String(cs), String(ct), { weight: w });
  });
  if (meta.order > 1) forceAtlas2.assign(meta, { iterations: 300, getEdgeWeight: 'weight', settings: { ...forceAtlas2.inferSettings(meta), gravity: 1, scalingRatio: 2, linLogMode: true } });
  const pos = clusters.map((c) => ({ c, x: meta.getNodeAttribute(String(c), 'x') as number, y: meta.getNodeAttribute(String(c), 'y') as number, r: radius.get(c)! }));
  // Push overlapping discs apart; a gap of half the smaller radius keeps clusters visibly apart
  // once nodes are drawn at their pixel sizes.
  separateDiscs(pos, rand);
  return new Map(pos.map((p) => [p.c, { x: p.x, y: p.y }]));
}

/** A cluster's own layout, normalised into the unit disc around its centroid. */
function layoutCluster(view: Graph, ids: string[], rand: () => number, iterations?: number): Map<string, Point> {
  const sub = new UndirectedGraph();
  for (const id of ids) {
    const angle = rand() * 2 * Math.PI;
    const r = Math.sqrt(rand()) * Math.sqrt(ids.length) * 10;
    sub.addNode(id, { x: r * Math.cos(angle), y: r * Math.sin(angle) });
  }
  for (const id of ids)
    view.forEachEdge(id, (_, a, s, t) => {
      if (s === id && sub.hasNode(t)) sub.mergeEdge(s, t, { weight: a.weight ?? 1 });
    });
  if (sub.order > 2 && sub.size > 0) {
    const budget = iterations ?? Math.max(10, Math.min(200, Math.round(1e5 / (sub.order + sub.size))));
    forceAtlas2.assign(sub, { iterations: budget, getEdgeWeight: 'weight', settings: { ...forceAtlas2.inferSettings(sub), barnesHutOptimize: sub.order > 300, gravity: 1, strongGravityMode: true } });
  }
  let cx = 0;
  let cy = 0;
  sub.forEachNode((_, a) => {
    cx += a.x as number;
    cy += a.y as number;
  });
  cx /= sub.order;
  cy /= sub.order;
  // Scale by a high percentile of the distances, so one far-flung node does not shrink the rest.
  const dists = sub.mapNodes((_, a) => Math.hypot((a.x as number) - cx, (a.y as number) - cy)).sort((a, b) => a - b);
  const scale = dists[Math.floor(dists.length * 0.95)] || dists[dists.length - 1] || 1;
  const out = new Map<string, Point>();
  sub.forEachNode((id, a) => {
    const x = ((a.x as number) - cx) / scale;
    const y = ((a.y as number) - cy) / scale;
    const d = Math.hypot(x, y);
    // Keep outliers on the rim of the disc.
    out.set(id, d > 1.05 ? { x: (x / d) * 1.05, y: (y / d) * 1.05 } : { x, y });
  });
  return out;
}

const round = (v: number) => Math.round(v * 100) / 100;
