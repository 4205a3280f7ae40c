/** The streaming snapshot reader: exact round trips, any chunk boundary, clear errors, and files longer than V8's longest string. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { TopLevelScanner } from '../../src/store/json-scan.ts';
import { writeSnapshot } from '../../src/store/snapshot.ts';
import { readSnapshot } from '../../src/store/snapshot-read.ts';
import { openSnapshotFile, type SnapshotEdge, type SnapshotNode } from '../../src/store/snapshot-stream.ts';
import { SCHEMA_VERSION } from '../../src/model/schema.ts';
import type { PaperGraph } from '../../src/assemble/graph.ts';
import { writeBigSnapshot } from '../support/big-snapshot.ts';
import { startServer } from '../../src/server/server.ts';
import { snapshotRoutes } from '../../src/server/snapshot-routes.ts';

const BIN = fileURLToPath(new URL('../../bin/papergraph.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'papergraph-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sample(): PaperGraph {
  const g = new Graph({ type: 'directed', multi: false, allowSelfLoops: false }) as PaperGraph;
  g.replaceAttributes({ schemaVersion: SCHEMA_VERSION, generator: 'test', clusters: [{ id: 0, label: 'a "b" \\ c', size: 2, top: ['x'], color: '#000' }] });
  g.addNode('paper:1', { kind: 'Paper', name: 'Quotes " and \\ backslashes \\" and ] } brackets', abstract: 'naïve — 日本語 \u2028 \n new line, emoji 🚀', sources: ['s'], cluster: 0, x: -1.5e-7, y: 2, size: 1 });
  g.addNode('dataset:[x]', { kind: 'Dataset', name: '{"not": "json"}', aliases: [], cluster: 0, x: 0, y: 0, size: 1 });
  g.addEdgeWithKey('e,1', 'paper:1', 'dataset:[x]', { type: 'EVALUATED_ON', weight: 0.5, evidence: [{ sentence: 'a "b"', start: 0, end: 1, surface: 'a', field: 'abstract' }] });
  return g;
}

function scanAll(text: string, cut: (n: number) => number[]): { values: Record<string, unknown>; elements: Record<string, unknown[]> } {
  const values: Record<string, unknown> = {};
  const elements: Record<string, unknown[]> = {};
  const s = new TopLevelScanner(new Set(['nodes', 'edges']), {
    value: (k, v) => (values[k] = v),
    element: (k, v) => (elements[k] ??= []).push(v),
  });
  const bytes = Buffer.from(text);
  let at = 0;
  for (const n of [...cut(bytes.length), bytes.length]) {
    s.feed(bytes.subarray(at, n));
    at = n;
  }
  s.end();
  return { values, elements };
}

describe('the snapshot writer', () => {
  it("writes exactly JSON.stringify(graph.export()), across blocks and with entries larger than a block", async () => {
    const g = sample();
    // Multi-byte characters (and a lone surrogate) on both sides of many block boundaries, and one
    // attribute of several megabytes, more than a block holds.
    for (let i = 0; i < 3000; i++) g.addNode(`paper:n${i}`, { kind: 'Paper', name: `naïve 日本語 🚀 \ud800 ${'x'.repeat(i % 997)}`, abstract: '', sources: [], cluster: 0, x: i, y: -i, size: 1 });
    g.addNode('paper:big', { kind: 'Paper', name: 'é'.repeat(3_000_000), abstract: '', sources: [], cluster: 0, x: 0, y: 0, size: 1 });
    const out = join(dir, 'writer');
    const file = await writeSnapshot(out, g);
    expect(readFileSync(file).equals(Buffer.from(`${JSON.stringify(g.export())}\n`))).toBe(true);
  });
});

describe('the streaming snapshot reader', () => {
  it('reads back exactly what the writer wrote', async () => {
    const g = sample();
    const file = await writeSnapshot(join(dir, 'small'), g);
    expect((await readSnapshot(file)).export()).toEqual(g.export());
  });

  it('gives the same result wherever the chunks are cut, one byte at a time included', () => {
    const text = JSON.stringify(sample().export(), null, 2) + '\n';
    const whole = JSON.parse(text);
    const expected = { values: { options: whole.options, attributes: whole.attributes }, elements: { nodes: whole.nodes, edges: whole.edges } };
    expect(scanAll(text, () => [])).toEqual(expected);
    expect(scanAll(text, (n) => Array.from({ length: n - 1 }, (_, i) => i + 1))).toEqual(expected);
    for (let seed = 1; seed < 20; seed++) expect(scanAll(text, (n) => [...new Set(Array.from({ length: 7 }, (_, i) => ((seed * 7919 * (i + 1)) % n)))].sort((a, b) => a - b))).toEqual(expected);
    // Scalars and empty arrays at the top level, with numbers ending a member.
    expect(scanAll('{"a":1,"nodes":[],"b":true,"edges":[2,3.5e1],"c":null}', () => [3, 8])).toEqual({ values: { a: 1, b: true, c: null }, elements: { edges: [2, 35] } });
  });

  it('names the file, line and byte of a broken snapshot, and what it expected', async () => {
    const file = join(dir, 'broken.json');
    const good = JSON.stringify(sample().export());
    writeFileSync(file, good.slice(0, good.length - 20));
    await expect(readSnapshot(file)).rejects.toThrow(new RegExp(`^${file}: line 1, byte \\d+: the file ends before the JSON object is closed`));
    const node = (key: string) => `{"key": "${key}", "attributes": {"kind": "Paper", "name": "${key}", "x": 0, "y": 0}}`;
    const broken = `{"options": {},\n "attributes": {"schemaVersion": 1},\n "nodes": [${node('a')} ${node('b')}]}`;
    writeFileSync(file, broken);
    await expect(readSnapshot(file)).rejects.toThrow(`${file}: line 3, byte ${broken.indexOf(' {"key": "b"') + 1}: expected "," or "]" after nodes[0], found "{"`);
    writeFileSync(file, '{"attributes": {"schemaVersion": 1}, "nodes": [{"key": "a"}]}');
    await expect(readSnapshot(file)).rejects.toThrow(`${file}: node "a" has no kind among Paper`);
    writeFileSync(file, '{"attributes": {"schemaVersion": 1}, "nodes": [{"key": tru}]}');
    await expect(readSnapshot(file)).rejects.toThrow(/nodes\[0\] is not valid JSON/);
    writeFileSync(file, '{"attributes": {"schemaVersion": 0}, "nodes": [], "edges": []}');
    await expect(readSnapshot(file)).rejects.toThrow(`${file}: schema version 0; this papergraph reads version ${SCHEMA_VERSION}`);
    writeFileSync(file, '[1, 2]');
    await expect(readSnapshot(file)).rejects.toThrow('expected "{", found "["');
    await expect(openSnapshotFile(join(dir, 'nowhere'))).rejects.toThrow(/no such file; run `papergraph ingest <inputs> --out/);
  });

  it('streams a file longer than the longest string V8 can hold, and stats counts it in a heap a fifth of its size', async () => {
    mkdirSync(join(dir, 'big'));
    const file = join(dir, 'big', 'graph.json');
    const size = 600 << 20; // V8's string limit is 2^29 - 24 characters, about 512 MB
    const wrote = await writeBigSnapshot(file, size);
    expect(wrote.bytes).toBeGreaterThan(2 ** 29);
    // The premise: this file cannot be read as one string at all.
    const { readFile } = await import('node:fs/promises');
    await expect(readFile(file, 'utf8')).rejects.toThrow(/Invalid string length|Cannot create a string longer than|ERR_STRING_TOO_LONG/);
    const source = await openSnapshotFile(file);
    expect(source.size).toBe(wrote.bytes);
    let nodes = 0;
    let papers = 0;
    let edges = 0;
    let lastEdge: SnapshotEdge | undefined;
    let lastNode: SnapshotNode | undefined;
    await source.read({
      header: (h) => expect(h.attributes.clusters).toHaveLength(wrote.clusters),
      nodes(batch) {
        nodes += batch.length;
        for (const n of batch) if (n.attributes!.kind === 'Paper') papers++;
        lastNode = batch.at(-1);
      },
      edges(batch) {
        edges += batch.length;
        lastEdge = batch.at(-1);
      },
    });
    expect(nodes).toBe(wrote.papers + wrote.datasets);
    expect(papers).toBe(wrote.papers);
    expect(edges).toBe(wrote.edges);
    expect(lastNode!.key).toBe(`paper:p${wrote.papers - 1}`);
    expect(lastNode!.attributes).toMatchObject({ name: `Paper ${wrote.papers - 1} "quoted"`, year: 2015 + ((wrote.papers - 1) % 10) });
    expect((lastNode!.attributes as { abstract: string }).abstract).toContain('C:\\data\\set — naïve');
    expect(lastEdge).toMatchObject({ source: `paper:p${wrote.papers - 1}`, target: `dataset:d${(wrote.papers - 1) % wrote.datasets}` });
    // Bounded memory, shown the hard way: `papergraph stats` on this file in a process whose heap
    // cannot grow past 128 MB (a fifth of the file) must finish with the exact counts.
    const stats = spawnSync(process.execPath, ['--max-old-space-size=128', BIN, 'stats', file], { encoding: 'utf8' });
    expect(stats.stderr).toBe('');
    expect(stats.status).toBe(0);
    expect(stats.stdout).toContain(`papers      ${wrote.papers.toLocaleString('en-US')}`);
    expect(stats.stdout).toContain(`entities    ${wrote.datasets} Dataset`);
    expect(stats.stdout).toContain(`links       ${wrote.edges.toLocaleString('en-US')} EVALUATED_ON`);
    expect(stats.stdout).toContain(`clusters    ${wrote.clusters}`);
    // And `papergraph serve` hands the file over as it is, streamed, whatever its size.
    const server = await startServer({ snapshotDir: join(dir, 'big'), port: 0, modules: [snapshotRoutes] });
    try {
      const res = await fetch(`${server.url}graph.json`);
      expect(res.status).toBe(200);
      let served = 0;
      const reader = res.body!.getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) served += r.value.length;
      expect(served).toBe(wrote.bytes);
    } finally {
      await server.close();
    }
    rmSync(file, { force: true });
  }, 900_000); // about a minute on an idle two-core machine; far more when it is shared
});
