/**
 * `npm run eval [-- <snapshot> <gold.json>]`: extraction quality of a snapshot against gold labels.
 * Without arguments it ingests the demo corpus (../shared/corpus/trending-papers.txt) in memory and
 * scores it against ../shared/gold/seed-gold.json.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { buildKnowledgeGraph, readRecords } from '../src/pipeline.ts';
import { readSnapshot } from '../src/store/snapshot-read.ts';
import { evaluate, formatEvaluation, type GoldFile } from '../src/eval/evaluate.ts';

const shared = resolve(fileURLToPath(new URL('..', import.meta.url)), '..', 'shared');
const [snapshotArg, goldArg] = process.argv.slice(2);
const goldFile = goldArg ?? resolve(shared, 'gold', 'seed-gold.json');
const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as GoldFile;

let graph;
if (snapshotArg) graph = await readSnapshot(snapshotArg);
else {
  const corpus = resolve(shared, 'corpus', 'trending-papers.txt');
  const { records } = await readRecords([corpus]);
  graph = buildKnowledgeGraph(records);
  console.log(`snapshot: ${corpus}, ingested in memory`);
}
console.log(`gold:     ${goldFile}\n`);
console.log(formatEvaluation(evaluate(graph, gold)));
