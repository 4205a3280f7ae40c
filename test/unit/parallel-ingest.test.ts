/**
 * Extraction and the clusters' own layouts in worker threads give the same snapshot, byte for byte,
 * as one thread does (the ingest attribute's durationMs, a clock reading, aside).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { inOrder } from '../../src/parallel/worker-pool.ts';
import { ingest } from '../../src/pipeline.ts';
import { extractInWorkers } from '../../src/parallel/parallel-stages.ts';
import { extractDocument } from '../../src/extract/document.ts';
import { extractionContext } from '../../src/extract/context.ts';

const CORPUS = resolve(fileURLToPath(new URL('../../..', import.meta.url)), 'shared', 'corpus', 'ml-abstracts.jsonl');
const dir = mkdtempSync(join(tmpdir(), 'pg-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const withoutClock = (file: string) => readFileSync(file, 'utf8').replace(/"durationMs":\d+/, '"durationMs":0');

describe('ingest in worker threads', () => {
  it('writes the same snapshot with 1 worker and with 2', async () => {
    // 600 real abstracts: more than two chunks of work, so both threads take part.
    const input = join(dir, 'abstracts.jsonl');
    writeFileSync(input, readFileSync(CORPUS, 'utf8').split('\n').slice(0, 600).join('\n'));
    const one = await ingest([input], join(dir, 'one'), { workers: 1 });
    const two = await ingest([input], join(dir, 'two'), { workers: 2 });
    expect(one.graph.filterNodes((_, a) => a.kind === 'Paper')).toHaveLength(600);
    expect(withoutClock(two.file)).toBe(withoutClock(one.file));
  }, 240_000);

  it('returns every paper in corpus order, as the extractor gives it in this thread', async () => {
    const papers = Array.from({ length: 600 }, (_, i) => ({ title: `Paper ${i} on COCO`, abstract: `We evaluate on ${i % 2 ? 'ImageNet' : 'SQuAD'} and report results (case ${i}).` }));
    const seen: number[] = [];
    const out = await extractInWorkers(papers, 3, (done) => seen.push(done));
    const ctx = extractionContext();
    const here = papers.map((p) => extractDocument(p.title, p.abstract, ctx));
    expect(out.papers).toEqual(here.map(({ phrases: _, ...rest }) => rest));
    expect(papers.map((_, i) => out.phrases.occurrences(i))).toEqual(here.map((d) => d.phrases));
    expect(seen.at(-1)).toBe(600);
  }, 60_000);
});

describe('inOrder', () => {
  it('passes on results in job order, each once, whatever order they arrive in', () => {
    const taken: [string, number][] = [];
    const take = inOrder<string>((r, i) => taken.push([r, i]));
    take('c', 2);
    expect(taken).toEqual([]);
    take('a', 0);
    expect(taken).toEqual([['a', 0]]);
    take('b', 1);
    take('d', 3);
    expect(taken).toEqual([['a', 0], ['b', 1], ['c', 2], ['d', 3]]);
  });
});
