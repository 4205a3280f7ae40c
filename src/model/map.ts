/**
 * The level-of-detail map written beside graph.json (`<dir>/map/`), shared by the map stage, the
 * server and the explorer. Like a tiled web map: one small top-level file, one file per cluster
 * holding only that cluster's next level, and the leaves holding papers and their entities.
 *
 * Cluster ids are paths: "3" is the field of top-level community 3, "3.1" an area inside it,
 * "3.1.0" a topic inside that area. Coordinates are one frame for every level, so a cluster's
 * children lie inside its disc.
 */
import type { SerializedEdge, SerializedNode } from 'graphology-types';
import type { EdgeAttributes, NodeAttributes } from './schema.ts';

export const MAP_VERSION = 1;

/**
 * The tag `papergraph publish` puts in a published site's page: `<meta name="papergraph-site"
 * content="static map">` (or "static" without a map), so the explorer there reads files, not an API.
 */
export const SITE_META = 'papergraph-site';
export const LEVEL_NAMES = ['field', 'area', 'topic'] as const;

export interface MapCluster {
  id: string;
  /** 1 = field (the snapshot's `cluster`), 2 = area, 3 = topic. */
  level: number;
  parent: string | null;
  label: string;
  top: string[];
  papers: number;
  /** Centre and radius of the cluster's disc. */
  x: number;
  y: number;
  r: number;
  color: string;
  /** Papers per publication year (`[year, papers]`, ascending); papers without a year are left out. */
  years: [number, number][];
  /** The cluster's file holds papers and entities (true) or sub-clusters (false). */
  leaf: boolean;
}

/** Two clusters linked by the entities their papers share (and similarity or citations between them). */
export interface MapLink {
  a: string;
  b: string;
  weight: number;
  /** The shared entities that weigh most, by name. */
  shared: string[];
}

export interface MapTop {
  version: number;
  papers: number;
  /** The top-level extent of the map, for a camera that does not jump as clusters open. */
  bbox: { x: [number, number]; y: [number, number] };
  years: [number, number] | null;
  clusters: MapCluster[];
  links: MapLink[];
}

export type MapNode = SerializedNode<NodeAttributes & { leaf: string }>;
export type MapEdge = SerializedEdge<EdgeAttributes>;

/** One cluster's file: its children, or, for a leaf, its papers and entities with their links. */
export interface MapClusterFile {
  cluster: MapCluster;
  children: MapCluster[];
  links: MapLink[];
  nodes: MapNode[];
  edges: MapEdge[];
}

/** A dataset's or benchmark's adoption: papers per year evaluated on it (or introducing it), and its first paper. */
export interface Adoption {
  name: string;
  kind: string;
  total: number;
  years: [number, number][];
  first: { id: string; name: string; year: number; leaf: string } | null;
}

/** One hit of the whole-field search (GET /api/map/search). */
export interface MapSearchHit {
  id: string;
  name: string;
  kind: string;
  /** The leaf cluster whose file holds the node: open its path to reach it. */
  leaf: string;
  year?: number;
}

/** "3.1.0" -> ["3", "3.1", "3.1.0"]: the clusters to open, outermost first. */
export function clusterPath(id: string): string[] {
  const parts = id.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

/** The file of a cluster, relative to the map folder; ids are digits and dots only. */
export function clusterFileName(id: string): string {
  if (!/^\d+(\.\d+)*$/.test(id)) throw new Error(`not a cluster id: ${JSON.stringify(id)}`);
  return `c/${id}.json`;
}
