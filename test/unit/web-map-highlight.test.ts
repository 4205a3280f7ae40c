import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import type { CypherResult } from '../../src/model/api.ts';
import { discHolding, mapHighlight, unloadedNodes } from '../../src/web/map/map-highlight.ts';
import { countOnMap, reduceMapNode, visibleOnMap } from '../../src/web/map/map-look.ts';

/** Field 0 opened down to its leaf 0.1 (two papers and a dataset loaded); fields 1 and area 0.0 still discs. */
function openedMap(): Graph {
  const g = new Graph({ type: 'directed' });
  g.addNode('cluster:1', { kind: 'Cluster', x: 0, y: 0, size: 5, color: '#111111' });
  g.addNode('cluster:0.0', { kind: 'Cluster', x: 9, y: 0, size: 2, color: '#222222' });
  g.addNode('p1', { kind: 'Paper', name: 'one', x: 1, y: 1, size: 1, color: '#333333' });
  g.addNode('p2', { kind: 'Paper', name: 'two', x: 2, y: 1, size: 1, color: '#333333' });
  g.addNode('d', { kind: 'Dataset', name: 'D', x: 2, y: 2, size: 1, color: '#444444' });
  g.addEdgeWithKey('e1', 'p1', 'd', { type: 'EVALUATED_ON' });
  g.addEdgeWithKey('e2', 'p2', 'd', { type: 'EVALUATED_ON' });
  return g;
}

function result(nodes: string[], rels: [string, string][]): CypherResult {
  return {
    columns: ['p'],
    rows: [],
    graph: {
      nodes: nodes.map((id) => ({ id, elementId: `el:${id}`, labels: ['Paper'], properties: { title: id } })),
      relationships: rels.map(([s, t], i) => ({ elementId: `r${i}`, type: 'EVALUATED_ON', startElementId: `el:${s}`, endElementId: `el:${t}`, properties: {} })),
    },
    summary: { timeMs: 1, truncated: false },
  };
}

describe('a Cypher result on the map', () => {
  it('lights what is loaded, and the disc drawn now that holds each unloaded node', () => {
    const g = openedMap();
    const r = result(['p1', 'd', 'q', 'z', 'gone', 'later'], [['p1', 'd'], ['q', 'd']]);
    expect(unloadedNodes(g, r)).toEqual(['q', 'z', 'gone', 'later']);
    // q lies in field 1 (a disc), z in area 0.0 (a disc inside the opened field), gone nowhere; later is not looked up yet.
    const h = mapHighlight(g, r, new Map([['q', '1.2.0'], ['z', '0.0.3'], ['gone', null]]))!;
    expect([...h.nodes].sort()).toEqual(['d', 'p1']);
    expect([...h.edges]).toEqual(['e1']);
    expect(Object.fromEntries(h.discs)).toEqual({ 'cluster:1': ['q'], 'cluster:0.0': ['z'] });
    expect(h.elsewhere).toEqual(['gone']);
    expect(h.pending).toEqual(['later']);
    expect(mapHighlight(g, null, new Map())).toBeNull();
  });

  it('finds no disc for a leaf that is open (its nodes are on the map or left out by the years)', () => {
    const g = openedMap();
    expect(discHolding(g, '0.1')).toBeNull();
    expect(discHolding(g, '1.4.2')).toBe('cluster:1');
  });

  it('fades the rest, keeps lit discs in colour, and shows lit nodes through the filters', () => {
    const g = openedMap();
    const highlight = mapHighlight(g, result(['p1', 'q'], []), new Map([['q', '1.0']]));
    const visible = visibleOnMap(g, ['Paper'], 0);
    const reduce = (node: string, a: Record<string, unknown>) => reduceMapNode({ selected: null, visible, highlight }, node, a);
    expect(reduce('cluster:1', g.getNodeAttributes('cluster:1')).color).toBe('#111111');
    expect(reduce('cluster:0.0', g.getNodeAttributes('cluster:0.0')).color).not.toBe('#222222');
    expect(reduce('p1', g.getNodeAttributes('p1'))).toMatchObject({ highlighted: true });
    expect(reduce('p2', g.getNodeAttributes('p2')).hidden).toBe(true);
  });
});

describe('the kind filters on the map', () => {
  it('hide loaded nodes of a kind, never a disc, and count loaded nodes only', () => {
    const g = openedMap();
    const visible = visibleOnMap(g, ['Dataset'], 0)!;
    expect([...visible].sort()).toEqual(['cluster:0.0', 'cluster:1', 'p1', 'p2']);
    expect(visibleOnMap(g, [], 0)).toBeNull();
    const counts = countOnMap(g, visible);
    expect(counts).toMatchObject({ visible: 2, total: 3 });
    expect(counts.byKind.map((k) => k.kind)).not.toContain('Cluster');
    expect(counts.byKind.find((k) => k.kind === 'Dataset')).toEqual({ kind: 'Dataset', visible: 0, total: 1 });
  });
});
