/**
 * Clusters inside a cluster: Louvain run again on one field's papers and entities (Blondel et al.,
 * 2008), then again inside each large part, until every leaf holds at most `leafPapers` papers
 * (field, area, topic, and below them as many levels as the field's size needs). Each level
 * places its parts with the same two-level layout as the whole map (layout.ts: discs placed by how
 * related the parts are), scaled into the parent's disc; a leaf lays out its own nodes the same
 * way, by Louvain's groups inside it, so sub-topics sit apart at every level and all levels share
 * one coordinate frame. Pure and seeded.
 */
import Graph, { UndirectedGraph } from 'graphology';
import type { PaperGraph } from '../assemble/graph.ts';
import type { MapCluster } from '../model/map.ts';
import { LINK_WEIGHT, detectCommunities } from './communities.ts';
import { clusterTerms, labelOf, type TermGraph } from './labels.ts';
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
  /**
   * The deepest level (1 = fields only). Default: by the field's size, twice the levels a split in
   * halves would need to reach `leafPapers`, so that only a run of very lopsided splits stops there.
   */
  maxLevel?: number;
}

export interface FieldHierarchy {
  /** The field and every cluster below it, parents before children. */
  clusters: MapCluster[];
  /** The leaf holding each member node. */
  leafOf: Map<string, string>;
  /** Position of each member node, laid out inside its leaf's disc. */
  positions: Map<string, { x: number; y: number }>;
  /**
   * Leaves left with more than `leafPapers` papers: no split of them was found (their links hold
   * one community at every resolution tried) or the level cap was reached.
   */
  oversized: string[];
}

const KNOWLEDGE = new Set(['Paper', 'Dataset', 'Benchmark', 'Task', 'Concept']);

/**
 * `scope`: the field's members, plus the entities outside it that its papers link to (used for
 * labels only). `members`: the field's own knowledge nodes. `field`: its entry at the top level.
 */
export function fieldHierarchy(scope: PaperGraph, members: readonly string[], field: Omit<MapCluster, 'leaf' | 'years' | 'papers' | 'level'>, options: HierarchyOptions = {}): FieldHierarchy {
  const out: FieldHierarchy = { clusters: [], leafOf: new Map(), positions: new Map(), oversized: [] };
  const own = members.filter((id) => KNOWLEDGE.has(scope.getNodeAttribute(id, 'kind')));
  const leafPapers = options.leafPapers ?? 80;
  const maxLevel = options.maxLevel ?? depthCap(paperCount(scope, own), leafPapers);
  split(scope, own, { ...field }, 1, out, { seed: options.seed ?? 42, leafPapers, maxLevel });
  return out;
}

/** Twice the levels below the field that halving `papers` until at most `leafPapers` takes, at least 3 levels in all. */
export function depthCap(papers: number, leafPapers: number): number {
  const halvings = Math.ceil(Math.log2(Math.max(1, papers / Math.max(1, leafPapers))));
  return Math.max(3, 1 + 2 * halvings);
}

type Head = Omit<MapCluster, 'leaf' | 'years' | 'papers' | 'level'>;

/** Room between a leaf's groups, as a share of the smaller one's radius (layout.ts keeps 0.5 between clusters). */
const LEAF_GROUP_GAP = 1.2;

function split(scope: PaperGraph, ids: string[], head: Head, level: number, out: FieldHierarchy, o: Required<HierarchyOptions>): void {
  const papers = ids.filter((id) => scope.getNodeAttribute(id, 'kind') === 'Paper');
  const entry: MapCluster = { ...head, level, papers: papers.length, years: yearsOf(scope, papers), leaf: true };
  out.clusters.push(entry);
  const view = memberView(scope, ids);
  const parts = level < o.maxLevel && papers.length > o.leafPapers ? partsOf(view, scope, o.seed + level, papers.length, o.leafPapers) : [];
  if (parts.length < 2) {
    if (papers.length > o.leafPapers) out.oversized.push(head.id);
    for (const id of ids) out.leafOf.set(id, head.id);
    // Inside a leaf its sub-topics still sit apart, each of Louvain's groups in a disc of its own
    // with clear room between them, instead of one even blob of papers.
    const groups = detectCommunities(view, { seed: o.seed + level, minSize: 3 }).of;
    for (const [id, p] of fitInto(layout(view, groups, { seed: o.seed + level, gap: LEAF_GROUP_GAP }), head)) out.positions.set(id, p);
    return;
  }
  entry.leaf = false;
  const partOf = new Map<string, number>();
  parts.forEach((m, i) => m.forEach((id) => partOf.set(id, i)));
  // Only where each part sits matters here: its nodes are laid out a level below, inside its own disc.
  const placed = fitInto(layout(view, partOf, { seed: o.seed + level, skipInside: new Set(parts.keys()) }), head);
  const labels = labelsOf(scope, ids, partOf, parts.length, head.top.slice(0, 3));
  // Each part gets a disc of area by its papers, where the layout put it, then overlaps are
  // removed inside the parent.
  const total = Math.max(1, papers.length);
  const discs = parts.map((m) => ({ ...placed.get(m[0]!)!, r: head.r * Math.max(0.08, 0.7 * Math.sqrt(paperCount(scope, m) / total)) }));
  // Parts too large to fit apart inside the parent shrink together until they do.
  const rand = seededRandom(o.seed + level);
  for (let tries = 0; tries < 8; tries++) {
    separateDiscs(discs, rand, { gap: 0.12, within: { x: head.x, y: head.y, r: head.r * 0.97 }, passes: 600 });
    if (!anyOverlap(discs)) break;
    for (const d of discs) d.r *= 0.85;
  }
  parts.forEach((m, i) => {
    const disc = { x: round(discs[i]!.x), y: round(discs[i]!.y), r: round(discs[i]!.r) };
    const child: Head = { id: `${head.id}.${i}`, parent: head.id, label: labels[i]!.label, top: labels[i]!.top, color: shade(head.color, i, parts.length, level), ...disc };
    split(scope, m, child, level + 1, out, o);
  });
}

