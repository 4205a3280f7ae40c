/**
 * Today's hand-written CSV, BibTeX and JSON readers against adapters on csv-parse,
 * @retorquere/bibtex-parser and stream-json, over real samples, fixtures, hand-made bad inputs, the
 * fuzz cases of test/unit/fuzz-readers.test.ts, the hostile inputs and a large generated file:
 *   npm run compare-readers [-- --fuzz N --mb M --timeout S]
 * Prints the tables and writes them to test/reports/readers-vs-libraries.md.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { seededRandom } from '../src/analyze/rng.ts';
import { openInput } from '../src/readers/input.ts';
import type { ReaderInput } from '../src/readers/reader.ts';
import { FIXTURE_DIR, SHARED_DIR, fuzzInput, fuzzSeeds, mutate } from '../test/support/fuzz-cases.ts';
import { HOSTILE_INPUTS, type HostileInput } from '../test/support/hostile-inputs.ts';
import { Agreement, Diagnostics, collectRead } from './compare-readers/agreement.ts';
import { BAD_INPUTS } from './compare-readers/bad-inputs.ts';
import { writeBigInput } from './compare-readers/big-inputs.ts';
import { runChild } from './compare-readers/child.ts';
import { JSON_READERS, LIBRARY, reading, type FormatName, type SideName } from './compare-readers/sides.ts';
import { Report } from './compare-readers/report.ts';

const { values } = parseArgs({ options: { fuzz: { type: 'string', default: '3000' }, mb: { type: 'string', default: '64' }, timeout: { type: 'string', default: '120' } } });
const FUZZ = Number(values.fuzz);
const MB = Number(values.mb);
const TIMEOUT_MS = Number(values.timeout) * 1000;
const SIDES: SideName[] = ['today', 'library'];
const FORMATS: FormatName[] = ['CSV', 'BibTeX', 'JSON'];

const real = (...p: string[]): string => join(SHARED_DIR, ...p);
const fixture = (n: string): string => join(FIXTURE_DIR, n);
const SAMPLES: Record<FormatName, string[]> = {
  CSV: [fixture('papers.csv'), fixture('semicolon.csv'), fixture('no-title-column.csv')],
  BibTeX: [fixture('zotero.bib')],
  JSON: [
    ...['arxiv-kaggle-snapshot-head200.jsonl', 's2orc-sample.jsonl'].map((n) => real('data', 'real-formats', n)),
    real('corpus', 'ml-abstracts.jsonl'),
    ...['openalex-works.json', 'openalex-works.jsonl', 's2-paper.jsonl', 's2-search.json'].map(fixture),
  ],
};
const SEED_READERS: Record<FormatName, string[]> = { CSV: ['csv'], BibTeX: ['bibtex'], JSON: JSON_READERS };

/** A JSON record nested a million brackets deep between two good ones. */
const deepJson: HostileInput = {
  name: 'JSON array with a record nested 1M deep',
  file: 'deep.json',
  write: async (p) => writeFileSync(p, `[\n{"title": "Good Before Deep", "abstract": "x"},\n{"title": "Deep", "x": ${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}},\n{"title": "Good After Deep", "abstract": "x"}\n]\n`),
  good: ['Good Before Deep', 'Good After Deep'],
  line: 3,
};
const HOSTILE: Record<FormatName, HostileInput[]> = {
  CSV: HOSTILE_INPUTS.filter((h) => h.file.endsWith('.csv')),
  BibTeX: HOSTILE_INPUTS.filter((h) => h.file.endsWith('.bib')),
  JSON: [...HOSTILE_INPUTS.filter((h) => h.file.includes('.json')), deepJson],
};
const BIG: Record<FormatName, Array<'csv' | 'bib' | 'jsonl' | 'json'>> = { CSV: ['csv'], BibTeX: ['bib'], JSON: ['jsonl', 'json'] };

const tmp = mkdtempSync(join(tmpdir(), 'pg-compare-'));
const report = new Report(FUZZ, MB, TIMEOUT_MS / 1000);

async function opened(file: string): Promise<ReaderInput> {
  const o = await openInput(file, { onWarning: () => {} });
  if (!o.ok) throw new Error(`${file}: ${o.diagnostic.message}`);
  return o.input;
}

try {
  for (const format of FORMATS) {
    console.error(`${format}: samples and bad inputs`);
    const samples = new Agreement();
    for (const file of SAMPLES[format]) {
      const [a, b] = await Promise.all(SIDES.map(async (s) => collectRead(reading(format, s, await opened(file)))));
      samples.add(file.replace(`${SHARED_DIR}/`, '../shared/').replace(`${FIXTURE_DIR}/`, 'fixtures/'), a!, b!);
    }
    const bad = [];
    for (const b of BAD_INPUTS.filter((x) => x.format === format)) {
      const file = join(tmp, `bad-${bad.length}.${format === 'CSV' ? 'csv' : format === 'BibTeX' ? 'bib' : 'json'}`);
      writeFileSync(file, b.text);
      const reads = await Promise.all(SIDES.map(async (s) => collectRead(reading(format, s, await opened(file)))));
      bad.push({ input: b, reads: reads.map((r) => ({ ...r, lineOk: r.errorLines.includes(b.line) })) });
    }
    console.error(`${format}: ${FUZZ} fuzz cases`);
    const fuzz = { agreement: new Agreement(), today: new Diagnostics(), library: new Diagnostics(), sameCases: 0, slowest: [0, 0] };
    const seeds = fuzzSeeds();
    const pool = SEED_READERS[format].flatMap((r) => seeds[r]!.map((seed) => ({ reader: r, seed })));
    for (let c = 0; c < FUZZ; c++) {
      const { reader, seed } = pool[c % pool.length]!;
      const bytes = mutate(seed, seededRandom(c * 7919 + reader.length));
      const reads = [];
      for (const [i, side] of SIDES.entries()) {
        // Same bytes and same chunking for both sides.
        const t0 = performance.now();
        reads.push(await collectRead(reading(format, side, fuzzInput(bytes, seededRandom(c)), reader)));
        fuzz.slowest[i] = Math.max(fuzz.slowest[i]!, performance.now() - t0);
      }
      fuzz.today.add(reads[0]!);
      fuzz.library.add(reads[1]!);
      if (fuzz.agreement.add(`case ${c} (${reader})`, reads[0]!, reads[1]!)) fuzz.sameCases++;
    }
    console.error(`${format}: hostile inputs`);
    const hostile = [];
    for (const h of HOSTILE[format]) {
      const file = join(tmp, h.file);
      await h.write(file);
      const runs = [];
      for (const side of SIDES) runs.push(await runChild(format, side, file, TIMEOUT_MS));
      hostile.push({ input: h, runs });
      rmSync(file);
    }
    console.error(`${format}: throughput on ${MB} MB`);
    const speed = [];
    for (const kind of BIG[format]) {
      const file = join(tmp, `big.${kind}`);
      const bytes = await writeBigInput(kind, file, MB);
      const runs = [];
      for (const side of SIDES) runs.push(await runChild(format, side, file, TIMEOUT_MS));
      speed.push({ kind, bytes, runs });
      rmSync(file);
    }
    report.format(format, LIBRARY[format], { samples, bad, fuzz, hostile, speed });
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
const out = report.write(new URL('../test/reports/readers-vs-libraries.md', import.meta.url));
console.log(out);
