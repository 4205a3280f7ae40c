/**
 * Clusters inside a cluster: Louvain run again on one field's papers and entities (Blondel et al.,
 * 2008), then again inside each large part, down to three levels (field, area, topic). Each part
 * is laid out with the same two-level layout as the whole map (layout.ts: discs placed by how
 * related the parts are, nodes laid out inside their disc), scaled into its parent's disc, so
 * sub-topics sit apart and every level shares one coordinate frame. Pure and seeded.
 */
import Graph, { UndirectedGraph } from 'graphology';
import type { PaperGraph } from '../assemble/graph.ts';
import type { MapCluster } from '../model/map.ts';
import type { NodeAttributes } from '../model/schema.ts';
import { LINK_WEIGHT, detectCommunities } from './communities.ts';
import { clusterTerms, labelOf } from './labels.ts';
import { layout } from './layout.ts';
import { anyOverlap, separateDiscs } from './discs.ts';
import { shade } from './palette.ts';
import { seededRandom } from './rng.ts';

export interface Disc {
  x: number;
  y: number;
  r: number;
}

export interface HierarchyOptions {
  seed?: number;
  /** A cluster with at most this many papers is a leaf: its file holds its papers. */
  leafPapers?: number;
  /** The deepest level (1 = fields only). */
  maxLevel?: number;
}

export interface FieldHierarchy {
  /** The field and every cluster below it, parents before children. */
  clusters: MapCluster[];
  /** The leaf holding each member node. */
  leafOf: Map<string, string>;
  /** Position of each member node; nodes of a field that is itself a leaf keep their own. */
  positions: Map<string, { x: number; y: number }>;
}

const KNOWLEDGE = new Set(['Paper', 'Dataset', 'Benchmark', 'Task', 'Concept']);

/**
 * `scope`: the field's members, plus the entities outside it that its papers link to (used for
 * labels only). `members`: the field's own knowledge nodes. `field`: its entry at the top level.
 */
export function fieldHierarchy(scope: PaperGraph, members: readonly string[], field: Omit<MapCluster, 'leaf' | 'years' | 'papers' | 'level'>, options: HierarchyOptions = {}): FieldHierarchy {
  const out: FieldHierarchy = { clusters: [], leafOf: new Map(), positions: new Map() };
  const own = members.filter((id) => KNOWLEDGE.has(scope.getNodeAttribute(id, 'kind')));
  const raw = own.map((id) => ({ x: scope.getNodeAttribute(id, 'x'), y: scope.getNodeAttribute(id, 'y') }));
  const moved = remap(raw, discOf(raw), field);
  own.forEach((id, i) => out.positions.set(id, moved[i]!));
  split(scope, own, { ...field }, 1, out, { seed: options.seed ?? 42, leafPapers: options.leafPapers ?? 80, maxLevel: options.maxLevel ?? 3 });
  return out;
}

type Head = Omit<MapCluster, 'leaf' | 'years' | 'papers' | 'level'>;

