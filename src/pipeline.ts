/**
 * The ingest pipeline, every stage in order (DESIGN.md):
 *
 *   read      src/readers/          files -> paper records, and a diagnostic per bad record (I/O)
 *   merge     src/merge/            one record per paper across sources, with a stable id
 *   extract   src/extract/          each paper's text -> mentions with their evidence
 *   resolve   src/resolve/          mentions across the corpus -> entities and links
 *   assemble  src/assemble/         a graphology graph in the schema of src/model/ (citations, library)
 *   analyze   src/analyze/          similarity, Louvain clusters and labels, sizes, layout
 *   write     src/store/snapshot.ts the snapshot file, graphology's serialization (I/O)
 *   map       src/store/map/        the level-of-detail map beside it, read back from the file as a stream (I/O)
 *   load      src/store/neo4j/      optionally, the same graph into Neo4j (I/O, given by the caller)
 *
 * Everything from merge to analyze is pure: the same records always give the same graph, and the
 * core runs in tests without files or services.
 */
import type { Diagnostic, IdentifiedPaper, PaperRecord } from './model/paper.ts';
import { readInputs, type ReadInputsOptions } from './readers/registry.ts';
import { mergeRecords } from './merge/merge-records.ts';

export { mergeRecords };
import { extractDocument } from './extract/document.ts';
import { extractionContext, type ExtractionContext } from './extract/context.ts';
import { resolve, type Resolved } from './resolve/resolve.ts';
import { buildGraph, type PaperGraph } from './assemble/graph.ts';
import { analyze, type AnalyzeOptions } from './analyze/analyze.ts';
import { writeSnapshot } from './store/snapshot.ts';
import { markLibrary } from './assemble/library.ts';
import { writeMap, type MapSummary } from './store/map/write-map.ts';

export type Phase = 'read' | 'extract' | 'resolve' | 'analyze';

export interface PipelineOptions extends AnalyzeOptions {
  /** Gazetteers, indexes and analyser; the default is built once per process. */
  context?: ExtractionContext;
  onProgress?(phase: Phase, done: number, total: number): void;
  /** The user's own papers (`--library`): matching corpus papers are marked `owned`. */
  library?: { files: string[]; records: readonly PaperRecord[] };
}

export interface ReadResult {
  records: PaperRecord[];
  diagnostics: Diagnostic[];
}

/** read: every input, every problem kept as a diagnostic. */
export async function readRecords(paths: string[], options: ReadInputsOptions = {}): Promise<ReadResult> {
  const records: PaperRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  for await (const item of readInputs(paths, options)) {
    if (item.kind === 'paper') records.push(item.paper);
    else diagnostics.push(item.diagnostic);
  }
  return { records, diagnostics };
}

/** merge -> extract -> resolve -> assemble -> analyze: from records to the analysed graph. */
export function buildKnowledgeGraph(records: readonly PaperRecord[], options: PipelineOptions = {}): PaperGraph {
  const papers = mergeRecords(records);
  const graph = buildGraph(papers, extractAndResolve(papers, options));
  options.onProgress?.('analyze', 0, 1);
  analyze(graph, { ...options, ...referenceLists(papers) });
  options.onProgress?.('analyze', 1, 1);
  if (options.library) {
    const { entries, matched } = markLibrary(graph, options.library.records);
    graph.setAttribute('library', { files: options.library.files, entries, matched });
  }
  return graph;
}

/** Each paper's full reference list, where its sources give one (for bibliographic coupling). */
function referenceLists(papers: readonly IdentifiedPaper[]): { references?: Map<string, string[]> } {
  const withRefs = papers.filter((p) => p.record.references?.length);
  return withRefs.length ? { references: new Map(withRefs.map((p) => [p.id, p.record.references!])) } : {};
}

/**
 * extract, then resolve across the corpus. One function so that the per-paper extractions
 * (millions of small objects on a large corpus) can be collected before analysis.
 */
function extractAndResolve(papers: readonly IdentifiedPaper[], options: PipelineOptions): Resolved {
  const ctx = options.context ?? extractionContext();
  const docs = papers.map((p, i) => {
    if (i % 200 === 0) options.onProgress?.('extract', i, papers.length);
    return { id: p.id, title: p.record.title, abstract: p.record.abstract, extraction: extractDocument(p.record.title, p.record.abstract, ctx) };
  });
  options.onProgress?.('extract', papers.length, papers.length);
  options.onProgress?.('resolve', 0, 1);
  return resolve(docs, { datasets: ctx.datasetsById, tasksByKey: ctx.tasksByKey, methodsByKey: ctx.methodsByKey, methodsById: ctx.methodsById });
}

export interface IngestOptions extends PipelineOptions {
  read?: ReadInputsOptions;
  /** How the inputs are named in the snapshot (paths relative to where the user ran it). */
  inputNames?: string[];
  /** Called once everything is read, with the problems found (before the long part starts). */
  onRead?(result: ReadResult): void;
  /** Skip the map stage (`papergraph map <dir>` builds it later). */
  noMap?: boolean;
  /** The load stage: the graph as written, into a store; its result is the caller's. */
  load?(graph: PaperGraph): Promise<number>;
}

export interface IngestResult {
  graph: PaperGraph;
  diagnostics: Diagnostic[];
  /** The snapshot file written. */
  file: string;
  /** What the load stage returned, when there was one. */
  loaded?: number;
  /** The level-of-detail map written beside the snapshot. */
  map?: MapSummary;
}

/** The whole pipeline: read, build (merge to analyze), write <out>/graph.json, then load. */
export async function ingest(inputs: string[], out: string, options: IngestOptions = {}): Promise<IngestResult> {
  const started = performance.now();
  const read = await readRecords(inputs, options.read);
  options.onRead?.(read);
  const { records, diagnostics } = read;
  const graph = buildKnowledgeGraph(records, options);
  graph.setAttribute('ingest', {
    inputs: options.inputNames ?? inputs,
    papersRead: records.length,
    skipped: diagnostics.filter((d) => d.severity === 'error').map((d) => ({ where: `${d.file}${d.line !== undefined ? `:${d.line}` : ''}`, reason: d.message })),
    durationMs: Math.round(performance.now() - started),
  });
  const file = await writeSnapshot(out, graph);
  // Its own stage over the written file, so it works the same on a snapshot from anywhere.
  const map = options.noMap ? undefined : await writeMap(out, { ...(options.seed !== undefined ? { seed: options.seed } : {}) });
  const loaded = options.load ? await options.load(graph) : undefined;
  return { graph, diagnostics, file, ...(loaded !== undefined ? { loaded } : {}), ...(map ? { map } : {}) };
}
