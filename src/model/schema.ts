/** The one vocabulary shared by the snapshot, Neo4j and the explorer (DESIGN.md). */
import type { PaperMetadata } from './paper.ts';
export const SCHEMA_VERSION = 1;

export const ENTITY_KINDS = ['Dataset', 'Benchmark', 'Task', 'Concept'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const NODE_KINDS = ['Paper', ...ENTITY_KINDS, 'Author', 'Category', 'Venue'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** Paper -> entity links found in the text: each one carries the sentences that say so. */
export const LINK_TYPES = ['EVALUATED_ON', 'INTRODUCES', 'USES', 'ADDRESSES', 'MENTIONS'] as const;
export type LinkType = (typeof LINK_TYPES)[number];

/** Links that come from metadata, references or the gazetteer, with nothing to show as evidence. */
export const STRUCTURAL_TYPES = ['PART_OF', 'AUTHORED_BY', 'IN_CATEGORY', 'PUBLISHED_IN', 'CITES'] as const;
export type StructuralType = (typeof STRUCTURAL_TYPES)[number];

export const EDGE_TYPES = [...LINK_TYPES, ...STRUCTURAL_TYPES, 'SIMILAR_TO'] as const;
export type EdgeType = (typeof EDGE_TYPES)[number];

/** Why a paper is linked to an entity: the sentence, and where the mention sits in the abstract. */
export interface Evidence {
  /** The sentence containing the mention. */
  sentence: string;
  /** Offsets into the paper's text field: text.slice(start, end) === surface. */
  start: number;
  end: number;
  surface: string;
  /** Which field the offsets index: the abstract or the title. */
  field: 'abstract' | 'title';
}

export interface PaperNodeAttributes extends PaperMetadata {
  kind: 'Paper';
  name: string;
  abstract: string;
  sources: string[];
  /** Where a source lists references: how many, and how many point outside the corpus (no CITES edge). */
  referenceCount?: number;
  referencesOutside?: number;
  /** In the user's own library (`ingest --library`). */
  owned?: boolean;
  cluster: number;
  x: number;
  y: number;
  size: number;
}

export interface EntityNodeAttributes {
  kind: Exclude<NodeKind, 'Paper'>;
  name: string;
  aliases: string[];
  /** Gazetteer entries are certain; names discovered from context carry lower confidence. */
  confidence?: number;
  /** Concepts from the method gazetteer: id of the broader concept this is a kind of (PPO -> reinforcement learning). */
  parent?: string;
  /** Names of every broader concept, nearest first (PPO: policy gradient, reinforcement learning, machine learning). */
  ancestors?: string[];
  cluster: number;
  x: number;
  y: number;
  size: number;
}

export type NodeAttributes = PaperNodeAttributes | EntityNodeAttributes;

export interface LinkEdgeAttributes {
  type: LinkType;
  evidence: Evidence[];
  /** Occurrences of the entity in the paper. */
  weight: number;
  /** Present (below 1) when the entity or the link was found from context rather than the gazetteer. */
  confidence?: number;
}

export interface StructuralEdgeAttributes {
  type: StructuralType;
}

export interface SimilarityEdgeAttributes {
  type: 'SIMILAR_TO';
  /** Shared entities weighted by rarity, in (0, 1], three decimals. */
  score: number;
}

/** A union keyed on `type`: a text link without evidence, or a similarity without a score, does not type-check. */
export type EdgeAttributes = LinkEdgeAttributes | StructuralEdgeAttributes | SimilarityEdgeAttributes;

export function isLinkEdge(a: EdgeAttributes): a is LinkEdgeAttributes {
  return (LINK_TYPES as readonly string[]).includes(a.type);
}

/** A candidate label term of a cluster and why it was chosen. */
export interface ClusterTerm {
  name: string;
  kind: string;
  /** Log-likelihood ratio (G²) of the term in this cluster against all other clusters, times the kind's weight. */
  score: number;
  /** Papers of the cluster linked to the term. */
  papers: number;
}

export interface ClusterInfo {
  id: number;
  label: string;
  size: number;
  /** Top entity names that define the cluster, most distinctive first. */
  top: string[];
  /** The scores behind `top` (the explorer shows them on the legend). */
  terms?: ClusterTerm[];
  color: string;
  /** The pool of papers in no community of their own (too few shared links): not a topic. */
  pooled?: true;
}

export interface GraphAttributes {
  schemaVersion: number;
  generator: string;
  clusters: ClusterInfo[];
  /** Summary of the ingest that produced the snapshot. */
  ingest?: {
    inputs: string[];
    papersRead: number;
    skipped: { where: string; reason: string }[];
    durationMs: number;
  };
  /** The user's library (`ingest --library`): its entries and how many of them the corpus holds. */
  library?: { files: string[]; entries: number; matched: number };
}
