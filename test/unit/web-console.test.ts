import { describe, expect, it } from 'vitest';
import { CompletionContext } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { buildFixtureGraph } from '../fixtures/explorer-snapshot.ts';
import type { CypherResult } from '../../src/web/console/console-api.ts';
import { cypherCompletions } from '../../src/web/console/cypher-language.ts';
import { HISTORY_LIMIT, addToHistory, loadHistory, parseParams } from '../../src/web/console/history.ts';
import { highlightResult, locateResult, placeNear } from '../../src/web/state/highlight.ts';
import { errorOf, idleRun, reduceRun, resultOf } from '../../src/web/state/cypher-run.ts';
import { cellText } from '../../src/model/result-cells.ts';
import { rowNodeId, sortRows, toCsv } from '../../src/web/console/results.ts';

const node = (id: string, labels: string[], properties: Record<string, unknown>) => ({ id, elementId: `e-${id}`, labels, properties });

describe('results table data', () => {
  const paper = node('paper:kilt', ['Paper'], { title: 'KILT: a Benchmark' });
  const rows = [
    { title: 'b', n: 10, p: paper },
    { title: 'a', n: 9, p: null },
    { title: 'c', n: 100, p: [paper] },
  ];
  it('shows nodes and relationships by name and type', () => {
    expect(cellText(paper)).toBe('(Paper) KILT: a Benchmark');
    expect(cellText({ elementId: 'r', type: 'EVALUATED_ON', startElementId: 'a', endElementId: 'b', properties: {} })).toBe('[:EVALUATED_ON]');
    expect(cellText(['x', 2])).toBe('[x, 2]');
    expect(cellText(null)).toBe('');
  });
  it('sorts numbers as numbers and text as text, both ways', () => {
    expect(sortRows(rows, 'n', 'ascending').map((r) => r.n)).toEqual([9, 10, 100]);
    expect(sortRows(rows, 'n', 'descending').map((r) => r.n)).toEqual([100, 10, 9]);
    expect(sortRows(rows, 'title', 'ascending').map((r) => r.title)).toEqual(['a', 'b', 'c']);
  });
  it('finds the node a row is about', () => {
    expect(rowNodeId(rows[0]!, ['title', 'n', 'p'])).toBe('paper:kilt');
    expect(rowNodeId(rows[1]!, ['title', 'n', 'p'])).toBeNull();
    expect(rowNodeId(rows[2]!, ['title', 'n', 'p'])).toBe('paper:kilt');
  });
  it('writes CSV with quoting and defuses formula cells', () => {
    const csv = toCsv(['a', 'b'], [{ a: 'x, "y"', b: '=HYPERLINK("evil")' }, { a: 'line\nbreak', b: 3 }]);
    expect(csv).toBe('a,b\r\n"x, ""y""","\'=HYPERLINK(""evil"")"\r\n"line\nbreak",3\r\n');
  });
});

describe('result on the map', () => {
  const graph = buildFixtureGraph();
  const result: CypherResult = {
    columns: ['p', 'r', 'b'],
    rows: [],
    graph: {
      nodes: [node('paper:kilt', ['Paper'], {}), node('benchmark:kilt', ['Benchmark'], {}), node('paper:new', ['Paper'], { title: 'New' })],
      relationships: [
        { elementId: 'r1', type: 'INTRODUCES', startElementId: 'e-paper:kilt', endElementId: 'e-benchmark:kilt', properties: {} },
        { elementId: 'r2', type: 'EVALUATED_ON', startElementId: 'e-paper:new', endElementId: 'e-benchmark:kilt', properties: {} },
      ],
    },
    summary: { timeMs: 1, truncated: false },
  };
  it('maps result nodes and relationships to the map, and lists what the map lacks with its neighbours', () => {
    const located = locateResult(graph, result);
    expect([...located.nodes].sort()).toEqual(['benchmark:kilt', 'paper:kilt']);
    expect([...located.edges]).toEqual([graph.edge('paper:kilt', 'benchmark:kilt')]);
    expect(located.missing.map((m) => [m.node.id, m.neighbours])).toEqual([['paper:new', ['benchmark:kilt']]]);
  });
  it('places a missing node near its neighbours', () => {
    const p = placeNear(graph, ['benchmark:kilt'], 0);
    const b = graph.getNodeAttributes('benchmark:kilt');
    expect(Math.hypot(p.x - b.x, p.y - b.y)).toBeGreaterThan(0);
    expect(Math.hypot(p.x - b.x, p.y - b.y)).toBeLessThan(10);
  });
  it('is an overlay: the data graph is not touched, and clearing leaves nothing behind', () => {
    const g = buildFixtureGraph();
    const before = JSON.stringify(g.export());
    const h = highlightResult(g, result)!;
    expect(h.absent.map((a) => [a.id, a.label, a.name])).toEqual([['paper:new', 'Paper', 'New']]);
    expect([...h.nodes].sort()).toEqual(['benchmark:kilt', 'paper:kilt']);
    expect(g.hasNode('paper:new')).toBe(false);
    expect(highlightResult(g, null)).toBeNull();
    expect(JSON.stringify(g.export())).toBe(before);
  });
});

