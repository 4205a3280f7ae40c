/**
 * The ingest pipeline, top to bottom: read -> extract -> resolve -> build -> analyze.
 * Everything after read is pure (records in, graph out), so the same records always give the same
 * graph and the core runs in tests without files or services.
 */
import type { Diagnostic, PaperRecord } from './model/paper.ts';
import { readInputs, type ReadInputsOptions } from './readers/registry.ts';
import { extractDocument } from './extract/document.ts';
import { extractionContext, type ExtractionContext } from './extract/context.ts';
import { resolve, type Resolved } from './resolve/resolve.ts';
import { buildGraph, type BuildPaper, type PaperGraph } from './assemble/graph.ts';
import { paperId } from './merge/paper-id.ts';
import { mergePapers } from './merge/merge.ts';
import { analyze, type AnalyzeOptions } from './analyze/analyze.ts';
import { markLibrary } from './assemble/library.ts';

export type Phase = 'read' | 'extract' | 'resolve' | 'analyze';

export interface PipelineOptions extends AnalyzeOptions {
  /** Gazetteers, indexes and analyser; the default is built once per process. */
  context?: ExtractionContext;
  onProgress?(phase: Phase, done: number, total: number): void;
  /** The user's own papers (`--library`): matching corpus papers are marked `owned`. */
  library?: { files: string[]; records: readonly PaperRecord[] };
}

/** One node per paper: the same paper from several sources merges (see merge/merge.ts). */
export function mergeRecords(records: readonly PaperRecord[]): BuildPaper[] {
  const used = new Set<string>();
  return mergePapers([...records]).map((m) => {
    let id = paperId(m);
    // Two distinct papers can share a normalised title and no identifier; keep both.
    for (let k = 2; used.has(id); k++) id = `${paperId(m)}-${k}`;
    used.add(id);
    return { id, record: m, sources: m.sources.map((s) => `${s.file}${s.line !== undefined ? `:${s.line}` : ''}`) };
  });
}

/** From records to the analysed graph. */
export function buildKnowledgeGraph(records: readonly PaperRecord[], options: PipelineOptions = {}): PaperGraph {
  const papers = mergeRecords(records);
  const resolved = extractAndResolve(papers, options);
  const graph = buildGraph(papers, resolved);
  options.onProgress?.('analyze', 0, 1);
  analyze(graph, { ...options, ...referenceLists(papers) });
  options.onProgress?.('analyze', 1, 1);
  if (options.library) {
    const { entries, matched } = markLibrary(graph, options.library.records);
    graph.setAttribute('library', { files: options.library.files, entries, matched });
  }
  return graph;
}

function referenceLists(papers: readonly BuildPaper[]): { references?: Map<string, string[]> } {
  const withRefs = papers.filter((p) => p.record.references?.length);
  return withRefs.length ? { references: new Map(withRefs.map((p) => [p.id, p.record.references!])) } : {};
}

/**
 * Extract every paper, then resolve across the corpus. Its own function so that the per-paper
 * extractions (millions of small objects on a large corpus) can be collected before analysis.
 */
function extractAndResolve(papers: readonly BuildPaper[], options: PipelineOptions): Resolved {
  const ctx = options.context ?? extractionContext();
  const docs = papers.map((p, i) => {
    if (i % 200 === 0) options.onProgress?.('extract', i, papers.length);
    return { id: p.id, title: p.record.title, abstract: p.record.abstract, extraction: extractDocument(p.record.title, p.record.abstract, ctx) };
  });
  options.onProgress?.('extract', papers.length, papers.length);
  options.onProgress?.('resolve', 0, 1);
  return resolve(docs, { datasets: ctx.datasetsById, tasksByKey: ctx.tasksByKey });
}

export interface ReadResult {
  records: PaperRecord[];
  diagnostics: Diagnostic[];
}

/** The I/O edge: every input read, every problem kept as a diagnostic. */
export async function readRecords(paths: string[], options: ReadInputsOptions = {}): Promise<ReadResult> {
  const records: PaperRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  for await (const item of readInputs(paths, options)) {
    if (item.kind === 'paper') records.push(item.paper);
    else diagnostics.push(item.diagnostic);
  }
  return { records, diagnostics };
}
