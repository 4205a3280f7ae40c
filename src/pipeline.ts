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
import { extractAll, type Extractions } from './extract/extractions.ts';
import { defaultWorkers, extractInWorkers, layoutInWorkers, PARALLEL_FROM } from './parallel/parallel-stages.ts';
import { extractionContext, type ExtractionContext } from './extract/context.ts';
import { resolve } from './resolve/resolve.ts';
import { buildGraph, type PaperGraph } from './assemble/graph.ts';
import { finishAnalysis, planAnalysis, type AnalysisPlan, type AnalyzeOptions } from './analyze/analyze.ts';
import { layoutCluster } from './analyze/layout.ts';
import { writeSnapshot } from './store/snapshot.ts';
import { markLibrary } from './assemble/library.ts';
import { writeMap, type MapSummary } from './store/map/write-map.ts';

export type Phase = 'read' | 'extract' | 'resolve' | 'assemble' | 'analyze' | 'layout' | 'write' | 'map';

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

/** Reading stopped because the inputs hold more papers than the caller's limit (IngestOptions.maxPapers). */
export class TooManyPapersError extends Error {
  constructor(readonly papersRead: number) {
    super(`the inputs hold more than ${papersRead - 1} papers`);
  }
}

/** Not one paper could be read: nothing is built or written, so a snapshot already in the folder stays. */
export class NothingReadError extends Error {
  constructor() {
    super('no papers could be read from the inputs');
  }
}

/**
 * read, for a command that writes a snapshot: reports what was read to `onRead`, and stops with a
 * NothingReadError before anything is written when no paper could be read.
 */
export async function readForIngest(inputs: string[], options: Pick<IngestOptions, 'read' | 'maxPapers' | 'onRead'>): Promise<ReadResult> {
  const read = await readRecords(inputs, options.read, options.maxPapers);
  options.onRead?.(read);
  if (read.records.length === 0) throw new NothingReadError();
  return read;
}

/** read: every input, every problem kept as a diagnostic; stops past `maxPapers` papers. */
export async function readRecords(paths: string[], options: ReadInputsOptions = {}, maxPapers = Infinity): Promise<ReadResult> {
  const records: PaperRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  for await (const item of readInputs(paths, options)) {
    if (item.kind === 'paper') records.push(item.paper);
    else diagnostics.push(item.diagnostic);
    if (records.length > maxPapers) throw new TooManyPapersError(records.length);
  }
  return { records, diagnostics };
}

/** merge -> extract -> resolve -> assemble -> analyze: from records to the analysed graph. */
export function buildKnowledgeGraph(records: readonly PaperRecord[], options: PipelineOptions = {}): PaperGraph {
  const papers = mergeRecords(records);
  const ctx = options.context ?? extractionContext();
  const { graph, plan } = assembleAndPlan(papers, extractSerial(papers, ctx, options), ctx, options);
  options.onProgress?.('layout', 0, 1);
  return finish(graph, plan, plan.layout.jobs.map(layoutCluster), options);
}

/**
 * The same graph as buildKnowledgeGraph, with extraction and the clusters' own layouts spread over
 * `workers` threads (one per core by default, from PARALLEL_FROM papers on): the graph is the same
 * whatever their number.
 */
export async function buildKnowledgeGraphInWorkers(records: readonly PaperRecord[], options: PipelineOptions & { workers?: number } = {}): Promise<PaperGraph> {
  const papers = mergeRecords(records);
  const threads = threadsFor(papers.length, options);
  if (threads <= 1) return buildKnowledgeGraph(records, options);
  // No name holds the extractions: they are garbage once the graph is assembled.
  const { graph, plan } = assembleAndPlan(papers, await extractPapers(papers, threads, options), extractionContext(), options);
  options.onProgress?.('layout', 0, 1);
  return finish(graph, plan, await layoutInWorkers(plan.layout.jobs, threads), options);
}

/** Threads for a corpus; a caller's own extraction context (another tagger) lives in this thread only. */
export function threadsFor(papers: number, options: PipelineOptions & { workers?: number }): number {
  if (options.context) return 1;
  return options.workers ?? (process.env.PAPERGRAPH_WORKERS || papers >= PARALLEL_FROM ? defaultWorkers() : 1);
}

/** extract: each paper's text, in worker threads when there are several. */
export async function extractPapers(papers: readonly IdentifiedPaper[], threads: number, options: PipelineOptions): Promise<Extractions> {
  if (threads <= 1) return extractSerial(papers, options.context ?? extractionContext(), options);
  options.onProgress?.('extract', 0, papers.length);
  return extractInWorkers(
    papers.map((p) => p.record),
    threads,
    (done) => options.onProgress?.('extract', done, papers.length),
  );
}

