import type { PaperRecord } from '../model/paper.ts';
import type { IdentifiedPaper } from '../model/paper.ts';
import { mergePapers } from './merge.ts';
import { paperId } from './paper-id.ts';

/** The merge stage: one node per paper, however many sources name it, each with a stable id. */
export function mergeRecords(records: readonly PaperRecord[]): IdentifiedPaper[] {
  const used = new Set<string>();
  return mergePapers([...records]).map((m) => {
    let id = paperId(m);
    // Two distinct papers can share a normalised title and no identifier; keep both.
    for (let k = 2; used.has(id); k++) id = `${paperId(m)}-${k}`;
    used.add(id);
    return { id, record: m, sources: m.sources.map((s) => `${s.file}${s.line !== undefined ? `:${s.line}` : ''}`) };
  });
}
