/**
 * The highlight domain: what a Cypher result lights on the map. It is an overlay, never a change to
 * the data graph: nodes and edges the map has are emphasised by the reducers; result nodes the map
 * lacks (a Cluster node of Neo4j, say) are drawn as markers over the canvas near their neighbours,
 * and everything goes when the highlight is cleared.
 */
import type { SnapshotGraph } from './graph-types.ts';
import type { CypherResult, ResultNode } from '../../model/api.ts';

/** A result node that is not on the map, with where to draw it. */
export interface AbsentNode {
  id: string;
  label: string;
  name: string;
  x: number;
  y: number;
}

export interface Highlight {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  absent: readonly AbsentNode[];
}

export type HighlightState = Highlight | null;

export const noHighlight = (): HighlightState => null;

interface Located {
  nodes: Set<string>;
  edges: Set<string>;
  /** Result nodes not in the map, with the map nodes they are linked to in the result. */
  missing: Array<{ node: ResultNode; neighbours: string[] }>;
}

export function locateResult(graph: SnapshotGraph, result: CypherResult): Located {
  const byElement = new Map(result.graph.nodes.map((n) => [n.elementId, n]));
  const nodes = new Set<string>();
  const missing = new Map<string, { node: ResultNode; neighbours: string[] }>();
  for (const n of result.graph.nodes) {
    if (graph.hasNode(n.id)) nodes.add(n.id);
    else missing.set(n.id, { node: n, neighbours: [] });
  }
  const edges = new Set<string>();
  for (const r of result.graph.relationships) {
    const s = byElement.get(r.startElementId)?.id;
    const t = byElement.get(r.endElementId)?.id;
    if (!s || !t) continue;
    if (graph.hasNode(s) && graph.hasNode(t)) {
      // The map's edge of the same type between the same ends (either direction in an undirected view).
      const edge = graph.edges(s, t).concat(graph.edges(t, s)).find((e) => graph.getEdgeAttribute(e, 'type') === r.type) ?? graph.edges(s, t)[0];
      if (edge) edges.add(edge);
    }
    missing.get(s)?.neighbours.push(t);
    missing.get(t)?.neighbours.push(s);
  }
  return { nodes, edges, missing: [...missing.values()] };
}

/** Where a missing node goes: the centre of its neighbours on the map, nudged so it does not sit on them. */
export function placeNear(graph: SnapshotGraph, neighbours: string[], index: number): { x: number; y: number } {
  const present = neighbours.filter((n) => graph.hasNode(n));
  if (!present.length) {
    // No neighbour on the map: a ring around the layout's centre.
    let x = 0;
    let y = 0;
    graph.forEachNode((_, a) => {
      x += a.x;
      y += a.y;
    });
    const n = Math.max(graph.order, 1);
    return { x: x / n + Math.cos(index) * 20, y: y / n + Math.sin(index) * 20 };
  }
  const x = present.reduce((s, n) => s + graph.getNodeAttribute(n, 'x'), 0) / present.length;
  const y = present.reduce((s, n) => s + graph.getNodeAttribute(n, 'y'), 0) / present.length;
  const angle = index * 2.399963; // golden angle: successive nodes spread around the centre
  return { x: x + Math.cos(angle) * 8, y: y + Math.sin(angle) * 8 };
}

/** The next highlight for a result (null clears it). The graph is only read. */
export function highlightResult(graph: SnapshotGraph, result: CypherResult | null): HighlightState {
  if (!result) return null;
  const { nodes, edges, missing } = locateResult(graph, result);
  const absent = missing.map(({ node, neighbours }, i) => {
    const p = node.properties;
    return { id: node.id, label: node.labels[0] ?? '', name: String(p.name ?? p.title ?? p.label ?? node.id), ...placeNear(graph, neighbours, i) };
  });
  return { nodes, edges, absent };
}