function extractSerial(papers: readonly IdentifiedPaper[], ctx: ExtractionContext, options: PipelineOptions): Extractions {
  return extractAll(
    papers.map((p) => ({ title: p.record.title, abstract: p.record.abstract })),
    ctx,
    (done) => options.onProgress?.('extract', done, papers.length),
  );
}

/** resolve, then assemble: the graph of these papers, not yet analysed. */
export function resolveAndAssemble(papers: readonly IdentifiedPaper[], extractions: Extractions, ctx: ExtractionContext, options: PipelineOptions): PaperGraph {
  options.onProgress?.('extract', papers.length, papers.length);
  options.onProgress?.('resolve', 0, 1);
  const docs = papers.map((p, i) => ({ id: p.id, title: p.record.title, abstract: p.record.abstract, extraction: extractions.papers[i]! }));
  const resolved = resolve(docs, extractions.phrases, { datasets: ctx.datasetsById, tasksByKey: ctx.tasksByKey, methodsByKey: ctx.methodsByKey, methodsById: ctx.methodsById });
  options.onProgress?.('assemble', 0, 1);
  return buildGraph(papers, resolved);
}

/** resolve -> assemble -> analyze up to the clusters' own layouts, from each paper's extraction (in paper order). */
function assembleAndPlan(papers: readonly IdentifiedPaper[], extractions: Extractions, ctx: ExtractionContext, options: PipelineOptions): { graph: PaperGraph; plan: AnalysisPlan } {
  const graph = resolveAndAssemble(papers, extractions, ctx, options);
  options.onProgress?.('analyze', 0, 1);
  const plan = planAnalysis(graph, { ...options, ...referenceLists(papers) });
  return { graph, plan };
}

function finish(graph: PaperGraph, plan: AnalysisPlan, local: readonly Float64Array[], options: PipelineOptions): PaperGraph {
  finishAnalysis(graph, plan, local);
  options.onProgress?.('layout', 1, 1);
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

export interface IngestOptions extends PipelineOptions {
  read?: ReadInputsOptions;
  /** How the inputs are named in the snapshot (paths relative to where the user ran it). */
  inputNames?: string[];
  /** Called once everything is read, with the problems found (before the long part starts). */
  onRead?(result: ReadResult): void;
  /** Skip the map stage (`papergraph map <dir>` builds it later). */
  noMap?: boolean;
  /** Extraction threads (default: one per core from PARALLEL_FROM papers, or PAPERGRAPH_WORKERS). */
  workers?: number;
  /** Reading stops with a TooManyPapersError past this many papers (the CLI sets what the heap holds). */
  maxPapers?: number;
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

/** The records skipped, as the snapshot's ingest attribute lists them. */
export const skippedOf = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.filter((d) => d.severity === 'error').map((d) => ({ where: `${d.file}${d.line !== undefined ? `:${d.line}` : ''}`, reason: d.message }));

/** The whole pipeline: read, build (merge to analyze), write <out>/graph.json, then load. */
export async function ingest(inputs: string[], out: string, options: IngestOptions = {}): Promise<IngestResult> {
  const started = performance.now();
  const { records, diagnostics } = await readForIngest(inputs, options);
  const graph = await buildKnowledgeGraphInWorkers(records, options);
  graph.setAttribute('ingest', {
    inputs: options.inputNames ?? inputs,
    papersRead: records.length,
    skipped: skippedOf(diagnostics),
    durationMs: Math.round(performance.now() - started),
  });
  options.onProgress?.('write', 0, 1);
  const file = await writeSnapshot(out, graph);
  // Its own stage over the written file, so it works the same on a snapshot from anywhere.
  const map = await mapStage(out, options);
  const loaded = options.load ? await options.load(graph) : undefined;
  return { graph, diagnostics, file, ...(loaded !== undefined ? { loaded } : {}), ...(map ? { map } : {}) };
}

/** The map stage, over the graph.json just written in `dir` (skipped with noMap: `papergraph map` builds it later). */
export function mapStage(dir: string, options: Pick<IngestOptions, 'noMap' | 'seed' | 'onProgress'>): Promise<MapSummary | undefined> {
  if (!options.noMap) options.onProgress?.('map', 0, 1);
  return options.noMap ? Promise.resolve(undefined) : writeMap(dir, { ...(options.seed !== undefined ? { seed: options.seed } : {}) });
}
