import { describe, expect, it } from 'vitest';
import { buildFixtureGraph } from '../fixtures/explorer-snapshot.ts';
import { countVisible, visibleNodes } from '../../src/web/state/filters.ts';
import { buildSearch } from '../../src/web/state/search-index.ts';
import { decodeView, encodeView } from '../../src/web/state/url-state.ts';
import { emptyView, isHistoryStep, reduceView } from '../../src/web/state/view.ts';
import { parseSnapshot } from '../../src/web/state/snapshot.ts';

const graph = buildFixtureGraph();

describe('view <-> URL', () => {
  it('round-trips every field', () => {
    const view = {
      selected: 'benchmark:kilt',
      hiddenKinds: ['Concept', 'Task'],
      hiddenClusters: [2, 0],
      minDegree: 3,
      query: 'KILT & "co"',
      camera: { x: 0.41234, y: 0.5, ratio: 0.25 },
    };
    const decoded = decodeView(encodeView(view));
    expect(decoded).toEqual({ ...view, hiddenClusters: [0, 2], camera: { x: 0.4123, y: 0.5, ratio: 0.25 } });
  });

  it('leaves defaults out of the URL', () => {
    expect(encodeView(emptyView())).toBe('');
  });

  it('falls back to defaults for malformed values', () => {
    const v = decodeView('?camera=1,nope,2&minDegree=-4&hideClusters=a,3');
    expect(v.camera).toBeNull();
    expect(v.minDegree).toBe(0);
    expect(v.hiddenClusters).toEqual([3]);
  });

  it('pushes history for selections and filters, replaces it for typing and camera moves', () => {
    expect(isHistoryStep({ type: 'select', node: 'x' })).toBe(true);
    expect(isHistoryStep({ type: 'toggleKind', kind: 'Paper' })).toBe(true);
    expect(isHistoryStep({ type: 'query', value: 'k' })).toBe(false);
    expect(isHistoryStep({ type: 'camera', value: { x: 0, y: 0, ratio: 1 } })).toBe(false);
  });
});

describe('filters', () => {
  it('shows everything without filters (no set to consult)', () => {
    expect(visibleNodes(graph, emptyView())).toBeNull();
    expect(countVisible(graph, null).visible).toBe(graph.order);
  });

  it('hides a kind and counts what remains, per kind', () => {
    const view = reduceView(emptyView(), { type: 'toggleKind', kind: 'Concept' });
    const visible = visibleNodes(graph, view)!;
    const counts = countVisible(graph, visible);
    expect(counts.visible).toBe(graph.order - 2);
    expect(counts.byKind.find((k) => k.kind === 'Concept')).toEqual({ kind: 'Concept', visible: 0, total: 2 });
    expect(counts.byKind.find((k) => k.kind === 'Paper')).toEqual({ kind: 'Paper', visible: 5, total: 5 });
  });

  it('filters by cluster and by minimum degree together', () => {
    const view = { ...emptyView(), hiddenClusters: [1, 2], minDegree: 3 };
    const visible = visibleNodes(graph, view)!;
    for (const n of visible) {
      expect(graph.getNodeAttribute(n, 'cluster')).toBe(0);
      expect(graph.degree(n)).toBeGreaterThanOrEqual(3);
    }
    expect([...visible].sort()).toEqual(['benchmark:kilt', 'paper:dense-retrieval', 'paper:kilt']);
  });
});

describe('search', () => {
  const search = buildSearch(graph);
  it('finds KILT first by name', () => {
    expect(search.search('KILT')[0]).toEqual({ id: 'benchmark:kilt', name: 'KILT', kind: 'Benchmark' });
  });
  it('is fuzzy and prefix-aware', () => {
    expect(search.search('TrivaQA').map((h) => h.id)).toContain('dataset:triviaqa');
    expect(search.search('Natur').map((h) => h.id)).toContain('dataset:natural-questions');
  });
  it('matches aliases', () => {
    expect(search.search('RAG')[0]!.id).toBe('concept:retrieval-augmented-generation');
    expect(search.search('Microsoft COCO')[0]!.id).toBe('dataset:coco');
  });
});

describe('reading a snapshot', () => {
  it('reads graphology serialization back into the same graph', () => {
    const r = parseSnapshot(JSON.stringify(graph.export()), 'graph.json');
    expect(r.ok && r.graph.order).toBe(graph.order);
    expect(r.ok && r.graph.size).toBe(graph.size);
  });
  it('names the file and the problem for bad input', () => {
    expect(parseSnapshot('{"nodes": [', 'snap/graph.json')).toMatchObject({ ok: false, error: expect.stringMatching(/^snap\/graph\.json: not JSON/) });
    expect(parseSnapshot('[]', 'g.json')).toEqual({ ok: false, error: 'g.json: no "nodes" and "edges" arrays; expected graphology\'s serialization format.' });
    const noKind = '{"attributes":{"schemaVersion":1},"nodes":[{"key":"a","attributes":{"name":"A","x":0,"y":0}}],"edges":[]}';
    expect(parseSnapshot(noKind, 'g.json')).toMatchObject({ ok: false, error: expect.stringMatching(/^g\.json: node "a" has no kind among Paper, Dataset/) });
  });
  it('refuses a snapshot of another schema version, as the CLI does', () => {
    const old = JSON.stringify({ ...buildFixtureGraph().export(), attributes: { schemaVersion: 0, clusters: [] } });
    expect(parseSnapshot(old, 'old.json')).toMatchObject({ ok: false, error: expect.stringMatching(/^old\.json: schema version 0; this papergraph reads version 1/) });
  });
});
