/**
 * Ingest throughput on a generated corpus shaped like the real abstracts (scripts/generate-corpus.ts),
 * against two baselines measured in the same run on the same text:
 *   - tokenize + tag: wink-nlp reading and POS-tagging title and abstract, nothing else;
 *   - extraction: the per-paper extractor alone (what the issue's 1,500 abstracts/s goal is about).
 * BENCH_PAPERS sets the corpus size (default 100,000); BENCH_ROUNDS the rounds of the two baselines.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { generateCorpus, type SyntheticPaper } from '../generate-corpus.ts';
import { buildKnowledgeGraph, readRecords } from '../../src/pipeline.ts';
import { extractDocument } from '../../src/extract/document.ts';
import { extractionContext } from '../../src/extract/context.ts';
import { writeSnapshot } from '../../src/store/snapshot.ts';
import { WINK_PIPE } from '../../src/extract/text.ts';

const mb = (bytes: number) => `${(bytes / (1 << 20)).toFixed(0)} MB`;
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<void> {
  const n = Number(process.env.BENCH_PAPERS ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'pg-bench-'));
  const file = join(dir, 'corpus.jsonl');
  const papers: SyntheticPaper[] = [];
  const out = createWriteStream(file);
  for (const p of generateCorpus(n, 1)) {
    papers.push(p);
    if (!out.write(`${JSON.stringify(p)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  console.log(`corpus: ${n.toLocaleString('en-US')} generated abstracts, ${Math.round(papers.reduce((s, p) => s + p.abstract.length, 0) / n)} characters on average`);

  // Baseline 1: only tokenize and tag, with the same wink pipe (sentences, POS) the extractor uses.
  const nlp = winkNLP(model, WINK_PIPE as Parameters<typeof winkNLP>[1]);
  const its = nlp.its;
  const ctx = extractionContext();
  const tag = (p: SyntheticPaper) => {
    nlp.readDoc(p.title).tokens().out(its.pos);
    const d = nlp.readDoc(p.abstract);
    d.tokens().out(its.pos);
    d.sentences().out(its.span);
  };
  // Both measured loops start warm: the JIT has seen the code on the first 2,000 papers.
  for (const p of papers.slice(0, 2000)) {
    tag(p);
    extractDocument(p.title, p.abstract, ctx);
  }
  // The two loops alternate for BENCH_ROUNDS rounds (default 3) and each reports its median: on a
  // shared machine one round of either can be slowed by a neighbour, and the ratio with it.
  const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
  const tagRuns: number[] = [];
  const extractRuns: number[] = [];
  let t: number;
  for (let r = 0; r < rounds; r++) {
    t = performance.now();
    for (const p of papers) tag(p);
    tagRuns.push(performance.now() - t);
    t = performance.now();
    for (const p of papers) extractDocument(p.title, p.abstract, ctx);
    extractRuns.push(performance.now() - t);
    console.log(`round ${r + 1}: tokenize + tag ${(tagRuns[r]! / 1000).toFixed(2)} s, extraction ${(extractRuns[r]! / 1000).toFixed(2)} s, ratio ${(tagRuns[r]! / extractRuns[r]!).toFixed(2)}`);
  }
  const tagMs = median(tagRuns);
  const extractMs = median(extractRuns);
  papers.length = 0;

  // The whole ingest from the file: read, extract, resolve, build, analyze, write.
  t = performance.now();
  const { records } = await readRecords([file]);
  const readMs = performance.now() - t;
  // Where the time goes, from the pipeline's own phase reports.
  const phaseStart = new Map<string, number>([['read', t]]);
  const graph = buildKnowledgeGraph(records, {
    onProgress: (phase) => {
      if (!phaseStart.has(phase)) phaseStart.set(phase, performance.now());
    },
  });
  phaseStart.set('write', performance.now());
  await writeSnapshot(dir, graph);
  const ingestMs = performance.now() - t;
  phaseStart.set('end', performance.now());
  const marks = [...phaseStart.entries()];
  console.log(`full ingest by phase: ${marks.slice(0, -1).map(([name, at], k) => `${name} ${((marks[k + 1]![1] - at) / 1000).toFixed(1)} s`).join(', ')}`);
  const peak = process.resourceUsage().maxRSS * 1024;

  const rows: [string, number, number][] = [
    ['tokenize + tag only (wink-nlp), median', tagMs, rate(n, tagMs)],
    ['extraction per paper, median', extractMs, rate(n, extractMs)],
    ['read only (JSON Lines reader)', readMs, rate(n, readMs)],
    ['full ingest (read ... write)', ingestMs, rate(n, ingestMs)],
  ];
  for (const [label, ms, r] of rows) console.log(`${label.padEnd(42)} ${(ms / 1000).toFixed(1).padStart(7)} s  ${r.toLocaleString('en-US').padStart(7)} papers/s`);
  console.log(`extraction / tokenize+tag speed: ${(tagMs / extractMs).toFixed(2)}  (goal >= 0.5; medians of ${rounds} rounds)`);
  console.log(`full ingest / tokenize+tag speed: ${(tagMs / ingestMs).toFixed(2)}`);
  console.log(`graph: ${graph.order.toLocaleString('en-US')} nodes, ${graph.size.toLocaleString('en-US')} edges, ${graph.getAttribute('clusters').length} clusters`);
  console.log(`peak memory (max RSS of the process): ${mb(peak)}`);
  rmSync(dir, { recursive: true, force: true });
}
