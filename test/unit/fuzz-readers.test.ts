/**
 * Seeded fuzzing of every reader: small real samples and fixtures, mutated at the byte level
 * (flips, deletions, insertions of structural characters and bad bytes, duplications, truncation)
 * and fed in random chunk sizes. Each case must finish without throwing, and everything it yields
 * must be a paper with a title or a diagnostic with a message. FUZZ_CASES overrides the count.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReadItem } from '../../src/model/paper.ts';
import { CleanUtf8, decodeHead } from '../../src/readers/decode.ts';
import type { Reader, ReaderInput } from '../../src/readers/reader.ts';
import { READERS, detectFormat, readerByName } from '../../src/readers/registry.ts';
import { fixture, shared } from './readers-helpers.ts';
import { seededRandom } from '../../src/analyze/rng.ts';
import { HOSTILE_INPUTS, authorSpaces, deepLatex } from '../support/hostile-inputs.ts';

const CASES = Number(process.env.FUZZ_CASES ?? 10_000);

/** The project's seeded PRNG (mulberry32), so a failing case can be replayed from its seed. */
const prng = seededRandom;

const TOKENS = ['{', '}', '[', ']', '"', "'", ',', ':', '\n', '\r\n', '\\', '<', '>', '</', '/>', '@', '#', '=', '$', '&', ';', '\t', '<![CDATA[', '<!--', '@string{', '\\"', '\u00e9', '\ufeff'].map((t) => Buffer.from(t));
const BAD_BYTES = [0x00, 0xff, 0xe9, 0xc3, 0x80, 0xef, 0xbb, 0xbf, 0x1f, 0x8b];

function mutate(seed: Buffer, rnd: () => number): Buffer {
  let b = seed;
  const n = 1 + Math.floor(rnd() * 4);
  for (let k = 0; k < n; k++) {
    const at = Math.floor(rnd() * (b.length + 1));
    const len = 1 + Math.floor(rnd() * 24);
    switch (Math.floor(rnd() * 7)) {
      case 0: // flip a byte
        if (b.length) {
          b = Buffer.from(b);
          b[Math.min(at, b.length - 1)] = Math.floor(rnd() * 256);
        }
        break;
      case 1: // delete a range
        b = Buffer.concat([b.subarray(0, at), b.subarray(at + len)]);
        break;
      case 2: // insert a structural token
        b = Buffer.concat([b.subarray(0, at), TOKENS[Math.floor(rnd() * TOKENS.length)]!, b.subarray(at)]);
        break;
      case 3: // insert bad bytes
        b = Buffer.concat([b.subarray(0, at), Buffer.from(Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => BAD_BYTES[Math.floor(rnd() * BAD_BYTES.length)]!)), b.subarray(at)]);
        break;
      case 4: // duplicate a range
        b = Buffer.concat([b.subarray(0, at + len), b.subarray(at, at + len), b.subarray(at + len)]);
        break;
      case 5: // truncate
        b = b.subarray(0, at);
        break;
      default: // swap two ranges
        {
          const other = Math.floor(rnd() * (b.length + 1));
          const [x, y] = at < other ? [at, other] : [other, at];
          b = Buffer.concat([b.subarray(0, x), b.subarray(y, y + len), b.subarray(x + len, y), b.subarray(x, x + len), b.subarray(y + len)]);
        }
        break;
    }
  }
  return b;
}

/** The registry's decoding, run synchronously: what the readers really receive. */
function clean(buf: Buffer): Buffer {
  const t = new CleanUtf8(() => {});
  const out: Buffer[] = [];
  t.push = (chunk: unknown): boolean => {
    if (chunk) out.push(chunk as Buffer);
    return true;
  };
  t._transform(buf, 'binary', () => {});
  t._flush(() => {});
  return Buffer.concat(out);
}

function inputOf(bytes: Buffer, rnd: () => number): ReaderInput {
  const data = clean(bytes);
  // Random chunking exercises the record splitters' boundaries (quotes, brackets, tags).
  const chunks: Buffer[] = [];
  for (let i = 0; i < data.length; ) {
    const size = 1 + Math.floor(rnd() * Math.max(1, data.length / 2));
    chunks.push(data.subarray(i, i + size));
    i += size;
  }
  return { file: 'fuzz-case', head: data.subarray(0, 65536), open: () => chunks as unknown as NodeJS.ReadableStream };
}

function slice(path: string, maxBytes: number): Buffer {
  const b = readFileSync(path);
  const cut = b.subarray(0, maxBytes);
  const nl = cut.lastIndexOf(0x0a);
  return nl > 0 ? cut.subarray(0, nl + 1) : cut;
}

