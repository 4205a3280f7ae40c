/**
 * Communities with Louvain (Blondel et al., "Fast unfolding of communities in large networks",
 * 2008) on the undirected knowledge view: papers and the entities they link, plus paper-paper
 * similarity. Seeded, so the same graph always gives the same clusters.
 */
import Graph, { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { PaperGraph } from '../assemble/graph.ts';
import type { SimilarPair } from './similarity.ts';
import { seededRandom } from './rng.ts';

const KNOWLEDGE_KINDS = new Set(['Paper', 'Dataset', 'Benchmark', 'Task', 'Concept']);
export const LINK_WEIGHT: Record<string, number> = { EVALUATED_ON: 1, INTRODUCES: 1, USES: 0.6, ADDRESSES: 0.8, MENTIONS: 0.6, PART_OF: 0.5 };

/** The graph the analyses run on: knowledge nodes only, undirected, weighted. */
export function knowledgeView(g: PaperGraph, similar: readonly SimilarPair[]): UndirectedGraph {
  const view = new UndirectedGraph();
  g.forEachNode((id, a) => {
    if (KNOWLEDGE_KINDS.has(a.kind)) view.addNode(id);
  });
  g.forEachEdge((_, a, s, t) => {
    const w = LINK_WEIGHT[a.type];
    if (w !== undefined && view.hasNode(s) && view.hasNode(t)) view.mergeEdge(s, t, { weight: w * ('confidence' in a ? (a.confidence ?? 1) : 1) });
  });
  for (const p of similar) view.mergeEdge(p.a, p.b, { weight: 2 * p.score });
  return view;
}

export interface CommunityOptions {
  seed?: number;
  resolution?: number;
  /** Communities smaller than this are pooled into one "other" cluster, the last id. */
  minSize?: number;
}

export interface Communities {
  /** Community of every knowledge node, numbered by size (0 = largest). */
  of: Map<string, number>;
  /** The id pooling communities below the minimum size, if any were. */
  otherId?: number;
  /** Louvain's modularity of the partition it found (before small communities are pooled). */
  modularity: number;
}

export function detectCommunities(view: Graph, options: CommunityOptions = {}): Communities {
  const found = view.order === 0 ? { communities: {}, modularity: 0 } : louvain.detailed(view, { getEdgeWeight: 'weight', resolution: options.resolution ?? 1, rng: seededRandom(options.seed ?? 42) });
  const raw: Record<string, number> = found.communities;
  // Louvain reports NaN for a graph without edges, where every partition has modularity 0.
  const modularity = view.size === 0 ? 0 : found.modularity;
  const members = new Map<number, string[]>();
  for (const [node, c] of Object.entries(raw)) (members.get(c) ?? members.set(c, []).get(c)!).push(node);
  const minSize = options.minSize ?? 3;
  const ordered = [...members.values()].sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
  const big = ordered.filter((m) => m.length >= minSize);
  const small = ordered.filter((m) => m.length < minSize).flat();
  const out = new Map<string, number>();
  big.forEach((m, i) => m.forEach((n) => out.set(n, i)));
  for (const n of small) out.set(n, big.length);
  return small.length ? { of: out, otherId: big.length, modularity } : { of: out, modularity };
}
