/**
 * Incremental ingest on real abstracts: 500 papers, then 5 more (1%) added with --into. Ids stay,
 * only the new papers are extracted, and the old papers keep their clusters (adjusted Rand index)
 * and positions (median displacement against the map's size).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/pipeline.ts';
import { ingestInto } from '../../src/ingest-into.ts';
import type { PaperGraph } from '../../src/assemble/graph.ts';
import { adjustedRand } from '../support/adjusted-rand.ts';

const CORPUS = resolve(fileURLToPath(new URL('../../..', import.meta.url)), 'shared', 'corpus', 'ml-abstracts.jsonl');
const dir = mkdtempSync(join(tmpdir(), 'pg-into-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const papers = (g: PaperGraph) => g.filterNodes((_, a) => a.kind === 'Paper');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('ingest --into', () => {
  it('adds 1% more papers, extracting only them, with old ids, clusters and positions kept', async () => {
    const lines = readFileSync(CORPUS, 'utf8').trim().split('\n');
    const base = join(dir, 'base.jsonl');
    const more = join(dir, 'more.jsonl');
    writeFileSync(base, lines.slice(0, 500).join('\n'));
    writeFileSync(more, lines.slice(500, 505).join('\n'));
    const out = join(dir, 'snap');
    const before = (await ingest([base], out, { workers: 1 })).graph;
    const old = papers(before);
    expect(old).toHaveLength(500);

    let extracted = 0;
    const after = await ingestInto([base, more], out, { workers: 1, onProgress: (phase, _done, total) => void (phase === 'extract' && (extracted = total)) });
    expect(after.added).toBe(5);
    expect(after.known).toBe(500);
    expect(extracted).toBe(5);
    expect(papers(after.graph)).toHaveLength(505);
    for (const id of old) expect(after.graph.hasNode(id)).toBe(true);

    const ari = adjustedRand(old.map((id) => before.getNodeAttribute(id, 'cluster')), old.map((id) => after.graph.getNodeAttribute(id, 'cluster')));
    expect(ari).toBeGreaterThanOrEqual(0.9);
    const xs = old.map((id) => before.getNodeAttribute(id, 'x'));
    const ys = old.map((id) => before.getNodeAttribute(id, 'y'));
    const size = Math.hypot(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    const moved = old.map((id) => Math.hypot(after.graph.getNodeAttribute(id, 'x') - before.getNodeAttribute(id, 'x'), after.graph.getNodeAttribute(id, 'y') - before.getNodeAttribute(id, 'y')));
    expect(median(moved)).toBeLessThan(0.01 * size);

    // The new papers are on the map: a cluster of the snapshot, a place inside the map's extent,
    // and at least one of them linked by similarity to the old papers.
    const fresh = papers(after.graph).filter((id) => !before.hasNode(id));
    const clusterIds = new Set(after.graph.getAttribute('clusters').map((c) => c.id));
    for (const id of fresh) {
      const a = after.graph.getNodeAttributes(id);
      expect(clusterIds.has(a.cluster)).toBe(true);
      expect(a.x).toBeGreaterThanOrEqual(Math.min(...xs) - 0.1 * size);
      expect(a.x).toBeLessThanOrEqual(Math.max(...xs) + 0.1 * size);
    }
    expect(fresh.some((id) => after.graph.someEdge(id, (_, a, s, t) => a.type === 'SIMILAR_TO' && before.hasNode(s === id ? t : s)))).toBe(true);
    // What is written is what was built.
    expect(JSON.parse(readFileSync(after.file, 'utf8')).nodes).toHaveLength(after.graph.order);
  }, 240_000);
});
