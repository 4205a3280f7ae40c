/**
 * One field of the map: its bucket read back into a graph, its sub-clusters found and laid out
 * (analyze/hierarchy.ts), and one file per cluster: the children with the links between them, or,
 * for a leaf, its papers and entities with their links and evidence, sized in map units so that
 * sizes read the same at every level.
 */
import Graph from 'graphology';
import type { PaperGraph } from '../../assemble/graph.ts';
import { ClusterLinks } from '../../analyze/cluster-links.ts';
import { fieldHierarchy, type Disc, type HierarchyOptions } from '../../analyze/hierarchy.ts';
import { clusterPath, type MapCluster, type MapClusterFile, type MapEdge, type MapNode } from '../../model/map.ts';
import type { ClusterInfo, NodeAttributes } from '../../model/schema.ts';
import { KNOWLEDGE, type Scan } from './scan.ts';

export interface FieldMap {
  clusters: MapCluster[];
  files: MapClusterFile[];
  leafOf: Map<string, string>;
  /** Leaves with more papers than the leaf size, that no split was found for. */
  oversized: string[];
}

export async function fieldMap(scan: Scan, field: number, disc: Disc, info: ClusterInfo | undefined, options: HierarchyOptions): Promise<FieldMap> {
  const scope = new Graph({ type: 'directed', multi: false }) as unknown as PaperGraph;
  const members: string[] = [];
  const edges: MapEdge[] = [];
  for await (const [tag, item] of scan.buckets.read(field)) {
    if (tag === 'n') {
      scope.addNode(item.key, item.attributes!);
      members.push(item.key);
    } else edges.push(item as MapEdge);
  }
  for (const e of edges) {
    if (!scope.hasNode(e.target)) scope.addNode(e.target, scan.entities.get(e.target) ?? ({ kind: 'Paper', name: e.target } as NodeAttributes));
    if (!scope.hasEdge(e.source, e.target)) scope.addEdgeWithKey(e.key ?? `${e.attributes!.type}:${e.source}->${e.target}`, e.source, e.target, e.attributes!);
  }
  const head = { id: String(field), parent: null, label: info?.label ?? `Cluster ${field + 1}`, top: info?.top ?? [], color: info?.color ?? '#b0b0b0', ...disc };
  const h = fieldHierarchy(scope, members, head, options);
  const membersOf = new Map<string, string[]>();
  for (const [id, leaf] of h.leafOf) for (const c of clusterPath(leaf)) (membersOf.get(c) ?? membersOf.set(c, []).get(c)!).push(id);
  const files = h.clusters.map((c) => clusterFile(scope, c, h.clusters.filter((k) => k.parent === c.id), membersOf.get(c.id) ?? [], h.leafOf, h.positions));
  return { clusters: h.clusters, files, leafOf: h.leafOf, oversized: h.oversized };
}

function clusterFile(scope: PaperGraph, cluster: MapCluster, children: MapCluster[], own: string[], leafOf: Map<string, string>, positions: Map<string, { x: number; y: number }>): MapClusterFile {
  if (!cluster.leaf) return { cluster, children, links: childLinks(scope, cluster, children, own, leafOf), nodes: [], edges: [] };
  const inLeaf = new Set(own);
  const nodes: MapNode[] = [];
  const edges: MapEdge[] = [];
  const outside = new Map<string, { x: number; y: number; n: number }>();
  const unit = (cluster.r * 0.3) / Math.sqrt(Math.max(1, own.length));
  for (const id of own) {
    scope.forEachOutEdge(id, (key, a, s, t) => {
      if (!KNOWLEDGE.has(scope.getNodeAttribute(t, 'kind'))) return;
      edges.push({ key, source: s, target: t, attributes: a });
      if (inLeaf.has(t)) return;
      // An entity of another cluster is shown beside the papers that link to it here.
      const p = positions.get(s)!;
      const o = outside.get(t) ?? outside.set(t, { x: 0, y: 0, n: 0 }).get(t)!;
      o.x += p.x;
      o.y += p.y;
      o.n++;
    });
  }
  for (const id of own) nodes.push(mapNode(scope, id, cluster.id, positions.get(id)!, unit));
  for (const [id, o] of outside) {
    if (scope.getNodeAttribute(id, 'kind') === 'Paper') continue;
    nodes.push(mapNode(scope, id, leafOf.get(id) ?? '', { x: o.x / o.n, y: o.y / o.n }, unit * 0.8));
  }
  const shown = new Set(nodes.map((n) => n.key));
  return { cluster, children: [], links: [], nodes, edges: edges.filter((e) => shown.has(e.target)) };
}

function mapNode(scope: PaperGraph, id: string, leaf: string, p: { x: number; y: number }, unit: number): MapNode {
  const a = scope.getNodeAttributes(id);
  // The snapshot's sizes grow with the log of the degree (2 at degree 0, about 20 for a hub).
  const size = round(unit * Math.min(2.5, Math.max(0.5, Math.sqrt((a.size ?? 5) / 6))));
  return { key: id, attributes: { ...a, x: round(p.x), y: round(p.y), size, leaf } };
}

/** Links between a cluster's children, from the entities their papers share and the paper-paper links. */
function childLinks(scope: PaperGraph, cluster: MapCluster, children: MapCluster[], members: string[], leafOf: Map<string, string>) {
  const depth = cluster.id.split('.').length + 1;
  const childOf = (id: string) => {
    const leaf = leafOf.get(id);
    return leaf && leaf.split('.').length >= depth && leaf.startsWith(`${cluster.id}.`) ? leaf.split('.').slice(0, depth).join('.') : undefined;
  };
  const links = new ClusterLinks();
  for (const id of members) {
    const from = childOf(id);
    if (!from || scope.getNodeAttribute(id, 'kind') !== 'Paper') continue;
    scope.forEachOutEdge(id, (_, a, _s, t) => {
      const kind = scope.getNodeAttribute(t, 'kind');
      if (kind === 'Paper') {
        const to = childOf(t);
        if (to) links.addPair(from, to, a.type === 'SIMILAR_TO' ? a.score : 1);
      } else if (KNOWLEDGE.has(kind)) links.addEntity(t, scope.getNodeAttribute(t, 'name'), from);
    });
  }
  const ids = new Set(children.map((c) => c.id));
  return links.links(3).filter((l) => ids.has(l.a) && ids.has(l.b));
}

const round = (v: number) => Math.round(v * 100) / 100;
