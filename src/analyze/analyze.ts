/**
 * Analyze: similarity edges, Louvain clusters with labels, sizes by importance and a ForceAtlas2
 * layout, all written onto the graph's attributes. Deterministic for a given graph and seed.
 */
import type { PaperGraph } from '../assemble/graph.ts';
import type { ClusterInfo } from '../model/schema.ts';
import { detectCommunities, knowledgeView } from './communities.ts';
import { clusterTerms, labelOf } from './labels.ts';
import { layoutCluster, placeLayout, planLayout, type LayoutPlan } from './layout.ts';
import { clusterColour } from './palette.ts';
import { seededRandom } from './rng.ts';
import { paperSimilarities, type SimilarPair } from './similarity.ts';

export interface AnalyzeOptions {
  seed?: number;
  similarTopK?: number;
  layoutIterations?: number;
  /** Each paper's full reference list where sources give one (for bibliographic coupling). */
  references?: ReadonlyMap<string, readonly string[]>;
}

/** Analysis up to the clusters' own layouts, which are independent jobs (any thread may run them). */
export interface AnalysisPlan {
  /** Each knowledge node's degree in the view (its size); the view itself is not kept, as it is as large as the graph. */
  degree: Map<string, number>;
  communities: Map<string, number>;
  otherId?: number;
  layout: LayoutPlan;
  seed: number;
}

export function analyze(g: PaperGraph, options: AnalyzeOptions = {}): void {
  const plan = planAnalysis(g, options);
  finishAnalysis(g, plan, plan.layout.jobs.map(layoutCluster));
}

/** Similarity edges, the knowledge view, Louvain, and the cluster-level layout. */
export function planAnalysis(g: PaperGraph, options: AnalyzeOptions = {}): AnalysisPlan {
  const seed = options.seed ?? 42;
  const similar = paperSimilarities(g, { topK: options.similarTopK ?? 5, ...(options.references ? { references: options.references } : {}) });
  addSimilarityEdges(g, similar);
  const view = knowledgeView(g, similar);
  const { of: communities, otherId } = detectCommunities(view, { seed });
  const layout = planLayout(view, communities, { seed, ...(options.layoutIterations ? { iterations: options.layoutIterations } : {}) });
  const degree = new Map<string, number>();
  view.forEachNode((id) => degree.set(id, view.degree(id)));
  return { degree, communities, ...(otherId !== undefined ? { otherId } : {}), layout, seed };
}

/** Positions from each cluster's own layout (`local[k]` for job k), sizes, metadata nodes, cluster labels. */
export function finishAnalysis(g: PaperGraph, plan: AnalysisPlan, local: readonly Float64Array[]): void {
  const { degree, communities, otherId, seed } = plan;
  const positions = placeLayout(plan.layout, local);

  for (const [id, d] of degree) {
    const pos = positions.get(id)!;
    g.mergeNodeAttributes(id, { cluster: communities.get(id) ?? -1, x: pos.x, y: pos.y, size: sizeOf(d) });
  }
  placeMetadataNodes(g, seed);

  const infos: ClusterInfo[] = clusterTerms(g).map((t) => ({
    id: t.cluster,
    label: labelOf(t, t.cluster === otherId),
    size: t.size,
    top: t.top,
    terms: t.terms,
    color: clusterColour(t.cluster, t.cluster === otherId),
    ...(t.cluster === otherId ? { pooled: true as const } : {}),
  }));
  g.setAttribute('clusters', infos);
}

/**
 * The graph holds one edge per direction: SIMILAR_TO (symmetric) runs from the lower id unless a
 * CITES edge holds that direction; between two papers citing each other it stays in the clustering
 * only.
 */
export function addSimilarityEdges(g: PaperGraph, pairs: readonly SimilarPair[]): void {
  for (const p of pairs) {
    const [from, to] = !g.hasEdge(p.a, p.b) ? [p.a, p.b] : !g.hasEdge(p.b, p.a) ? [p.b, p.a] : [];
    if (!from || !to) continue;
    const why = { ...(p.coupling ? { coupling: p.coupling } : {}), ...(p.cocitation ? { cocitation: p.cocitation } : {}) };
    g.addEdgeWithKey(`SIMILAR_TO:${from}->${to}`, from, to, { type: 'SIMILAR_TO', score: Math.round(p.score * 1000) / 1000, ...why });
  }
}

/** Importance by degree, on a log scale so that hubs do not swamp the map. */
export const sizeOf = (degree: number) => Math.round((2 + 3 * Math.log2(1 + degree)) * 10) / 10;

/**
 * Authors, categories and venues take their papers' commonest cluster and sit among that cluster's
 * papers (a category spanning the whole corpus would otherwise land in the middle of the map).
 */
function placeMetadataNodes(g: PaperGraph, seed: number): void {
  const rand = seededRandom(seed + 1);
  g.forEachNode((id, a) => {
    if (a.kind !== 'Author' && a.kind !== 'Category' && a.kind !== 'Venue') return;
    const papers = g.mapInNeighbors(id, (_, p) => p);
    const votes = new Map<number, number>();
    for (const p of papers) votes.set(p.cluster, (votes.get(p.cluster) ?? 0) + 1);
    const cluster = [...votes.entries()].sort((p, q) => q[1] - p[1] || p[0] - q[0])[0]?.[0] ?? -1;
    const own = papers.filter((p) => p.cluster === cluster);
    const x = own.reduce((s, p) => s + p.x, 0) / Math.max(1, own.length);
    const y = own.reduce((s, p) => s + p.y, 0) / Math.max(1, own.length);
    const jitter = () => Math.round((rand() - 0.5) * 400) / 100;
    g.mergeNodeAttributes(id, { cluster, x: Math.round(x * 100) / 100 + jitter(), y: Math.round(y * 100) / 100 + jitter(), size: Math.round(sizeOf(papers.length) * 6) / 10 });
  });
}