/** The undirected, weighted graph of the members' own links (texts, similarity, citations). */
function memberView(scope: PaperGraph, ids: readonly string[]): UndirectedGraph {
  const view = new UndirectedGraph();
  for (const id of ids) view.addNode(id);
  // Weights are summed per pair first and each pair added once, oriented and ordered as first
  // met: three look-ups in the graph per link cost more than the graph itself.
  const pairs = new Map<string, { s: string; t: string; w: number }>();
  for (const id of ids)
    scope.forEachOutEdge(id, (_, a, s, t) => {
      if (!view.hasNode(t) || s === t) return;
      const w = a.type === 'SIMILAR_TO' ? 2 * a.score : a.type === 'CITES' ? 1 : LINK_WEIGHT[a.type];
      if (w === undefined) return;
      const key = s < t ? `${s}\u0000${t}` : `${t}\u0000${s}`;
      const p = pairs.get(key) ?? pairs.set(key, { s, t, w: 0 }).get(key)!;
      p.w += w * ('confidence' in a ? (a.confidence ?? 1) : 1);
    });
  for (const p of pairs.values()) view.addEdge(p.s, p.t, { weight: p.w });
  return view;
}

/**
 * Louvain's parts, most papers first. A reader can tell a dozen regions apart, not fifty: parts
 * beyond the twelfth, or with fewer than 4% of the papers, are pooled into one last part.
 *
 * A split must make progress (no part keeps all the papers), or a cluster would be split forever.
 * Where Louvain finds one community, it is asked again at a higher resolution (the modularity of
 * Reichardt and Bornholdt, 2006: a larger gamma prefers smaller communities). Where it finds many
 * that are each too small to stand alone, they are kept whole and packed into balanced parts.
 * Where neither works the cluster stays a leaf: the caller records it as oversized.
 */
function partsOf(view: Graph, scope: PaperGraph, seed: number, papers: number, leafPapers: number): string[][] {
  let last: { m: string[]; p: number }[] = [];
  for (const resolution of RESOLUTIONS) {
    const counted = communitiesOf(view, scope, seed, resolution);
    const min = Math.max(3, Math.ceil(papers * 0.04));
    const kept = counted.filter((c, i) => i < 11 && c.p >= min).map((c) => c.m);
    const pooled = counted.slice(kept.length).flatMap((c) => c.m);
    const parts = pooled.length ? [...kept, pooled] : kept;
    if (progresses(parts, scope, papers)) return parts;
    last = counted;
  }
  return packed(last, Math.ceil(papers / leafPapers), papers);
}

/** Resolutions tried in turn, until one splits the cluster. */
const RESOLUTIONS = [1, 2, 4];

/** Louvain's communities with their paper counts, most papers first (ties by first member, so seeded runs agree). */
function communitiesOf(view: Graph, scope: PaperGraph, seed: number, resolution: number): { m: string[]; p: number }[] {
  const { of } = detectCommunities(view, { seed, minSize: 2, resolution });
  const raw: string[][] = [];
  for (const [id, c] of of) (raw[c] ??= []).push(id);
  return raw.filter(Boolean).map((m) => ({ m, p: paperCount(scope, m) })).sort((a, b) => b.p - a.p || (a.m[0]! < b.m[0]! ? -1 : 1));
}

function progresses(parts: string[][], scope: PaperGraph, papers: number): boolean {
  return parts.length >= 2 && parts.every((m) => paperCount(scope, m) < papers);
}

/**
 * Communities packed whole into at most `want` parts (and at most twelve) of about equal papers:
 * each, most papers first, into the part with the fewest so far (Graham's LPT rule, 1969). No
 * community is cut, so what Louvain found together stays together. Empty if fewer than two
 * communities hold papers.
 */
