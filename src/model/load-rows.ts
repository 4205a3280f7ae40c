/**
 * Pure: a snapshot -> the rows the Neo4j loader MERGEs and the CSV exporter writes, grouped by label
 * and by (type, start label, end label), and the counts Neo4j should hold afterwards. It sits in the
 * core because the built-in Cypher engine reads the same plan, so both hold the same graph.
 *
 * Neo4j properties cannot be maps, so an edge's `evidence` (an array of objects) is stored as one
 * JSON string property `evidence`; every other nested object becomes a JSON string the same way.
 * Labels and relationship types come only from the whitelist in src/model/schema.ts.
 */
import { EDGE_TYPES, NODE_KINDS, type EdgeType, type NodeKind } from './schema.ts';
import { SnapshotError as SnapshotFileError, type Snapshot } from './snapshot.ts';

/** A snapshot whose content the loader cannot write; the message does not name the file (the caller does). */
export class SnapshotError extends SnapshotFileError {}

export type Label = NodeKind | 'Cluster';
export type RelType = EdgeType | 'IN_CLUSTER';

export type PropValue = string | number | boolean | string[] | number[] | boolean[];
export type Props = Record<string, PropValue>;

/** Properties stored as Neo4j integers (JS numbers would otherwise travel as floats). */
export const INTEGER_PROPERTIES = new Set(['year', 'cluster', 'referenceCount', 'referencesOutside', 'coupling', 'cocitation']);
export const CLUSTER_INTEGER_PROPERTIES = new Set(['id', 'size']);

export interface NodeRow {
  id: string | number;
  props: Props;
}

export interface EdgeRow {
  source: string;
  target: string | number;
  props: Props;
}

export interface EdgeGroup {
  type: RelType;
  from: Label;
  to: Label;
  rows: EdgeRow[];
}

/** What each node of the snapshot keeps as outgoing links: everything else of its is stale. */
export interface KeepRow {
  label: Label;
  id: string;
  keep: string[];
}

export interface LoadPlan {
  nodes: Map<Label, NodeRow[]>;
  edges: EdgeGroup[];
  keep: KeepRow[];
  expected: { labels: Partial<Record<Label, number>>; types: Partial<Record<RelType, number>> };
  rowCount: number;
}

/** Separates a relationship type from its target id in KeepRow.keep (cannot occur in either). */
export const KEEP_SEPARATOR = '\u001f';


const NODE_KIND_SET = new Set<string>(NODE_KINDS);
/** Every label, in a fixed order (the loader stores a node's label as its index here). */
export const NODE_LABELS: readonly Label[] = [...NODE_KINDS, 'Cluster'];
const EDGE_TYPE_SET = new Set<string>(EDGE_TYPES);

export function isLabel(s: string): s is Label {
  return NODE_KIND_SET.has(s) || s === 'Cluster';
}

export function isRelType(s: string): s is RelType {
  return EDGE_TYPE_SET.has(s) || s === 'IN_CLUSTER';
}

/** Attributes -> Neo4j properties: drops absent values, keeps scalars and scalar lists, JSON-encodes the rest. */
export function toProps(attributes: Record<string, unknown>, skip: ReadonlySet<string>): Props {
  const props: Props = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (skip.has(key) || value === undefined || value === null) continue;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) props[key] = value;
    } else if (typeof value === 'string' || typeof value === 'boolean') {
      props[key] = value;
    } else if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) {
      props[key] = value as string[];
    } else if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      props[key] = value as number[];
    } else if (Array.isArray(value) && value.length === 0) {
      continue; // Neo4j cannot tell an empty list's type; absent reads the same through coalesce().
    } else {
      props[key] = JSON.stringify(value);
    }
  }
  return props;
}

const NODE_SKIP = new Set(['kind']);
const EDGE_SKIP = new Set(['type']);

type SnapshotNode = Snapshot['nodes'][number];
type SnapshotEdge = Snapshot['edges'][number];

/** One node of the snapshot as a row, checked; `cluster` is the cluster it belongs to, if any. */
export function nodeRowOf(node: SnapshotNode, i: number): { label: NodeKind; row: NodeRow; cluster?: number } {
  const kind = node?.attributes?.kind;
  if (typeof node?.key !== 'string' || node.key === '') throw new SnapshotError(`nodes[${i}]: expected a string key`);
  if (typeof kind !== 'string' || !NODE_KIND_SET.has(kind)) {
    throw new SnapshotError(`node "${node.key}": kind ${JSON.stringify(kind)} is not one of ${NODE_KINDS.join(', ')}`);
  }
  const label = kind as NodeKind;
  const props = toProps(node.attributes as unknown as Record<string, unknown>, NODE_SKIP);
  props.id = node.key;
  if (label === 'Paper' && typeof props.name === 'string') props.title = props.name;
  const c = node.attributes?.cluster;
  const cluster = typeof c === 'number' && Number.isInteger(c) && c >= 0 ? c : undefined;
  return { label, row: { id: node.key, props }, cluster };
}

/** A cluster of the graph's list as a row. */
export function clusterRowOf(c: { id: number }): NodeRow {
  return { id: c.id, props: toProps(c as unknown as Record<string, unknown>, new Set()) };
}

