// @vitest-environment happy-dom
/** The explorer's citation section and library panel, on a small hand-built snapshot. */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import Graph from 'graphology';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DetailsPanel } from '../../src/web/components/DetailsPanel.tsx';
import { LibraryPanel } from '../../src/web/components/LibraryPanel.tsx';
import { paperCitations } from '../../src/web/state/citations.ts';
import type { SnapshotGraph } from '../../src/web/state/graph-types.ts';
import { newPapersSharingBenchmark, restrictToLibrary } from '../../src/web/state/library.ts';

const placed = { cluster: 0, x: 0, y: 0, size: 3 };

function buildGraph(): SnapshotGraph {
  const g: SnapshotGraph = new Graph({ type: 'directed', multi: false });
  g.replaceAttributes({ schemaVersion: 1, generator: 'test', clusters: [], library: { files: ['my.bib'], entries: 2, matched: 1 } });
  const paper = (id: string, name: string, extra: object = {}) => g.addNode(id, { kind: 'Paper', name, abstract: '', sources: [], ...placed, ...extra });
  paper('p:dpr', 'Dense Passage Retrieval', { owned: true, referenceCount: 3, referencesOutside: 1 });
  paper('p:rag', 'Retrieval-Augmented Generation', { referenceCount: 1, referencesOutside: 0 });
  paper('p:squad', 'SQuAD', { referenceCount: 0, referencesOutside: 0 });
  paper('p:fid', 'Fusion-in-Decoder');
  paper('p:coco', 'Focal Loss');
  for (const [id, name] of [['b:nq', 'Natural Questions'], ['b:kilt', 'KILT'], ['b:coco', 'COCO']]) g.addNode(id!, { kind: 'Benchmark', name: name!, aliases: [], ...placed });
  const link = (s: string, t: string, type: 'EVALUATED_ON' | 'CITES') =>
    g.addEdgeWithKey(`${type}:${s}->${t}`, s, t, type === 'CITES' ? { type } : { type, evidence: [], weight: 1 });
  link('p:dpr', 'p:squad', 'CITES');
  link('p:rag', 'p:dpr', 'CITES');
  link('p:dpr', 'b:nq', 'EVALUATED_ON');
  link('p:dpr', 'b:kilt', 'EVALUATED_ON');
  link('p:rag', 'b:kilt', 'EVALUATED_ON');
  link('p:rag', 'b:nq', 'EVALUATED_ON');
  link('p:fid', 'b:nq', 'EVALUATED_ON');
  link('p:coco', 'b:coco', 'EVALUATED_ON');
  return g;
}

const graph = buildGraph();
afterEach(cleanup);

describe('citations in the paper panel', () => {
  it('lists cites and cited-by, with the references outside the corpus', () => {
    expect(paperCitations(graph, 'p:dpr')).toEqual({
      cites: [{ id: 'p:squad', name: 'SQuAD', kind: 'Paper' }],
      citedBy: [{ id: 'p:rag', name: 'Retrieval-Augmented Generation', kind: 'Paper' }],
      outside: 1,
    });
    const onSelect = vi.fn();
    render(<DetailsPanel graph={graph} selected="p:dpr" onSelect={onSelect} />);
    expect(screen.getByRole('heading', { name: 'Cites (1)' })).toBeTruthy();
    expect(screen.getByText('and 1 paper outside this corpus')).toBeTruthy();
    fireEvent.click(within(screen.getByRole('list', { name: 'Cited by' })).getByRole('button'));
    expect(onSelect).toHaveBeenCalledWith('p:rag');
    expect(screen.getByText('In my library')).toBeTruthy();
  });

  it('shows no citation section for a paper of a corpus without references', () => {
    expect(paperCitations(graph, 'p:fid')).toBeNull();
    render(<DetailsPanel graph={graph} selected="p:fid" onSelect={() => {}} />);
    expect(screen.queryByRole('heading', { name: /^Cites/ })).toBeNull();
    expect(screen.queryByText('In my library')).toBeNull();
  });
});

describe('the library panel', () => {
  it('ranks new papers by the benchmarks they share with owned papers', () => {
    expect(newPapersSharingBenchmark(graph).map((r) => [r.name, r.via])).toEqual([
      ['Retrieval-Augmented Generation', ['KILT', 'Natural Questions']],
      ['Fusion-in-Decoder', ['Natural Questions']],
    ]);
  });

  it('shows owned or new papers apart, leaving other kinds to the other filters', () => {
    const owned = restrictToLibrary(graph, null, 'owned')!;
    expect([...owned].filter((n) => n.startsWith('p:'))).toEqual(['p:dpr']);
    expect(owned.has('b:kilt')).toBe(true);
    const fresh = restrictToLibrary(graph, new Set(['p:dpr', 'p:rag', 'b:kilt']), 'new')!;
    expect([...fresh].sort()).toEqual(['b:kilt', 'p:rag']);
    expect(restrictToLibrary(graph, null, 'all')).toBeNull();
  });

  it('switches the view and selects a suggested paper', () => {
    const onView = vi.fn();
    const onSelect = vi.fn();
    render(<LibraryPanel graph={graph} view="all" onView={onView} onSelect={onSelect} />);
    fireEvent.click(screen.getByRole('radio', { name: 'New to me (4)' }));
    expect(onView).toHaveBeenCalledWith('new');
    const list = screen.getByRole('list', { name: 'New papers sharing a benchmark with my library' });
    fireEvent.click(within(list).getAllByRole('button')[0]!);
    expect(onSelect).toHaveBeenCalledWith('p:rag');
  });
});
