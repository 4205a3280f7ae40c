/**
 * Reads one file with one side of the comparison, in its own process so that the parent can cap its
 * time and watch its memory:   tsx scripts/compare-readers/run-one.ts <CSV|BibTeX|JSON> <today|library> <file>
 * Prints one JSON line: papers read, the first titles, error diagnostics and how many name a line.
 */
import { openInput } from '../../src/readers/input.ts';
import { formatDiagnostic } from '../../src/model/paper.ts';
import { reading, type FormatName, type SideName } from './sides.ts';

const [format, side, file] = process.argv.slice(2) as [FormatName, SideName, string];
const opened = await openInput(file, { onWarning: () => {} });
if (!opened.ok) throw new Error(formatDiagnostic(opened.diagnostic));
const started = performance.now();
let papers = 0;
let errors = 0;
let errorsWithLine = 0;
let first = '';
const titles: string[] = [];
for await (const item of reading(format, side, opened.input)) {
  if (item.kind === 'paper') {
    papers++;
    if (titles.length < 20) titles.push(item.paper.title);
  } else if (item.diagnostic.severity === 'error') {
    errors++;
    if (item.diagnostic.line !== undefined) errorsWithLine++;
    first ||= formatDiagnostic(item.diagnostic).slice(0, 160);
  }
}
console.log(JSON.stringify({ papers, titles, errors, errorsWithLine, first, seconds: (performance.now() - started) / 1000 }));
