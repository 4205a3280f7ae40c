/**
 * `npm run eval [-- <snapshot> <gold.json>] [--half dev|held-out]`: extraction quality of a snapshot
 * against gold labels, the same table for any corpus, then every miss and every extra. Without a
 * snapshot it ingests the demo corpus (../shared/corpus/trending-papers.txt) in memory and scores it
 * against ../shared/gold/seed-gold.json. `--half` scores one fixed half of the gold papers (see
 * splitGold): work on the dev half, and score the held-out half only to report.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { buildKnowledgeGraph, readRecords } from '../src/pipeline.ts';
import { readSnapshot } from '../src/store/snapshot-read.ts';
import { evaluate, formatEvaluation, splitGold, type GoldFile } from '../src/eval/evaluate.ts';

const shared = resolve(fileURLToPath(new URL('..', import.meta.url)), '..', 'shared');
const { positionals, values } = parseArgs({ allowPositionals: true, options: { half: { type: 'string' } } });
const [snapshotArg, goldArg] = positionals;
if (values.half !== undefined && values.half !== 'dev' && values.half !== 'held-out') {
  console.error(`--half: expected dev or held-out, got ${JSON.stringify(values.half)}`);
  process.exit(2);
}
const goldFile = goldArg ?? resolve(shared, 'gold', 'seed-gold.json');
const fullGold = JSON.parse(readFileSync(goldFile, 'utf8')) as GoldFile;
const gold = values.half ? splitGold(fullGold, values.half) : fullGold;

let graph;
if (snapshotArg) graph = await readSnapshot(snapshotArg);
else {
  const corpus = resolve(shared, 'corpus', 'trending-papers.txt');
  const { records } = await readRecords([corpus]);
  graph = buildKnowledgeGraph(records);
  console.log(`snapshot: ${corpus}, ingested in memory`);
}
console.log(`gold:     ${goldFile}${values.half ? ` (${values.half} half: ${gold.papers.length} of ${fullGold.papers.length} papers)` : ''}\n`);
console.log(formatEvaluation(evaluate(graph, gold)));
