/**
 * Incremental ingest (`papergraph ingest <new inputs> --into <snapshot dir>`): papers added to an
 * existing snapshot. Only papers whose id the snapshot lacks are extracted; ids are the merge
 * stage's, so a paper keeps its id; every existing node keeps its cluster and position
 * (analyze/fold-in.ts). Entities the new papers share with the snapshot are the same nodes, since
 * entity ids are deterministic.
 */
import type { PaperGraph } from './assemble/graph.ts';
import { extractionContext } from './extract/context.ts';
import { mergeRecords } from './merge/merge-records.ts';
import { addSimilarityEdges } from './analyze/analyze.ts';
import { foldIn } from './analyze/fold-in.ts';
import { paperSimilarities } from './analyze/similarity.ts';
import { readSnapshot } from './store/snapshot-read.ts';
import { writeSnapshot } from './store/snapshot.ts';
import { extractPapers, mapStage, readForIngest, resolveAndAssemble, skippedOf, threadsFor, type IngestOptions, type IngestResult } from './pipeline.ts';

export interface IngestIntoResult extends IngestResult {
  /** Papers new to the snapshot (the only ones extracted). */
  added: number;
  /** Papers read that the snapshot already held. */
  known: number;
}

export async function ingestInto(inputs: string[], dir: string, options: IngestOptions = {}): Promise<IngestIntoResult> {
  const started = performance.now();
  const graph = await readSnapshot(dir);
  const read = await readForIngest(inputs, options);
  const merged = mergeRecords(read.records);
  const papers = merged.filter((p) => !graph.hasNode(p.id));
  const extractions = await extractPapers(papers, threadsFor(papers.length, options), options);
  const fresh = resolveAndAssemble(papers, extractions, extractionContext(), options);
  options.onProgress?.('analyze', 0, 1);
  const added = mergeInto(graph, fresh);
  const isNew = new Set(papers.map((p) => p.id));
  // Each new paper looks for its neighbours among all papers, old and new, with the rarity of
  // entities counted over the whole graph; the old papers' own pairs are in the snapshot already.
  addSimilarityEdges(graph, paperSimilarities(graph, { topK: options.similarTopK ?? 5, seekers: isNew }));
  foldIn(graph, added, options.seed);
  options.onProgress?.('analyze', 1, 1);
  const before = graph.getAttribute('ingest');
  graph.setAttribute('ingest', {
    inputs: [...(before?.inputs ?? []), ...(options.inputNames ?? inputs)],
    papersRead: (before?.papersRead ?? 0) + read.records.length,
    skipped: [...(before?.skipped ?? []), ...skippedOf(read.diagnostics)],
    durationMs: Math.round(performance.now() - started),
  });
  options.onProgress?.('write', 0, 1);
  const file = await writeSnapshot(dir, graph);
  // The map's files are derived from graph.json: rebuilt so that serve never shows a stale map.
  await mapStage(dir, options);
  return { graph, diagnostics: read.diagnostics, file, added: papers.length, known: merged.length - papers.length };
}

/** The new graph's nodes and edges that the snapshot lacks; existing nodes keep their attributes. */
function mergeInto(graph: PaperGraph, fresh: PaperGraph): string[] {
  const added: string[] = [];
  fresh.forEachNode((id, a) => {
    if (graph.hasNode(id)) return;
    graph.addNode(id, a);
    added.push(id);
  });
  fresh.forEachEdge((key, a, s, t) => {
    if (!graph.hasEdge(s, t)) graph.addEdgeWithKey(key, s, t, a);
  });
  return added;
}