describe('one query at a time', () => {
  const ok = (rows: number) => ({ ok: true as const, result: { columns: [], rows: Array.from({ length: rows }, () => ({})), graph: { nodes: [], relationships: [] }, summary: { timeMs: 1, truncated: false } } });
  it('drops the answer of an earlier run when a second one started (no race)', () => {
    let s = reduceRun(idleRun(), { type: 'start', run: 1 });
    s = reduceRun(s, { type: 'start', run: 2 });
    s = reduceRun(s, { type: 'answer', run: 2, answer: ok(2) });
    s = reduceRun(s, { type: 'answer', run: 1, answer: ok(1) });
    expect(resultOf(s)?.rows).toHaveLength(2);
  });
  it('a cancelled run says so and its late answer is dropped', () => {
    let s = reduceRun(idleRun(), { type: 'start', run: 1 });
    s = reduceRun(s, { type: 'cancel' });
    expect(errorOf(s)).toMatchObject({ kind: 'cancelled' });
    s = reduceRun(s, { type: 'answer', run: 1, answer: ok(3) });
    expect(resultOf(s)).toBeNull();
  });
  it('clear empties a finished result but never a running query', () => {
    const done = reduceRun(reduceRun(idleRun(), { type: 'start', run: 1 }), { type: 'answer', run: 1, answer: ok(1) });
    expect(reduceRun(done, { type: 'clear' }).status).toBe('idle');
    const running = reduceRun(done, { type: 'start', run: 2 });
    expect(reduceRun(running, { type: 'clear' }).status).toBe('running');
  });
});

describe('history and parameters', () => {
  it('keeps the newest first, without duplicates, bounded', () => {
    let h = addToHistory([], { query: 'A', params: '' });
    h = addToHistory(h, { query: 'B', params: '' });
    h = addToHistory(h, { query: 'A', params: '' });
    expect(h.map((x) => x.query)).toEqual(['A', 'B']);
    for (let i = 0; i < 80; i++) h = addToHistory(h, { query: `Q${i}`, params: '' });
    expect(h).toHaveLength(HISTORY_LIMIT);
  });
  it('ignores a corrupt stored history', () => {
    expect(loadHistory({ getItem: () => '{not json' })).toEqual([]);
    expect(loadHistory({ getItem: () => '[{"query":"A","params":""},{"query":3}]' })).toEqual([{ query: 'A', params: '' }]);
  });
  it('reads parameters as a JSON object and says what is wrong otherwise', () => {
    expect(parseParams('')).toEqual({ ok: true, params: {} });
    expect(parseParams('{"title": "a \\"b\\" }"}')).toEqual({ ok: true, params: { title: 'a "b" }' } });
    expect(parseParams('[1]')).toMatchObject({ ok: false, error: expect.stringMatching(/JSON object/) });
    expect(parseParams('{x')).toMatchObject({ ok: false, error: expect.stringMatching(/not valid JSON/) });
  });
});

describe('Cypher completion', () => {
  const complete = (doc: string) => cypherCompletions(new CompletionContext(EditorState.create({ doc }), doc.length, true));
  it('offers the schema labels and relationship types after a colon', () => {
    const r = complete('MATCH (p:Pa')!;
    expect(r.from).toBe('MATCH (p:'.length);
    const labels = r.options.map((o) => o.label);
    expect(labels).toEqual(expect.arrayContaining(['Paper', 'Benchmark', 'Dataset', 'EVALUATED_ON', 'PART_OF']));
  });
  it('offers keywords elsewhere', () => {
    expect(complete('MATCH (p) RET')!.options.map((o) => o.label)).toContain('RETURN');
  });
});
