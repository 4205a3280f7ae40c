/**
 * A synthetic corpus shaped like the real one, for benchmarks: abstracts assembled from sentences of
 * ../shared/corpus/ml-abstracts.jsonl (so length, vocabulary and phrasing are real), with dataset
 * and benchmark names from the gazetteer placed in the sentences that evaluate on them. Seeded.
 *
 *   npx tsx scripts/generate-corpus.ts --papers 100000 --out /tmp/corpus.jsonl [--seed 1]
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { DATASET_ENTRIES } from '../src/extract/gazetteer.ts';
import { seededRandom } from '../src/analyze/rng.ts';

export const ML_ABSTRACTS = resolve(fileURLToPath(new URL('..', import.meta.url)), '..', 'shared', 'corpus', 'ml-abstracts.jsonl');

export interface SyntheticPaper {
  id: string;
  title: string;
  abstract: string;
  year: number;
}

const EVAL_TEMPLATES = [
  (a: string, b: string) => `Extensive experiments on ${a} and ${b} show consistent gains over strong baselines.`,
  (a: string) => `We evaluate the approach on the ${a} benchmark and report state-of-the-art results.`,
  (a: string, b: string) => `Results on ${a} demonstrate the benefit, and transfer to ${b} is competitive.`,
  (a: string) => `On ${a}, our model improves accuracy by a large margin.`,
];

/** Yields `papers` synthetic papers; deterministic for a seed. */
export function* generateCorpus(papers: number, seed = 1): Generator<SyntheticPaper> {
  const rows = readFileSync(ML_ABSTRACTS, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { title: string; abstract: string });
  const sentences = rows.flatMap((r) => r.abstract.split(/(?<=[.!?])\s+(?=[A-Z])/)).filter((s) => s.length > 30);
  const titleWords = rows.flatMap((r) => r.title.split(/\s+/));
  const lengths = rows.map((r) => r.abstract.split(/(?<=[.!?])\s+(?=[A-Z])/).length);
  // Popular datasets are used far more often than the long tail: a Zipf-like pick.
  const names = DATASET_ENTRIES.filter((e) => !e.ambiguous).map((e) => e.name);
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const zipf = () => names[Math.min(names.length - 1, Math.floor(names.length ** rand()) - 1)]!;
  for (let i = 0; i < papers; i++) {
    const n = pick(lengths);
    const body: string[] = [];
    for (let k = 0; k < n; k++) body.push(pick(sentences));
    if (rand() < 0.6) body.splice(Math.floor(rand() * body.length), 0, pick(EVAL_TEMPLATES)(zipf(), zipf()));
    const titleLength = 5 + Math.floor(rand() * 8);
    const title = Array.from({ length: titleLength }, () => pick(titleWords)).join(' ');
    yield { id: `synthetic-${seed}-${i}`, title: `${title} (${i})`, abstract: body.join(' '), year: 2015 + Math.floor(rand() * 11) };
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1]! : fallback;
  };
  const out = createWriteStream(arg('out', '/dev/stdout'));
  for (const p of generateCorpus(Number(arg('papers', '1000')), Number(arg('seed', '1')))) out.write(`${JSON.stringify(p)}\n`);
  out.end();
}
