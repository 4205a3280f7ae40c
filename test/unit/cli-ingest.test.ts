/** The ingest and stats commands end to end, in process, with output captured exactly. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Capture } from '../support/capture.ts';
import { describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { main } from '../../src/cli/main.ts';

const SHARED = resolve(fileURLToPath(new URL('../../..', import.meta.url)), 'shared');
const CORPUS = resolve(SHARED, 'corpus', 'trending-papers.txt');


async function cli(...argv: string[]) {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(argv, { stdout, stderr, env: {}, cwd: process.cwd() });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'pg-cli-'));

describe('papergraph ingest', () => {
  it('writes graphology serialization with the schema attributes, and a summary', async () => {
    const out = tmp();
    const r = await cli('ingest', CORPUS, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/papers\s+58/);
    expect(r.stdout).toMatch(/EVALUATED_ON/);
    expect(r.stdout).toMatch(/clusters\s+\d+/);
    const data = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8'));
    const g = Graph.from(data);
    const kilt = g.getNodeAttributes('benchmark:kilt');
    expect(kilt).toMatchObject({ kind: 'Benchmark', name: 'KILT' });
    for (const key of ['aliases', 'cluster', 'x', 'y', 'size']) expect(kilt).toHaveProperty(key);
    const edge = g.edges().map((e) => g.getEdgeAttributes(e)).find((a) => a.type === 'EVALUATED_ON')!;
    expect(edge.evidence[0]).toMatchObject({ sentence: expect.any(String), start: expect.any(Number), end: expect.any(Number) });
    expect(data.attributes.schemaVersion).toBe(1);

    const stats = await cli('stats', out);
    expect(stats.code).toBe(0);
    expect(stats.stdout).toBe(r.stdout);
  });

  it('writes the snapshot without the map with --no-map, and the map command adds it later', async () => {
    const out = tmp();
    const r = await cli('ingest', CORPUS, '--out', out, '--no-map', '--quiet');
    expect(r.code).toBe(0);
    expect(existsSync(join(out, 'graph.json'))).toBe(true);
    expect(existsSync(join(out, 'map'))).toBe(false);
    expect((await cli('map', out)).code).toBe(0);
    expect(existsSync(join(out, 'map'))).toBe(true);
  });

  it('writes nothing when no paper can be read, so a snapshot already in the folder stays', async () => {
    const out = tmp();
    expect((await cli('ingest', CORPUS, '--out', out, '--no-map', '--quiet')).code).toBe(0);
    const before = readFileSync(join(out, 'graph.json'), 'utf8');
    const empty = join(tmp(), 'empty.jsonl');
    writeFileSync(empty, '');
    for (const args of [['--out', out], ['--into', out]]) {
      const r = await cli('ingest', empty, ...args, '--quiet');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^papergraph ingest: no papers could be read from the inputs; nothing was written$/m);
      expect(readFileSync(join(out, 'graph.json'), 'utf8')).toBe(before);
    }
  });

  it('reports each bad input on one line naming the file (and line), ingests the rest, and exits 1', async () => {
    const dir = tmp();
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const binary = join(dir, 'image.dat');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    const unknown = join(dir, 'settings.ini');
    writeFileSync(unknown, '[server]\nport=8080\nhost=example\n');
    const untitled = join(dir, 'untitled.jsonl');
    writeFileSync(untitled, `${JSON.stringify({ title: 'A real title', abstract: 'We evaluate on COCO.' })}\n${JSON.stringify({ abstract: 'An abstract without a title.' })}\n`);
    const latin1 = join(dir, 'latin1.jsonl');
    writeFileSync(latin1, Buffer.concat([Buffer.from('{"title": "Caf'), Buffer.from([0xe9]), Buffer.from('", "abstract": "Results on ImageNet."}\n')]));
    const missing = join(dir, 'does-not-exist.jsonl');
    const out = tmp();
    const r = await cli('ingest', CORPUS, empty, binary, unknown, untitled, latin1, missing, '--out', out, '--quiet');
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    const lineFor = (file: string) => lines.filter((l) => l.includes(file));
    expect(lineFor(empty)).toHaveLength(1);
    expect(lineFor(binary)).toHaveLength(1);
    expect(lineFor(unknown)).toHaveLength(1);
    expect(lineFor(unknown)[0]).toMatch(/not a known format/);
    expect(lineFor(missing)).toHaveLength(1);
    expect(lineFor(`${untitled}:2`)).toHaveLength(1);
    expect(lineFor(latin1).join('\n')).toMatch(/Latin-1|UTF-8/i);
    expect(r.stdout).toMatch(/papers\s+60/);
    const g = Graph.from(JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8')));
    expect(g.findNode((_, a) => a.name === 'Café')).toBeDefined();
  });

  it('exits 2 with one line for bad arguments and when nothing could be read', async () => {
    expect((await cli('ingest', CORPUS)).stderr).toMatch(/--out <dir> is required/);
    const r = await cli('ingest', '/nonexistent/file.txt', '--out', tmp(), '--quiet');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nonexistent\/file\.txt/);
    const s = await cli('stats', tmp());
    expect(s.code).toBe(2);
    expect(s.stderr.trim().split('\n')).toHaveLength(1);
  });
});
