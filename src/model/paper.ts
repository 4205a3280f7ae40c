/** Where a record came from, precise enough for an error message or a provenance link. */
export interface SourceRef {
  file: string;
  /** 1-based line of the record's first line (or byte offset when the format has no lines). */
  line?: number;
  offset?: number;
  format: string;
}

/** What a source may say about a paper besides its text, kept as is on the Paper node. */
export interface PaperMetadata {
  year?: number;
  authors?: string[];
  arxivId?: string;
  doi?: string;
  url?: string;
  venue?: string;
}

/** One paper as a reader produces it, before extraction. */
export interface PaperRecord extends PaperMetadata {
  title: string;
  abstract: string;
  categories?: string[];
  /**
   * The paper's own identifiers in a source's namespace ("openalex:W2741809807", "s2:<paperId>"),
   * which other records' references point at. DOI and arXiv id are identifiers too, kept in their fields.
   */
  ids?: string[];
  /** The papers this one cites, one identifier each (same namespaces as `ids`, or "doi:", "arxiv:"). */
  references?: string[];
  source: SourceRef;
}

/** A record a reader could not use, reported and skipped (never silently dropped). */
export interface Diagnostic {
  file: string;
  line?: number;
  offset?: number;
  message: string;
  severity: 'error' | 'warning';
}

/** What one reader yields: papers and the problems it found, in file order. */
export type ReadItem = { kind: 'paper'; paper: PaperRecord } | { kind: 'diagnostic'; diagnostic: Diagnostic };

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line !== undefined ? `:${d.line}` : d.offset !== undefined ? ` (byte ${d.offset})` : '';
  return `${d.file}${where}: ${d.message}`;
}

/**
 * One paper after cross-source merging (src/merge/merge.ts): the best of each field from every
 * record that named it, `source` the first of them, `sources` all of them in input order.
 */
export interface MergedPaper extends PaperRecord {
  sources: SourceRef[];
}

/** A paper as the merge stage hands it on: its stable id, the merged record, and every "file:line" it was read from. */
export interface IdentifiedPaper {
  id: string;
  record: PaperRecord;
  sources: string[];
}