/** `unplaced`: the nodes have no layout of their own yet (their parent left them to this level). */
function split(scope: PaperGraph, ids: string[], head: Head, level: number, out: FieldHierarchy, o: Required<HierarchyOptions>, unplaced = false): void {
  const papers = ids.filter((id) => scope.getNodeAttribute(id, 'kind') === 'Paper');
  const entry: MapCluster = { ...head, level, papers: papers.length, years: yearsOf(scope, papers), leaf: true };
  out.clusters.push(entry);
  const splits = level < o.maxLevel && papers.length > o.leafPapers;
  // Most clusters are leaves their parent already laid out: they need no view of their own.
  if (!splits && !unplaced) return leaf(ids, head, out);
  const view = memberView(scope, ids);
  const parts = splits ? partsOf(view, scope, o.seed + level, papers.length) : [];
  if (parts.length < 2) {
    leaf(ids, head, out);
    if (unplaced) for (const [id, p] of fitInto(layout(view, new Map(ids.map((id) => [id, 0])), { seed: o.seed + level }), head)) out.positions.set(id, p);
    return;
  }
  entry.leaf = false;
  const partOf = new Map<string, number>();
  parts.forEach((m, i) => m.forEach((id) => partOf.set(id, i)));
  // A part that will be split again is laid out at the next level: only its disc matters here.
  const splitAgain = (m: string[]) => level + 1 < o.maxLevel && paperCount(scope, m) > o.leafPapers;
  const skipInside = new Set(parts.flatMap((m, i) => (splitAgain(m) ? [i] : [])));
  const placed = fitInto(layout(view, partOf, { seed: o.seed + level, skipInside }), head);
  const labels = labelsOf(scope, ids, partOf, parts.length);
  // Each part gets a disc of area by its papers, where the layout put it, then overlaps are
  // removed inside the parent; its nodes move with their disc.
  const raw = parts.map((m) => discOf(m.map((id) => placed.get(id)!)));
  const total = Math.max(1, papers.length);
  const discs = parts.map((m, i) => ({ x: raw[i]!.x, y: raw[i]!.y, r: head.r * Math.max(0.08, 0.7 * Math.sqrt(paperCount(scope, m) / total)) }));
  // Parts too large to fit apart inside the parent shrink together until they do.
  const rand = seededRandom(o.seed + level);
  for (let tries = 0; tries < 8; tries++) {
    separateDiscs(discs, rand, { gap: 0.12, within: { x: head.x, y: head.y, r: head.r * 0.97 }, passes: 600 });
    if (!anyOverlap(discs)) break;
    for (const d of discs) d.r *= 0.85;
  }
  parts.forEach((m, i) => {
    const moved = remap(m.map((id) => placed.get(id)!), raw[i]!, discs[i]!);
    m.forEach((id, k) => out.positions.set(id, moved[k]!));
    const disc = { x: round(discs[i]!.x), y: round(discs[i]!.y), r: round(discs[i]!.r) };
    const child: Head = { id: `${head.id}.${i}`, parent: head.id, label: labels[i]!.label, top: labels[i]!.top, color: shade(head.color, i, parts.length), ...disc };
    split(scope, m, child, level + 1, out, o, skipInside.has(i));
  });
}

function leaf(ids: readonly string[], head: Head, out: FieldHierarchy): void {
  for (const id of ids) out.leafOf.set(id, head.id);
}

/** The undirected, weighted graph of the members' own links (texts, similarity, citations). */
function memberView(scope: PaperGraph, ids: readonly string[]): UndirectedGraph {
  const view = new UndirectedGraph();
  for (const id of ids) view.addNode(id);
  for (const id of ids)
    scope.forEachOutEdge(id, (_, a, s, t) => {
      if (!view.hasNode(t) || s === t) return;
      const w = a.type === 'SIMILAR_TO' ? 2 * a.score : a.type === 'CITES' ? 1 : LINK_WEIGHT[a.type];
      if (w === undefined) return;
      const prev = view.hasEdge(s, t) ? (view.getEdgeAttribute(s, t, 'weight') as number) : 0;
      view.mergeEdge(s, t, { weight: prev + w * ('confidence' in a ? (a.confidence ?? 1) : 1) });
    });
  return view;
}

/**
 * Louvain's parts, most papers first. A reader can tell a dozen regions apart, not fifty: parts
 * beyond the twelfth, or with fewer than 4% of the papers, are pooled into one last part.
 */
function partsOf(view: Graph, scope: PaperGraph, seed: number, papers: number): string[][] {
  const { of } = detectCommunities(view, { seed, minSize: 2 });
  const raw: string[][] = [];
  for (const [id, c] of of) (raw[c] ??= []).push(id);
  const counted = raw.filter(Boolean).map((m) => ({ m, p: paperCount(scope, m) })).sort((a, b) => b.p - a.p || (a.m[0]! < b.m[0]! ? -1 : 1));
  const min = Math.max(3, Math.ceil(papers * 0.04));
  const kept = counted.filter((c, i) => i < 11 && c.p >= min).map((c) => c.m);
  const pooled = counted.slice(kept.length).flatMap((c) => c.m);
  return pooled.length ? [...kept, pooled] : kept;
}

const paperCount = (scope: PaperGraph, ids: readonly string[]) => ids.filter((id) => scope.getNodeAttribute(id, 'kind') === 'Paper').length;

