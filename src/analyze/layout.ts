/**
 * Positions with ForceAtlas2 (Jacomy et al., PLoS ONE 2014), started from a seeded arrangement in
 * which each cluster has its own place on a circle, so clusters open apart and the result repeats.
 */
import type Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { seededRandom } from './rng.ts';

export interface LayoutOptions {
  seed?: number;
  iterations?: number;
}

export function layout(view: Graph, clusterOf: ReadonlyMap<string, number>, options: LayoutOptions = {}): Map<string, { x: number; y: number }> {
  const rand = seededRandom(options.seed ?? 7);
  const clusters = Math.max(1, ...[...clusterOf.values()].map((c) => c + 1));
  const radius = Math.sqrt(view.order) * 10;
  view.forEachNode((id) => {
    const c = clusterOf.get(id) ?? 0;
    const angle = (2 * Math.PI * c) / clusters;
    view.setNodeAttribute(id, 'x', radius * Math.cos(angle) + (rand() - 0.5) * radius * 0.3);
    view.setNodeAttribute(id, 'y', radius * Math.sin(angle) + (rand() - 0.5) * radius * 0.3);
  });
  if (view.order > 1) {
    // A budget of work rather than a fixed count: small maps get a fully settled layout, a
    // 100,000-paper corpus a rougher one in bounded time (the explorer can refine it live).
    const iterations = options.iterations ?? Math.max(15, Math.min(400, Math.round(1.5e6 / (view.order + view.size))));
    forceAtlas2.assign(view, {
      iterations,
      getEdgeWeight: 'weight',
      settings: { ...forceAtlas2.inferSettings(view), barnesHutOptimize: view.order > 1_000, adjustSizes: false, edgeWeightInfluence: 1, gravity: 0.5, scalingRatio: 10 },
    });
  }
  const out = new Map<string, { x: number; y: number }>();
  view.forEachNode((id, a) => out.set(id, { x: round(a.x as number), y: round(a.y as number) }));
  return out;
}

const round = (v: number) => Math.round(v * 100) / 100;
