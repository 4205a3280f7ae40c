/**
 * `npx tsx scripts/read-all.ts [--scale N] [paths...]`: reads every real sample
 * (../shared/data/real-formats/ and ../shared/corpus/ml-abstracts.jsonl by default) through the
 * readers in one run, merges across sources, and prints papers per format, diagnostics, papers/s
 * and peak RSS, against a baseline measured in the same process: streaming the same bytes and
 * splitting lines without parsing. `--scale N` also reads a generated file of N copies of the
 * JSON Lines samples (gzipped) to show that memory stays flat as input grows.
 */
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import { formatDiagnostic, type PaperRecord } from '../src/model/paper.ts';
import { expandPaths, readInputs } from '../src/readers/registry.ts';
import { readLines } from '../src/readers/lines.ts';
import { mergePapers } from '../src/merge/merge.ts';

const SHARED = resolve(fileURLToPath(new URL('../..', import.meta.url)), 'shared');
const args = process.argv.slice(2);
const scaleAt = args.indexOf('--scale');
const scale = scaleAt >= 0 ? Number(args.splice(scaleAt, 2)[1]) : 0;
const paths = args.length ? args : [join(SHARED, 'data', 'real-formats'), join(SHARED, 'corpus', 'ml-abstracts.jsonl')];

let peakRss = 0;
const sample = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(1)} MB`;

async function baseline(files: string[]): Promise<{ lines: number; ms: number }> {
  const t0 = performance.now();
  let lines = 0;
  for (const f of files) for await (const _ of readLines(createReadStream(f))) lines++;
  return { lines, ms: performance.now() - t0 };
}

async function read(inputs: string[]): Promise<{ papers: PaperRecord[]; diagnostics: string[]; ms: number; bytes: number }> {
  const papers: PaperRecord[] = [];
  const diagnostics: string[] = [];
  let bytes = 0;
  const t0 = performance.now();
  for await (const item of readInputs(inputs, { onProgress: (read, total) => ((bytes = total), sample()) })) {
    if (item.kind === 'paper') papers.push(item.paper);
    else diagnostics.push(formatDiagnostic(item.diagnostic));
  }
  return { papers, diagnostics, ms: performance.now() - t0, bytes };
}

const files = (await expandPaths(paths)).flatMap((e) => ('file' in e ? [e.file] : []));
const base = await baseline(files);
const run = await read(paths);
sample();
const tMerge = performance.now();
const merged = mergePapers(run.papers);
const mergeMs = performance.now() - tMerge;

const byFormat = new Map<string, number>();
for (const p of run.papers) byFormat.set(`${p.source.format}  ${p.source.file.replace(`${SHARED}/`, '')}`, (byFormat.get(`${p.source.format}  ${p.source.file.replace(`${SHARED}/`, '')}`) ?? 0) + 1);
console.log('## read-all: every real sample through the readers\n');
for (const [k, n] of [...byFormat].sort()) console.log(`  ${String(n).padStart(6)}  ${k}`);
console.log(`\n  papers read        ${run.papers.length} from ${files.length} files (${mb(run.bytes)})`);
console.log(`  diagnostics        ${run.diagnostics.length}${run.diagnostics.length ? `\n    ${run.diagnostics.slice(0, 10).join('\n    ')}` : ''}`);
console.log(`  merged papers      ${merged.length} (${run.papers.length - merged.length} duplicates across sources, merge ${mergeMs.toFixed(0)} ms)`);
console.log(`  read time          ${run.ms.toFixed(0)} ms = ${Math.round(run.papers.length / (run.ms / 1000))} papers/s, ${mb(run.bytes / (run.ms / 1000))}/s`);
console.log(`  baseline           ${base.ms.toFixed(0)} ms to stream and split the same ${base.lines} lines (no parsing); readers cost ${(run.ms / base.ms).toFixed(1)}x that`);
console.log(`  peak RSS           ${mb(peakRss)}`);

if (scale > 0) {
  const dir = mkdtempSync(join(tmpdir(), 'pg-read-all-'));
  const big = join(dir, `ml-abstracts-x${scale}.jsonl.gz`);
  const body = Buffer.concat([readFileSync(join(SHARED, 'corpus', 'ml-abstracts.jsonl')), readFileSync(join(SHARED, 'data', 'real-formats', 'arxiv-kaggle-snapshot-head200.jsonl'))]);
  await pipeline(Readable.from((function* () { for (let i = 0; i < scale; i++) yield body; })()), createGzip({ level: 1 }), createWriteStream(big));
  peakRss = 0;
  const rssBefore = process.memoryUsage().rss;
  let n = 0;
  const t0 = performance.now();
  for await (const item of readInputs([big], { onProgress: sample })) if (item.kind === 'paper') n++;
  const ms = performance.now() - t0;
  console.log(`\n## scaled: ${scale} copies, ${mb(body.length * scale)} of JSON Lines as one .gz (${mb(statSync(big).size)} on disk)\n`);
  console.log(`  papers read        ${n} in ${(ms / 1000).toFixed(1)} s = ${Math.round(n / (ms / 1000))} papers/s, ${mb((body.length * scale) / (ms / 1000))}/s uncompressed`);
  console.log(`  peak RSS           ${mb(peakRss)} (was ${mb(rssBefore)} before this read: papers are counted, not kept, so this is the readers' own footprint)`);
  rmSync(dir, { recursive: true, force: true });
}
