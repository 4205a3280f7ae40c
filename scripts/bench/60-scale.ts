/**
 * Field-scale ingest: `papergraph ingest` run as a user runs it, in a child process, on a generated
 * corpus of BENCH_PAPERS papers (default 100,000; scripts/generate-corpus.ts), against a baseline
 * measured in the same run on the same file: reading it with the JSON Lines reader and tokenizing
 * each title and abstract with wink-nlp, and nothing else.
 *
 * Figures: time by phase (from the CLI's own progress lines, timed as they arrive), papers per
 * second, and the child's peak RSS (GNU time's maximum resident set size).
 * BENCH_WORKERS, when set, is passed to the child as PAPERGRAPH_WORKERS; BENCH_NO_MAP=1 runs it with
 * --no-map (the map stage, `papergraph map`, then has to be measured on its own); BENCH_OUT=<dir> writes the
 * snapshot there and keeps it.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { generateCorpus } from '../generate-corpus.ts';
import { readInputs } from '../../src/readers/registry.ts';

const BIN = fileURLToPath(new URL('../../bin/papergraph.js', import.meta.url));
const mb = (bytes: number) => `${(bytes / (1 << 20)).toFixed(0)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en-US');

async function writeCorpus(file: string, n: number): Promise<void> {
  const out = createWriteStream(file);
  for (const p of generateCorpus(n, 1)) if (!out.write(`${JSON.stringify(p)}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** The baseline: the reader and the tokenizer over every paper, holding nothing. */
async function readAndTokenize(file: string): Promise<{ ms: number; papers: number }> {
  const nlp = winkNLP(model, ['sbd', 'pos']);
  const its = nlp.its;
  const t = performance.now();
  let papers = 0;
  for await (const item of readInputs([file])) {
    if (item.kind !== 'paper') continue;
    nlp.readDoc(item.paper.title).tokens().out(its.value);
    nlp.readDoc(item.paper.abstract ?? '').tokens().out(its.value);
    papers++;
  }
  return { ms: performance.now() - t, papers };
}

interface ChildRun {
  code: number | null;
  ms: number;
  peakBytes: number;
  /** Each phase label of the progress output, with the time its first line arrived and the largest RSS sampled while it ran. */
  phases: [string, number, number][];
  stdout: string;
  stderrTail: string;
}

/** Resident bytes of every process below `pid` (papergraph starts Node again for ingest; 0 once they are gone). */
function rssOfChildOf(pid: number): number {
  let total = 0;
  try {
    for (const child of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(' ').filter(Boolean)) {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child}/status`, 'utf8'))?.[1] ?? 0) * 1024;
      total += rssOfChildOf(Number(child));
    }
  } catch {
    // The process ended between the two reads.
  }
  return total;
}

async function ingestInChild(file: string, out: string): Promise<ChildRun> {
  const timeFile = join(out, '..', 'time.txt');
  const env = { ...process.env, ...(process.env.BENCH_WORKERS ? { PAPERGRAPH_WORKERS: process.env.BENCH_WORKERS } : {}) };
  const t0 = performance.now();
  const args = [BIN, 'ingest', file, '--out', out, ...(process.env.BENCH_NO_MAP ? ['--no-map'] : [])];
  const child = spawn('/usr/bin/time', ['-f', '%M', '-o', timeFile, process.execPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  const phases: [string, number, number][] = [];
  // GNU time gives the peak of the whole run; sampling the RSS of the processes below it gives each phase's.
  const sampler = setInterval(() => {
    const rss = rssOfChildOf(child.pid!);
    const current = phases.at(-1);
    if (current && rss > current[2]) current[2] = rss;
  }, 250);
  const tail: string[] = [];
  let stdout = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  const lines = createInterface({ input: child.stderr });
  lines.on('line', (line) => {
    const label = /^([a-z]+): \d+%/.exec(line)?.[1];
    if (label && phases.at(-1)?.[0] !== label) phases.push([label, performance.now() - t0, rssOfChildOf(child.pid!)]);
    if (!label) tail.push(line);
  });
  const [code] = (await once(child, 'close')) as [number | null];
  clearInterval(sampler);
  const ms = performance.now() - t0;
  const kb = Number(/(\d+)\s*$/.exec(readFileSync(timeFile, 'utf8'))?.[1] ?? 0);
  return { code, ms, peakBytes: kb * 1024, phases, stdout, stderrTail: tail.slice(-5).join('\n') };
}

export async function run(): Promise<void> {
  const n = Number(process.env.BENCH_PAPERS ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'pg-scale-'));
  try {
    const file = join(dir, 'corpus.jsonl');
    const t = performance.now();
    await writeCorpus(file, n);
    console.log(`corpus: ${n.toLocaleString('en-US')} generated papers, ${mb(statSync(file).size)} (written in ${secs(performance.now() - t)})`);

    const base = await readAndTokenize(file);
    console.log(`read + tokenize only (one thread)   ${secs(base.ms).padStart(9)}  ${rate(base.papers, base.ms).padStart(7)} papers/s`);

    // BENCH_OUT keeps the snapshot (for the Neo4j bench's BENCH_SNAPSHOT); by default it goes with the rest.
    const out = process.env.BENCH_OUT ?? join(dir, 'out');
    const ingest = await ingestInChild(file, out);
    if (ingest.code !== 0) {
      console.log(`ingest exited with ${ingest.code} after ${secs(ingest.ms)}, peak RSS ${mb(ingest.peakBytes)}:\n${ingest.stderrTail}`);
      return;
    }
    const marks: [string, number, number][] = [['start', 0, 0], ...ingest.phases, ['summary', ingest.ms, 0]];
    // The snapshot is written when the map stage starts (or when the process ends, with BENCH_NO_MAP).
    const snapshotAt = ingest.phases.find(([name]) => name === 'mapping')?.[1] ?? ingest.ms;
    console.log(`papergraph ingest, read to snapshot ${secs(snapshotAt).padStart(9)}  ${rate(n, snapshotAt).padStart(7)} papers/s`);
    console.log(`papergraph ingest (with the map)    ${secs(ingest.ms).padStart(9)}  ${rate(n, ingest.ms).padStart(7)} papers/s`);
    console.log('  by phase (start = process start to first progress line):');
    for (const [k, [name, at, rss]] of marks.slice(0, -1).entries()) console.log(`    ${name.padEnd(11)} ${secs(marks[k + 1]![1] - at).padStart(9)}${rss ? `   RSS up to ${mb(rss)}` : ''}`);
    console.log(`  peak RSS ${mb(ingest.peakBytes)}; snapshot ${mb(statSync(join(out, 'graph.json')).size)}`);
    console.log(`  end to end / read+tokenize time: ${(ingest.ms / base.ms).toFixed(2)}`);
    const summary = ingest.stdout.split('\n').filter((l) => /papers|nodes|clusters|links/i.test(l)).slice(0, 4);
    console.log(summary.map((l) => `  | ${l.trim()}`).join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
