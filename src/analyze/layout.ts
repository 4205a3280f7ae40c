/**
 * Positions in two levels, as cluster maps such as VOSviewer's are read: first each cluster gets a
 * disc of its own (area by size, placed by ForceAtlas2 on the graph of clusters so related clusters
 * sit near each other, then pushed apart until no discs overlap); then each cluster's nodes are laid
 * out inside their disc with ForceAtlas2 (Jacomy et al., PLoS ONE 2014). Clusters therefore open
 * apart, and the work is a sum of small layouts instead of one large one: each is a job of plain
 * numbers with its own seed, so the jobs may run in any thread, in any order, with the same result.
 */
import type Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { separateDiscs } from './discs.ts';
import { forceAtlas2Arrays } from './fa2.ts';
import { seededRandom } from './rng.ts';

export interface LayoutOptions {
  seed?: number;
  /** Iterations of each within-cluster layout (default: by a work budget). */
  iterations?: number;
  /** Clusters whose nodes need no layout inside their disc (a caller lays them out later): they sit at its centre. */
  skipInside?: ReadonlySet<number>;
  /** Room kept between two clusters' discs, as a share of the smaller radius (default 0.5). */
  gap?: number;
}

type Point = { x: number; y: number };

/**
 * One cluster's own layout as plain numbers, so that it can run in any thread: its node count, its
 * edges as pairs of local indexes with their weights, and its own seed (a cluster's positions then
 * depend on that cluster alone, not on the order clusters are laid out in).
 */
export interface ClusterLayoutJob {
  nodes: number;
  edges: Uint32Array;
  weights: Float64Array;
  seed: number;
  iterations?: number;
  /** Laid out later by the caller (LayoutOptions.skipInside): every node sits at the disc's centre. */
  skip?: boolean;
}

/** Everything but the clusters' own layouts: discs placed, jobs cut. */
export interface LayoutPlan {
  clusters: number[];
  members: Map<number, string[]>;
  centres: Map<number, Point>;
  radius: Map<number, number>;
  jobs: ClusterLayoutJob[];
}

export function layout(view: Graph, clusterOf: ReadonlyMap<string, number>, options: LayoutOptions = {}): Map<string, Point> {
  const plan = planLayout(view, clusterOf, options);
  return placeLayout(plan, plan.jobs.map(layoutCluster));
}

export function planLayout(view: Graph, clusterOf: ReadonlyMap<string, number>, options: LayoutOptions = {}): LayoutPlan {
  const seed = options.seed ?? 7;
  const members = new Map<number, string[]>();
  view.forEachNode((id) => {
    const c = clusterOf.get(id) ?? 0;
    (members.get(c) ?? members.set(c, []).get(c)!).push(id);
  });
  const clusters = [...members.keys()].sort((a, b) => a - b);
  const radius = new Map(clusters.map((c) => [c, 10 * Math.sqrt(members.get(c)!.length)]));
  const centres = placeClusters(view, clusterOf, clusters, radius, seededRandom(seed), options.gap);
  const jobs = clusters.map((c) =>
    options.skipInside?.has(c)
      ? { nodes: members.get(c)!.length, edges: new Uint32Array(0), weights: new Float64Array(0), seed: 0, skip: true }
      : clusterJob(view, members.get(c)!, seed + 7919 * (c + 1), options.iterations),
  );
  return { clusters, members, centres, radius, jobs };
}

/** Each cluster's unit-disc layout (`local[k]`, for `plan.jobs[k]`) moved into its disc. */
export function placeLayout(plan: LayoutPlan, local: readonly Float64Array[]): Map<string, Point> {
  const out = new Map<string, Point>();
  plan.clusters.forEach((c, k) => {
    const ids = plan.members.get(c)!;
    const xy = local[k]!;
    const centre = plan.centres.get(c)!;
    const r = plan.radius.get(c)!;
    ids.forEach((id, i) => out.set(id, { x: round(centre.x + xy[2 * i]! * r), y: round(centre.y + xy[2 * i + 1]! * r) }));
  });
  return out;
}

function clusterJob(view: Graph, ids: string[], seed: number, iterations?: number): ClusterLayoutJob {
  const index = new Map(ids.map((id, i) => [id, i]));
  const pairs: number[] = [];
  const weights: number[] = [];
  for (const id of ids)
    view.forEachEdge(id, (_, a, s, t) => {
      const j = index.get(t);
      if (s === id && j !== undefined && t !== s) {
        pairs.push(index.get(s)!, j);
        weights.push((a.weight as number | undefined) ?? 1);
      }
    });
  return { nodes: ids.length, edges: Uint32Array.from(pairs), weights: Float64Array.from(weights), seed, ...(iterations ? { iterations } : {}) };
}

