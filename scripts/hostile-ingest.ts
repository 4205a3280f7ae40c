/**
 * `npm run hostile-ingest [-- --timeout S]`: writes each crafted input of test/support/hostile-inputs.ts
 * into a temporary folder, runs `papergraph ingest` on it in a child process, and prints a table:
 * how it ended, wall time, peak resident memory (Linux /proc VmHWM), papers kept, first diagnostic.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { HOSTILE_INPUTS, authorSpaces, type HostileInput } from '../test/support/hostile-inputs.ts';
import { ingestInChild } from '../test/support/ingest-child.ts';

const { values } = parseArgs({ options: { timeout: { type: 'string', default: '60' } } });
const timeoutMs = Number(values.timeout) * 1000;

const extra: HostileInput = { name: 'BibTeX author field with 40k spaces', file: 'author-spaces-40k.bib', write: async (p) => writeFileSync(p, authorSpaces(40_000)), good: ['Good Before Spaces', 'Spaced Authors', 'Good After Spaces'], line: 2 };
console.log('| input | ended | time (s) | peak RSS (MB) | papers | first diagnostic |\n| --- | --- | --- | --- | --- | --- |');
for (const input of [HOSTILE_INPUTS[0]!, extra, ...HOSTILE_INPUTS.slice(1)]) {
  const o = await ingestInChild(input, timeoutMs);
  console.log(`| ${input.name} | ${o.ended} | ${o.seconds.toFixed(1)} | ${o.peakMb.toFixed(0)} | ${o.kept.length}/${input.good.length} good kept | ${o.diagnostic.replace(/\|/g, '\\|')} |`);
}