/** Points moved from one disc to another (scaled about the centre), kept inside the new one. */
function remap(points: readonly { x: number; y: number }[], from: Disc, to: Disc): { x: number; y: number }[] {
  const k = to.r / Math.max(1e-9, from.r);
  return points.map((p) => {
    let dx = (p.x - from.x) * k;
    let dy = (p.y - from.y) * k;
    const d = Math.hypot(dx, dy);
    if (d > to.r * 0.98) [dx, dy] = [(dx / d) * to.r * 0.98, (dy / d) * to.r * 0.98];
    return { x: round(to.x + dx), y: round(to.y + dy) };
  });
}

/**
 * The fields' discs: area by papers, centred where the snapshot's layout put each field (so related
 * fields stay near each other), then pushed apart until none overlap.
 */
export function placeFields(fields: readonly { id: number; x: number; y: number; papers: number }[], seed = 42): Map<number, Disc> {
  const discs = fields.map((f) => ({ id: f.id, x: f.x, y: f.y, r: 10 * Math.sqrt(Math.max(1, f.papers)) }));
  separateDiscs(discs, seededRandom(seed), { gap: 0.25 });
  return new Map(discs.map((d) => [d.id, { x: round(d.x), y: round(d.y), r: round(d.r) }]));
}

/** Positions scaled and moved so that all of them lie inside the disc. */
function fitInto(pos: Map<string, { x: number; y: number }>, disc: Disc): Map<string, { x: number; y: number }> {
  const all = [...pos.values()];
  const cx = all.reduce((s, p) => s + p.x, 0) / all.length;
  const cy = all.reduce((s, p) => s + p.y, 0) / all.length;
  const far = Math.max(1e-9, ...all.map((p) => Math.hypot(p.x - cx, p.y - cy)));
  const k = (disc.r * 0.94) / far;
  return new Map([...pos].map(([id, p]) => [id, { x: round(disc.x + (p.x - cx) * k), y: round(disc.y + (p.y - cy) * k) }]));
}

/** The disc that holds most of the points: centroid, and the 95th-percentile distance with a margin. */
export function discOf(points: readonly { x: number; y: number }[]): Disc {
  const x = points.reduce((s, p) => s + p.x, 0) / points.length;
  const y = points.reduce((s, p) => s + p.y, 0) / points.length;
  const d = points.map((p) => Math.hypot(p.x - x, p.y - y)).sort((a, b) => a - b);
  const r = (d[Math.floor(d.length * 0.95)] ?? d[d.length - 1] ?? 0) * 1.08;
  return { x: round(x), y: round(y), r: round(Math.max(r, 1)) };
}

/** Each part's label from its most distinctive terms against its sibling parts (labels.ts). */
function labelsOf(scope: PaperGraph, ids: readonly string[], partOf: Map<string, number>, n: number): { label: string; top: string[] }[] {
  // Only what clusterTerms reads: a copy of every attribute of every node costs more than the terms.
  const g = new Graph({ type: 'directed' }) as unknown as PaperGraph;
  const termNode = (a: NodeAttributes, cluster: number) => ({ kind: a.kind, name: a.name, cluster, ...('confidence' in a ? { confidence: a.confidence } : {}) }) as unknown as NodeAttributes;
  for (const id of ids) g.addNode(id, termNode(scope.getNodeAttributes(id), partOf.get(id)!));
  for (const id of ids) {
    if (scope.getNodeAttribute(id, 'kind') !== 'Paper') continue;
    scope.forEachOutNeighbor(id, (t, a) => {
      if (!g.hasNode(t)) g.addNode(t, termNode(a, -1));
      g.mergeEdge(id, t, { type: 'MENTIONS', evidence: [], weight: 1 });
    });
  }
  const terms = new Map(clusterTerms(g).map((t) => [t.cluster, t]));
  return Array.from({ length: n }, (_, i) => {
    const t = terms.get(i) ?? { cluster: i, size: 0, papers: 0, top: [], terms: [] };
    return { label: labelOf(t, false), top: t.top };
  });
}

function yearsOf(scope: PaperGraph, papers: readonly string[]): [number, number][] {
  const counts = new Map<number, number>();
  for (const id of papers) {
    const y = (scope.getNodeAttributes(id) as { year?: number }).year;
    if (typeof y === 'number') counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => a[0] - b[0]);
}

const round = (v: number) => Math.round(v * 100) / 100;