export function packed(communities: readonly { m: string[]; p: number }[], want: number, papers: number): string[][] {
  const withPapers = communities.filter((c) => c.p > 0).length;
  const k = Math.min(12, want, withPapers);
  if (k < 2 || papers < 2) return [];
  const bins = Array.from({ length: k }, () => ({ m: [] as string[], p: 0 }));
  for (const c of communities) {
    let best = 0;
    for (let i = 1; i < k; i++) if (bins[i]!.p < bins[best]!.p) best = i;
    bins[best]!.m.push(...c.m);
    bins[best]!.p += c.p;
  }
  return bins.sort((a, b) => b.p - a.p || (a.m[0]! < b.m[0]! ? -1 : 1)).map((b) => b.m);
}

const paperCount = (scope: PaperGraph, ids: readonly string[]) => ids.filter((id) => scope.getNodeAttribute(id, 'kind') === 'Paper').length;

/**
 * The fields' discs: area by papers, centred where the snapshot's layout put each field (so related
 * fields stay near each other), then pushed apart until none overlap. The pool of unclustered papers
 * (`pooled`) is no topic: it stands beside the fields, not among them, however large it is.
 */
export function placeFields(fields: readonly { id: number; x: number; y: number; papers: number }[], seed = 42, pooled?: number): Map<number, Disc> {
  const all = fields.map((f) => ({ id: f.id, x: f.x, y: f.y, r: 10 * Math.sqrt(Math.max(1, f.papers)) }));
  const discs = all.filter((d) => d.id !== pooled);
  compact(discs, FIELD_FILL);
  separateDiscs(discs, seededRandom(seed), { gap: 0.25 });
  const pool = all.find((d) => d.id === pooled);
  if (pool) {
    const right = Math.max(0, ...discs.map((d) => d.x + d.r));
    const top = Math.min(0, ...discs.map((d) => d.y - d.r));
    pool.x = (discs.length ? right : 0) + pool.r * 1.25;
    pool.y = (discs.length ? top : 0) + pool.r;
    discs.push(pool);
  }
  return new Map(discs.map((d) => [d.id, { x: round(d.x), y: round(d.y), r: round(d.r) }]));
}

/** Of the map's extent, the share the fields' discs cover: a sparser layout leaves the discs small on screen. */
const FIELD_FILL = 0.4;

/**
 * Centres drawn towards their centroid (never spread out) until the discs cover `fill` of the
 * disc that holds nine in ten centres; the layout's relative placement is kept.
 */
function compact(discs: Disc[], fill: number): void {
  if (discs.length < 2) return;
  const cx = discs.reduce((s, d) => s + d.x, 0) / discs.length;
  const cy = discs.reduce((s, d) => s + d.y, 0) / discs.length;
  const far = discs.map((d) => Math.hypot(d.x - cx, d.y - cy) + d.r).sort((a, b) => a - b);
  const extent = far[Math.floor(0.9 * (far.length - 1))]!;
  const area = discs.reduce((s, d) => s + d.r * d.r, 0);
  const k = Math.sqrt(area / fill) / Math.max(1e-9, extent);
  if (k >= 1) return;
  for (const d of discs) [d.x, d.y] = [cx + (d.x - cx) * k, cy + (d.y - cy) * k];
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

/**
 * Each part's label from its most distinctive terms against its sibling parts (labels.ts). The
 * terms of the parent's own label are left out where the part has others: the trail of labels
 * from field to leaf then says something new at each level instead of repeating the field.
 */
function labelsOf(scope: PaperGraph, ids: readonly string[], partOf: Map<string, number>, n: number, parentTerms: readonly string[]): { label: string; top: string[] }[] {
  // The members with their parts as clusters, read in place: a copy of them and their links into
  // a graph of its own cost more than the terms. The nodes the papers link to outside the members
  // count as outside every part (cluster -1), their own links unread.
  const inside = new Set(ids);
  const g: TermGraph = {
    forEachNode: (callback) => {
      const outside = new Set<string>();
      for (const id of ids) {
        const kind = scope.getNodeAttribute(id, 'kind');
        callback(id, { kind, cluster: partOf.get(id)! });
        if (kind === 'Paper') scope.forEachOutNeighbor(id, (t) => void (inside.has(t) || outside.add(t)));
      }
      for (const id of outside) callback(id, { kind: scope.getNodeAttribute(id, 'kind'), cluster: -1 });
    },
    forEachOutNeighbor: (id, callback) => (inside.has(id) ? scope.forEachOutNeighbor(id, callback) : undefined),
    getNodeAttributes: (id) => scope.getNodeAttributes(id) as ReturnType<TermGraph['getNodeAttributes']>,
  };
  const terms = new Map(clusterTerms(g).map((t) => [t.cluster, t]));
  const inParent = new Set(parentTerms.map((t) => t.toLowerCase()));
  return Array.from({ length: n }, (_, i) => {
    const t = terms.get(i) ?? { cluster: i, size: 0, papers: 0, top: [], terms: [] };
    const fresh = t.top.filter((term) => !inParent.has(term.toLowerCase()));
    const top = fresh.length ? fresh : t.top;
    return { label: labelOf({ ...t, top }, false), top };
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