const REAL = (n: string): string => shared('data', 'real-formats', n);
const SEEDS: Record<string, Buffer[]> = {
  'arxiv-oai': [Buffer.concat([slice(REAL('arxiv-oai-pmh.xml'), 4200), Buffer.from('</ListRecords>\n</OAI-PMH>\n')])],
  'arxiv-atom': [slice(fixture('arxiv-api.atom.xml'), 4000)],
  'arxiv-jsonl': [slice(REAL('arxiv-kaggle-snapshot-head200.jsonl'), 3000)],
  s2orc: [slice(REAL('s2orc-sample.jsonl'), 3000)],
  openalex: [slice(fixture('openalex-works.json'), 4000), slice(fixture('openalex-works.jsonl'), 3000)],
  s2: [slice(fixture('s2-search.json'), 4000), slice(fixture('s2-paper.jsonl'), 2000)],
  bibtex: [slice(fixture('zotero.bib'), 4000)],
  jsonl: [slice(shared('corpus', 'ml-abstracts.jsonl'), 3000)],
  csv: [slice(fixture('papers.csv'), 2000), slice(fixture('semicolon.csv'), 2000)],
  trending: [slice(shared('corpus', 'trending-papers.txt'), 3000)],
};

/**
 * The crafted inputs of hostile-inputs.ts that fit a fuzz case (the long-line ones are hundreds of
 * megabytes), fuzzed with a tenth of the cases: each is slow to read by design.
 */
const CRAFTED: Record<string, Buffer[]> = {
  bibtex: [...HOSTILE_INPUTS.filter((h) => h.file === 'macro-bomb.bib').map((h) => h.bytes!()), Buffer.from(authorSpaces(5_000)), Buffer.from(deepLatex(500))],
};

async function runCase(reader: Reader, input: ReaderInput): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const it of reader.read(input, {})) items.push(it);
  return items;
}

async function fuzz(name: string, reader: Reader, seeds: Buffer[], cases: number): Promise<void> {
  let papers = 0;
  let diagnostics = 0;
  let slowest = 0;
  for (let c = 0; c < cases; c++) {
    const rnd = prng(c * 7919 + name.length);
    const bytes = mutate(seeds[c % seeds.length]!, rnd);
    const input = inputOf(bytes, rnd);
    const started = performance.now();
    let items: ReadItem[];
    try {
      detectFormat(decodeHead(input.head), input.file);
      items = await runCase(reader, input);
    } catch (err) {
      throw new Error(`${name} case ${c} threw: ${(err as Error).stack}\ninput: ${JSON.stringify(bytes.toString('latin1'))}`);
    }
    slowest = Math.max(slowest, performance.now() - started);
    for (const it of items) {
      if (it.kind === 'paper') {
        papers++;
        if (!it.paper.title.trim() || typeof it.paper.abstract !== 'string' || it.paper.source.file !== 'fuzz-case') {
          throw new Error(`${name} case ${c}: bad paper ${JSON.stringify(it.paper)}`);
        }
      } else {
        diagnostics++;
        const d = it.diagnostic;
        if (d.file !== 'fuzz-case' || !d.message || d.message.length < 10 || (d.severity !== 'error' && d.severity !== 'warning')) {
          throw new Error(`${name} case ${c}: bad diagnostic ${JSON.stringify(d)}`);
        }
      }
    }
  }
  // Both outcomes must occur, or the mutations are not reaching the parser.
  expect(papers).toBeGreaterThan(0);
  expect(diagnostics).toBeGreaterThan(0);
  console.log(`fuzz ${name}: ${cases} cases, ${papers} papers, ${diagnostics} diagnostics, slowest case ${slowest.toFixed(1)} ms`);
}

describe('fuzzing every reader (seeded)', () => {
  it('has seeds for every registered reader', () => {
    expect(Object.keys(SEEDS).sort()).toEqual(READERS.map((r) => r.name).sort());
  });

  it.each(READERS.map((r) => r.name))('%s: mutated inputs never crash; every failure is a diagnostic with a message', async (name) => {
    const reader = readerByName(name);
    const seeds = SEEDS[name]!;
    // The unmutated seeds read cleanly: the fuzzing starts from valid input.
    for (const s of seeds) {
      const items = await runCase(reader, inputOf(s, prng(1)));
      expect(items.filter((i) => i.kind === 'paper').length, `${name} seed`).toBeGreaterThan(0);
    }
    await fuzz(name, reader, seeds, CASES);
  });

  it.each(Object.keys(CRAFTED))('%s: crafted inputs, mutated, never crash either', async (name) => {
    const reader = readerByName(name);
    for (const s of CRAFTED[name]!) {
      const items = await runCase(reader, inputOf(s, prng(1)));
      expect(items.filter((i) => i.kind === 'paper').length, `${name} crafted seed`).toBeGreaterThan(0);
    }
    await fuzz(`${name} (crafted)`, reader, CRAFTED[name]!, Math.ceil(CASES / 10));
  });
});
