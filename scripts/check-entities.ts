/**
 * `npx tsx scripts/check-entities.ts <snapshot> <out-dir> [--seed N] [--sample N]`: two readings of
 * a snapshot for a person to judge, written as Markdown into <out-dir>:
 *   - names.md: every Dataset and Benchmark node whose name reads as ordinary English (written as
 *     words, not acronyms, and every word a common lower-case English word, or one proper noun
 *     alone), curated or discovered, with the sentences that link it;
 *   - concepts.md: a seeded random sample of Concept nodes, each with the sentences of its papers,
 *     and the verdict of test/reports/concept-verdicts.json where one is recorded (keep / drop and
 *     why), with the share kept.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readSnapshot } from '../src/store/snapshot-read.ts';
import { isCommonWord, isProperNoun } from '../src/extract/lexicon.ts';
import type { PaperGraph } from '../src/assemble/graph.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { seed: { type: 'string', default: '7' }, sample: { type: 'string', default: '200' } } });
const [snapshotArg, outDir] = positionals;
if (!snapshotArg || !outDir) {
  console.error('usage: tsx scripts/check-entities.ts <snapshot> <out-dir> [--seed N] [--sample N]');
  process.exit(2);
}
const g: PaperGraph = await readSnapshot(snapshotArg);

const evidenceLines = (node: string, max: number) =>
  g.mapInEdges(node, (_e, a, source) => ({ a, title: g.getNodeAttribute(source, 'name') })).slice(0, max).map(({ a, title }) => `  - ${a.type} «${(('evidence' in a ? a.evidence[0]?.sentence : '') ?? '').slice(0, 220)}» (${title.slice(0, 70)})`);

const words = (s: string) => s.split(/[\s-]+/).filter(Boolean);
/** Written as a word is written (lower case or capitalised), not as an acronym or a coinage. */
const wordShaped = (w: string) => /^[A-Za-z][a-z]+$/.test(w);
const ordinary = (name: string) => {
  const ws = words(name);
  return ws.length > 0 && ws.every(wordShaped) && (ws.every(isCommonWord) || (ws.length === 1 && isProperNoun(ws[0]!)));
};

const names: string[] = ['# Dataset and Benchmark nodes whose name reads as ordinary English', '', `snapshot: ${snapshotArg}`, ''];
const flagged = g.filterNodes((_, a) => (a.kind === 'Dataset' || a.kind === 'Benchmark') && ordinary(a.name));
names.push(`${flagged.length} of ${g.filterNodes((_, a) => a.kind === 'Dataset' || a.kind === 'Benchmark').length} Dataset/Benchmark nodes`, '');
for (const id of flagged) {
  const a = g.getNodeAttributes(id) as { kind: string; name: string; confidence?: number };
  names.push(`- **${a.name}** (${a.kind}, ${(a.confidence ?? 1) < 1 ? 'discovered from context' : 'curated gazetteer entry'}, ${id})`, ...evidenceLines(id, 3));
}
writeFileSync(join(outDir, 'names.md'), `${names.join('\n')}\n`);

// Concepts: each id ranked by a seeded hash of itself, so the same snapshot gives the same sample
// and a change that adds or removes a few Concept nodes changes the sample by only those nodes (a
// reading stays valid for the rest).
const verdictFile = join(outDir, 'concept-verdicts.json');
const verdicts: Record<string, { keep: boolean; why?: string }> = existsSync(verdictFile) ? JSON.parse(readFileSync(verdictFile, 'utf8')) : {};
const rank = (id: string) => {
  let h = 0x811c9dc5;
  for (const ch of `${values.seed}:${id}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h;
};
const ids = g
  .filterNodes((_, a) => a.kind === 'Concept')
  .map((id) => [rank(id), id] as const)
  .sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1))
  .map(([, id]) => id);
const sample = ids.slice(0, Number(values.sample));
const judged = sample.filter((id) => verdicts[id] !== undefined);
const kept = judged.filter((id) => verdicts[id]!.keep).length;
const out: string[] = [
  '# Concept nodes drawn at random, read against their papers',
  '',
  `snapshot: ${snapshotArg}; ${ids.length} Concept nodes; sample of ${sample.length} (seed ${values.seed}); verdicts from concept-verdicts.json`,
  '',
  `judged ${judged.length} of ${sample.length}; kept ${kept} (${judged.length ? ((100 * kept) / judged.length).toFixed(1) : '-'}%)`,
  '',
];
for (const id of sample) {
  const a = g.getNodeAttributes(id) as { name: string; parent?: string };
  const v = verdicts[id];
  out.push(`- **${a.name}** (${id}${a.parent ? `, a kind of ${a.parent}` : ''}, ${g.inDegree(id)} papers): ${v ? (v.keep ? 'KEEP' : 'DROP') : 'not judged'}${v?.why ? ` (${v.why})` : ''}`, ...evidenceLines(id, 2));
}
writeFileSync(join(outDir, 'concepts.md'), `${out.join('\n')}\n`);
console.log(`${outDir}/names.md: ${flagged.length} ordinary-English Dataset/Benchmark names`);
console.log(`${outDir}/concepts.md: judged ${judged.length} of ${sample.length}, kept ${kept}`);
