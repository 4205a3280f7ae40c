/**
 * Which tokenizer and tagger should extraction use? Runs the whole pipeline on the demo corpus with
 * wink-nlp and with compromise, scores both against ../shared/gold/seed-gold.json, and times both
 * taggers alone on ../shared/corpus/ml-abstracts.jsonl.   npx tsx scripts/compare-taggers.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { buildKnowledgeGraph, readRecords } from '../src/pipeline.ts';
import { extractionContext } from '../src/extract/context.ts';
import { analyse, type Analyser } from '../src/extract/text.ts';
import { evaluate, type GoldFile } from '../src/eval/evaluate.ts';
import { compromiseAnalyse } from './compare-taggers/compromise-analyser.ts';

const shared = resolve(fileURLToPath(new URL('..', import.meta.url)), '..', 'shared');
const gold = JSON.parse(readFileSync(resolve(shared, 'gold', 'seed-gold.json'), 'utf8')) as GoldFile;
const { records } = await readRecords([resolve(shared, 'corpus', 'trending-papers.txt')]);
const abstracts = readFileSync(resolve(shared, 'corpus', 'ml-abstracts.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => (JSON.parse(l) as { abstract: string }).abstract);

const taggers: [string, Analyser][] = [
  ['wink-nlp (lite web model)', analyse],
  ['compromise', compromiseAnalyse],
];
console.log('tagger                      P      R      concepts>=90%  mean concept share  junk  concept nodes  abstracts/s');
for (const [name, analyser] of taggers) {
  const graph = buildKnowledgeGraph(records, { context: { ...extractionContext(), analyse: analyser } });
  const e = evaluate(graph, gold);
  const shares = e.concepts.map((c) => c.linked / c.total);
  for (const a of abstracts.slice(0, 200)) analyser(a); // warm up
  const t = performance.now();
  for (const a of abstracts) analyser(a);
  const perSecond = Math.round((abstracts.length / (performance.now() - t)) * 1000);
  const concepts = graph.filterNodes((_, a) => a.kind === 'Concept').length;
  console.log(
    `${name.padEnd(26)} ${e.precision.toFixed(3)}  ${e.recall.toFixed(3)}  ${`${shares.filter((s) => s >= 0.9).length}/${shares.length}`.padStart(13)}  ${(shares.reduce((s, x) => s + x, 0) / shares.length).toFixed(3).padStart(18)}  ${String(e.junk.length).padStart(4)}  ${String(concepts).padStart(13)}  ${String(perSecond).padStart(11)}`,
  );
}