/** A cluster a node names that the graph's list lacks. */
export function unlistedClusterRow(cluster: number): NodeRow {
  return { id: cluster, props: { id: cluster, label: `cluster ${cluster}` } };
}

/** One edge as a row, checked against the labels of the nodes read before it. */
export function edgeRowOf(edge: SnapshotEdge, i: number, labelOf: (key: string) => Label | undefined): { type: EdgeType; from: Label; to: Label; row: EdgeRow } {
  const type = edge?.attributes?.type;
  const where = `edge ${edge?.key !== undefined ? `"${edge.key}"` : `#${i}`} (${edge?.source} -> ${edge?.target})`;
  if (typeof type !== 'string' || !EDGE_TYPE_SET.has(type)) {
    throw new SnapshotError(`${where}: type ${JSON.stringify(type)} is not one of ${EDGE_TYPES.join(', ')}`);
  }
  const from = labelOf(edge.source);
  const to = labelOf(edge.target);
  if (!from || !to) throw new SnapshotError(`${where}: ${from ? 'target' : 'source'} is not a node of the snapshot`);
  return { type: type as EdgeType, from, to, row: { source: edge.source, target: edge.target, props: toProps(edge.attributes as unknown as Record<string, unknown>, EDGE_SKIP) } };
}

/** The whole plan at once, for a snapshot in memory (the streaming loader uses the row functions above). */
export function planLoad(snapshot: Snapshot): LoadPlan {
  if (!snapshot || !Array.isArray(snapshot.nodes) || !Array.isArray(snapshot.edges)) {
    throw new SnapshotError('not a graph snapshot: expected {attributes, nodes: [...], edges: [...]} (graphology serialization)');
  }
  const nodes = new Map<Label, NodeRow[]>();
  const labelOf = new Map<string, Label>();
  const clusterOf = new Map<string, number>();
  snapshot.nodes.forEach((node, i) => {
    const { label, row, cluster } = nodeRowOf(node, i);
    if (labelOf.has(node.key)) throw new SnapshotError(`node "${node.key}" appears twice`);
    labelOf.set(node.key, label);
    if (cluster !== undefined) clusterOf.set(node.key, cluster);
    push(nodes, label, row);
  });

  // Clusters: the graph's list, plus any cluster a node names that the list lacks.
  const clusterRows = new Map<number, NodeRow>();
  for (const c of snapshot.attributes?.clusters ?? []) clusterRows.set(c.id, clusterRowOf(c));
  for (const cluster of new Set(clusterOf.values())) if (!clusterRows.has(cluster)) clusterRows.set(cluster, unlistedClusterRow(cluster));
  if (clusterRows.size > 0) nodes.set('Cluster', [...clusterRows.values()].sort((a, b) => Number(a.id) - Number(b.id)));

  const groups = new Map<string, EdgeGroup>();
  const keep = new Map<string, Set<string>>();
  const seen = new Set<string>();
  snapshot.edges.forEach((edge, i) => {
    const { type, from, to, row } = edgeRowOf(edge, i, (k) => labelOf.get(k));
    // Neo4j keeps one relationship per (start, type, end): MERGE would fold duplicates silently, so refuse them.
    const k = `${edge.source}${KEEP_SEPARATOR}${type}${KEEP_SEPARATOR}${edge.target}`;
    if (seen.has(k)) throw new SnapshotError(`edge ${edge.key !== undefined ? `"${edge.key}"` : `#${i}`} (${edge.source} -> ${edge.target}): a second ${type} edge between the same two nodes`);
    seen.add(k);
    addEdge(groups, type, from, to, row);
    addKeep(keep, edge.source, type, edge.target);
  });
  for (const [id, cluster] of clusterOf) {
    addEdge(groups, 'IN_CLUSTER', labelOf.get(id)!, 'Cluster', { source: id, target: cluster, props: {} });
    addKeep(keep, id, 'IN_CLUSTER', String(cluster));
  }

  const expected: LoadPlan['expected'] = { labels: {}, types: {} };
  for (const [label, rows] of nodes) expected.labels[label] = rows.length;
  const edges = [...groups.values()];
  for (const g of edges) expected.types[g.type] = (expected.types[g.type] ?? 0) + g.rows.length;
  const keepRows: KeepRow[] = [...labelOf].map(([id, label]) => ({ label, id, keep: [...(keep.get(id) ?? [])] }));
  const rowCount = [...nodes.values()].reduce((n, r) => n + r.length, 0) + edges.reduce((n, g) => n + g.rows.length, 0) + keepRows.length;
  return { nodes, edges, keep: keepRows, expected, rowCount };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function addEdge(groups: Map<string, EdgeGroup>, type: RelType, from: Label, to: Label, row: EdgeRow): void {
  const key = `${type}:${from}:${to}`;
  const g = groups.get(key);
  if (g) g.rows.push(row);
  else groups.set(key, { type, from, to, rows: [row] });
}

function addKeep(keep: Map<string, Set<string>>, source: string, type: string, target: string): void {
  const k = `${type}${KEEP_SEPARATOR}${target}`;
  const set = keep.get(source);
  if (set) set.add(k);
  else keep.set(source, new Set([k]));
}
