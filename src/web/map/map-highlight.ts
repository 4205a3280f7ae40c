/**
 * What a Cypher result lights on the map. The map holds only what is opened, so a result node is
 * either on it (lit itself), inside a cluster still drawn as a disc (the disc is lit, and counts
 * the result nodes it holds until it is opened), or nowhere on this map (a node the map does not
 * draw, or one the year filter leaves out). Where an unloaded node lives comes from the server's
 * look-up (`located`: node id -> its leaf cluster, or null when the map has no such node).
 */
import type Graph from 'graphology';
import type { CypherResult } from '../../model/api.ts';
import { clusterPath } from '../../model/map.ts';
import type { SnapshotGraph } from '../state/graph-types.ts';
import { locateResult } from '../state/highlight.ts';
import { clusterKey } from './map-graph.ts';

export interface MapHighlight {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  /** Disc key -> the result nodes inside that unopened cluster. */
  discs: ReadonlyMap<string, string[]>;
  /** Result nodes not on the map at all, and not inside any disc drawn now. */
  elsewhere: string[];
  /** Result nodes whose place is still being looked up. */
  pending: string[];
}

/** The result's nodes the map does not hold now: the ones to look up. */
export function unloadedNodes(graph: Graph, result: CypherResult): string[] {
  return result.graph.nodes.filter((n) => !graph.hasNode(n.id)).map((n) => n.id);
}

/** The disc drawn now that holds `leaf`: its outermost ancestor not opened. */
export function discHolding(graph: Graph, leaf: string): string | null {
  for (const id of clusterPath(leaf)) if (graph.hasNode(clusterKey(id))) return clusterKey(id);
  return null;
}

export function mapHighlight(graph: Graph, result: CypherResult | null, located: ReadonlyMap<string, string | null>): MapHighlight | null {
  if (!result) return null;
  const { nodes, edges, missing } = locateResult(graph as unknown as SnapshotGraph, result);
  const discs = new Map<string, string[]>();
  const elsewhere: string[] = [];
  const pending: string[] = [];
  for (const { node } of missing) {
    if (!located.has(node.id)) {
      pending.push(node.id);
      continue;
    }
    const leaf = located.get(node.id);
    const disc = leaf ? discHolding(graph, leaf) : null;
    if (disc) (discs.get(disc) ?? discs.set(disc, []).get(disc)!).push(node.id);
    else elsewhere.push(node.id);
  }
  return { nodes, edges, discs, elsewhere, pending };
}
