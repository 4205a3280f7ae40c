/**
 * Seeded fuzzing of every reader: small real samples and fixtures, mutated at the byte level
 * (flips, deletions, insertions of structural characters and bad bytes, duplications, truncation)
 * and fed in random chunk sizes. Each case must finish without throwing, and everything it yields
 * must be a paper with a title or a diagnostic with a message. FUZZ_CASES overrides the count.
 */
import { describe, expect, it } from 'vitest';
import type { ReadItem } from '../../src/model/paper.ts';
import { decodeHead } from '../../src/readers/decode.ts';
import type { Reader, ReaderInput } from '../../src/readers/reader.ts';
import { READERS, detectFormat, readerByName } from '../../src/readers/registry.ts';
import { seededRandom } from '../../src/analyze/rng.ts';
import { HOSTILE_INPUTS, authorSpaces, deepLatex } from '../support/hostile-inputs.ts';
import { fuzzInput as inputOf, fuzzSeeds, mutate } from '../support/fuzz-cases.ts';

const CASES = Number(process.env.FUZZ_CASES ?? 10_000);

/** The project's seeded PRNG (mulberry32), so a failing case can be replayed from its seed. */
const prng = seededRandom;

const SEEDS = fuzzSeeds();

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
