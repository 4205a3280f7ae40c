/**
 * A corpus larger than the heap can hold stops while it is read, with one line saying what to do,
 * never with V8's "JavaScript heap out of memory" crash (the real CLI, under a small heap limit).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/generate-corpus.ts';
import { heapNeeded, papersThatFit, tooLargeMessage } from '../../src/cli/heap-budget.ts';

const BIN = fileURLToPath(new URL('../../bin/papergraph.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pg-too-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an input too large for the heap', () => {
  it('stops early with one line and exit code 2, writing nothing', async () => {
    const heapMb = 1100;
    const fit = papersThatFit(heapMb * 2 ** 20);
    const file = join(dir, 'corpus.jsonl');
    const out = createWriteStream(file);
    for (const p of generateCorpus(fit * 2, 3)) if (!out.write(`${JSON.stringify(p)}\n`)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    const run = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, BIN, 'ingest', file, '--out', join(dir, 'out'), '--quiet'], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^papergraph ingest: the inputs hold about [\d,]+ papers \(stopped reading at [\d,]+, \d+% of the bytes\).*--max-old-space-size=\d+/);
    expect(run.stderr).not.toMatch(/heap out of memory|FATAL/);
    expect(existsSync(join(dir, 'out', 'graph.json'))).toBe(false);
  }, 150_000);

  it('says to split the input when even the whole machine could not hold it', () => {
    const line = tooLargeMessage(1_000_000, 0.5, 4 * 2 ** 30, 16 * 2 ** 30);
    expect(line).toMatch(/about 2,000,000 papers/);
    expect(line).toMatch(/more than this machine can give \(16\.0 GB\): ingest the inputs in parts of at most [\d,]+ papers$/);
    expect(heapNeeded(2_000_000)).toBeGreaterThan(16 * 2 ** 30 * 0.75);
  });
});
