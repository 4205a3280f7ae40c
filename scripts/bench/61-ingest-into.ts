/**
 * Incremental ingest against a full re-ingest, in the same run: a generated corpus of BENCH_PAPERS
 * papers (default 10,000) is ingested, then BENCH_ADD more (default 1%) are added with ingestInto
 * (`papergraph ingest <new> --into <dir>`), and the whole corpus is ingested again from scratch.
 * Figures: each time, and for the old papers the adjusted Rand index of their clusters and the
 * median displacement of their positions against the first snapshot (relative to the map's size).
 */
import { cpSync, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from '../generate-corpus.ts';
import { ingest } from '../../src/pipeline.ts';
import { ingestInto } from '../../src/ingest-into.ts';
import type { PaperGraph } from '../../src/assemble/graph.ts';
import { adjustedRand } from '../../test/support/adjusted-rand.ts';

async function write(file: string, from: number, to: number): Promise<void> {
  const out = createWriteStream(file);
  let i = 0;
  for (const p of generateCorpus(to, 1)) if (i++ >= from && !out.write(`${JSON.stringify(p)}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

function stability(before: PaperGraph, after: PaperGraph): string {
  const old = before.filterNodes((_, a) => a.kind === 'Paper');
  const ari = adjustedRand(old.map((id) => before.getNodeAttribute(id, 'cluster')), old.map((id) => after.getNodeAttribute(id, 'cluster')));
  const xs = old.map((id) => before.getNodeAttribute(id, 'x'));
  const ys = old.map((id) => before.getNodeAttribute(id, 'y'));
  const size = Math.hypot(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  const moved = old.map((id) => Math.hypot(after.getNodeAttribute(id, 'x') - before.getNodeAttribute(id, 'x'), after.getNodeAttribute(id, 'y') - before.getNodeAttribute(id, 'y'))).sort((a, b) => a - b);
  const median = moved[Math.floor(moved.length / 2)]!;
  return `ARI of old papers' clusters ${ari.toFixed(3)}, median displacement ${median.toFixed(2)} (${((100 * median) / size).toFixed(2)}% of the map's ${size.toFixed(0)})`;
}

export async function run(): Promise<void> {
  const n = Number(process.env.BENCH_PAPERS ?? 10_000);
  const add = Number(process.env.BENCH_ADD ?? Math.max(1, Math.round(n / 100)));
  const dir = mkdtempSync(join(tmpdir(), 'pg-into-bench-'));
  try {
    const base = join(dir, 'base.jsonl');
    const more = join(dir, 'more.jsonl');
    await write(base, 0, n);
    await write(more, n, n + add);
    let t = performance.now();
    const first = (await ingest([base], join(dir, 'first'))).graph;
    console.log(`full ingest of ${n.toLocaleString('en-US')} papers: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    cpSync(join(dir, 'first'), join(dir, 'grown'), { recursive: true });
    t = performance.now();
    const grown = await ingestInto([more], join(dir, 'grown'));
    const intoMs = performance.now() - t;
    t = performance.now();
    const again = (await ingest([base, more], join(dir, 'again'))).graph;
    const fullMs = performance.now() - t;
    console.log(`add ${add.toLocaleString('en-US')} papers with --into:   ${(intoMs / 1000).toFixed(1).padStart(7)} s  (${grown.added} extracted)  ${stability(first, grown.graph)}`);
    console.log(`full re-ingest of ${(n + add).toLocaleString('en-US')} papers: ${(fullMs / 1000).toFixed(1).padStart(7)} s  ${stability(first, again)}`);
    console.log(`full re-ingest / --into time: ${(fullMs / intoMs).toFixed(1)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
