/** The one vocabulary shared by the snapshot, Neo4j and the explorer (DESIGN.md). */
export const SCHEMA_VERSION = 1;

export const ENTITY_KINDS = ['Dataset', 'Benchmark', 'Task', 'Concept'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const NODE_KINDS = ['Paper', ...ENTITY_KINDS, 'Author', 'Category', 'Venue'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const EDGE_TYPES = [
  'EVALUATED_ON',
  'INTRODUCES',
  'ADDRESSES',
  'MENTIONS',
  'PART_OF',
  'AUTHORED_BY',
  'IN_CATEGORY',
  'PUBLISHED_IN',
  'SIMILAR_TO',
  'CITES',
] as const;
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

export interface PaperNodeAttributes {
  kind: 'Paper';
  name: string;
  abstract: string;
  year?: number;
  authors?: string[];
  arxivId?: string;
  doi?: string;
  url?: string;
  venue?: string;
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
  cluster: number;
  x: number;
  y: number;
  size: number;
}

export type NodeAttributes = PaperNodeAttributes | EntityNodeAttributes;

export interface EdgeAttributes {
  type: EdgeType;
  evidence?: Evidence[];
  confidence?: number;
  weight?: number;
  score?: number;
  /** SIMILAR_TO where citations exist: references the two share, and papers citing both. */
  coupling?: number;
  cocitation?: number;
}

export interface ClusterInfo {
  id: number;
  label: string;
  size: number;
  /** Top entity names that define the cluster, most distinctive first. */
  top: string[];
  color: string;
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