/** Cluster centres: FA2 on the weighted graph of clusters, then overlap removal of their discs. */
function placeClusters(view: Graph, clusterOf: ReadonlyMap<string, number>, clusters: number[], radius: Map<number, number>, rand: () => number, gap?: number): Map<number, Point> {
  const spread = Math.sqrt([...radius.values()].reduce((s, r) => s + r * r, 0));
  const slot = new Map(clusters.map((c, i) => [c, i]));
  const xy = new Float64Array(2 * clusters.length);
  clusters.forEach((c, i) => {
    const angle = (2 * Math.PI * i) / clusters.length;
    xy[2 * i] = spread * Math.cos(angle);
    xy[2 * i + 1] = spread * Math.sin(angle);
  });
  // One edge per pair of clusters, oriented and ordered as first met, weights summed.
  const pairOf = new Map<string, number>();
  const pairs: number[] = [];
  const weights: number[] = [];
  view.forEachEdge((_, a, s, t) => {
    const cs = clusterOf.get(s);
    const ct = clusterOf.get(t);
    if (cs === undefined || ct === undefined || cs === ct) return;
    const key = cs < ct ? `${cs}-${ct}` : `${ct}-${cs}`;
    const w = (a.weight as number | undefined) ?? 1;
    const k = pairOf.get(key);
    if (k !== undefined) weights[k] = w + weights[k]!;
    else {
      pairOf.set(key, weights.length);
      pairs.push(slot.get(cs)!, slot.get(ct)!);
      weights.push(w);
    }
  });
  const placed = clusters.length > 1 ? forceAtlas2Arrays({ xy, sizes: clusters.map((c) => radius.get(c)!), edges: pairs, weights }, 300, { ...forceAtlas2.inferSettings(clusters.length), gravity: 1, scalingRatio: 2, linLogMode: true }) : xy;
  const pos = clusters.map((c, i) => ({ c, x: placed[2 * i]!, y: placed[2 * i + 1]!, r: radius.get(c)! }));
  // Push overlapping discs apart; a gap of half the smaller radius keeps clusters visibly apart
  // once nodes are drawn at their pixel sizes.
  separateDiscs(pos, rand, { gap });
  return new Map(pos.map((p) => [p.c, { x: p.x, y: p.y }]));
}

/** A cluster's own layout, normalised into the unit disc around its centroid: x, y per node. */
export function layoutCluster(job: ClusterLayoutJob): Float64Array {
  if (job.skip) return new Float64Array(2 * job.nodes);
  const rand = seededRandom(job.seed);
  const n = job.nodes;
  const start = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const angle = rand() * 2 * Math.PI;
    const r = Math.sqrt(rand()) * Math.sqrt(n) * 10;
    start[2 * i] = r * Math.cos(angle);
    start[2 * i + 1] = r * Math.sin(angle);
  }
  const m = job.weights.length;
  const budget = job.iterations ?? Math.max(10, Math.min(200, Math.round(1e5 / (n + m))));
  const xy = n > 2 && m > 0 ? forceAtlas2Arrays({ xy: start, edges: job.edges, weights: job.weights }, budget, { ...forceAtlas2.inferSettings(n), barnesHutOptimize: n > 300, gravity: 1, strongGravityMode: true }) : start;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < n; i++) {
    xs[i] = xy[2 * i]!;
    ys[i] = xy[2 * i + 1]!;
    cx += xs[i]!;
    cy += ys[i]!;
  }
  cx /= n;
  cy /= n;
  // Scale by a high percentile of the distances, so one far-flung node does not shrink the rest.
  const dists = Array.from(xs, (x, i) => Math.hypot(x - cx, ys[i]! - cy)).sort((a, b) => a - b);
  const scale = dists[Math.floor(dists.length * 0.95)] || dists[dists.length - 1] || 1;
  const out = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const x = (xs[i]! - cx) / scale;
    const y = (ys[i]! - cy) / scale;
    const d = Math.hypot(x, y);
    // Keep outliers on the rim of the disc.
    const k = d > 1.05 ? 1.05 / d : 1;
    out[2 * i] = x * k;
    out[2 * i + 1] = y * k;
  }
  return out;
}

const round = (v: number) => Math.round(v * 100) / 100;
