/** The markdown tables of `npm run compare-readers`, one section per format. */
import { writeFileSync } from 'node:fs';
import type { HostileInput } from '../../test/support/hostile-inputs.ts';
import type { Agreement, Diagnostics, Read } from './agreement.ts';
import type { BadInput } from './bad-inputs.ts';
import type { ChildResult } from './child.ts';
import { HEAP_MB } from './child.ts';

export interface FormatResults {
  samples: Agreement;
  bad: Array<{ input: BadInput; reads: Array<Read & { lineOk: boolean }> }>;
  fuzz: { agreement: Agreement; today: Diagnostics; library: Diagnostics; sameCases: number; slowest: number[] };
  hostile: Array<{ input: HostileInput; runs: ChildResult[] }>;
  speed: Array<{ kind: string; bytes: number; runs: ChildResult[] }>;
}

const pct = (n: number, of: number): string => (of === 0 ? '-' : `${((100 * n) / of).toFixed(1)}%`);
/** A table cell: pipes escaped; the control bytes fuzz cases hold shown as U+FFFD so the file stays text. */
// eslint-disable-next-line no-control-regex
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '\ufffd').slice(0, 90);

function agreementRows(a: Agreement): string[] {
  const fields = [...a.byField].map(([f, n]) => `${f} ${n}`).join(', ') || 'none';
  const rows = [`- records agreeing on title, authors, year, abstract and ids: ${a.agreeing} of ${a.records} (${pct(a.agreeing, a.records)}); same source line: ${a.linesAgreeing}`, `- differences by field: ${fields}`];
  for (const e of a.examples) rows.push(`  - ${e.where}: ${e.field}: today \`${cell(e.today)}\` / library \`${cell(e.library)}\``);
  return rows;
}

function diagnosticsRow(name: string, d: Diagnostics, slowest: number): string {
  return `| ${name} | ${d.threw}${d.firstThrow ? ` (${cell(d.firstThrow)})` : ''} | ${d.withError} (${pct(d.withError, d.cases)}) | ${d.errorsWithLine} of ${d.errors} (${pct(d.errorsWithLine, d.errors)}) | ${slowest.toFixed(1)} |`;
}

function outcome(r: ChildResult, good: string[]): string {
  const kept = good.filter((g) => r.titles.includes(g)).length;
  return `${r.ended}, ${r.seconds.toFixed(1)} s, ${r.peakMb.toFixed(0)} MB, ${kept}/${good.length} good kept, first error: ${cell(r.first || '(none)')}`;
}

export class Report {
  private readonly parts: string[] = [];

  constructor(fuzz: number, mb: number, timeout: number) {
    this.parts.push(
      '# Hand-written readers against maintained libraries',
      '',
      `Printed by \`npm run compare-readers -- --fuzz ${fuzz} --mb ${mb} --timeout ${timeout}\` (scripts/compare-readers.ts). "today" is the reader in src/readers;`,
      '"library" is the adapter in scripts/compare-readers/ on the named package, fed the same bytes after the same opening and UTF-8 cleaning.',
      `Hostile inputs and throughput run each side in its own process, killed at ${timeout} s, heap capped at ${HEAP_MB} MB; "MB" there is peak resident memory.`,
      '',
    );
  }

  format(name: string, library: string, r: FormatResults): void {
    const p = this.parts;
    p.push(`## ${name}: today vs ${library}`, '', '### Real samples and fixtures', '', ...agreementRows(r.samples), '');
    p.push('### Hand-made bad inputs: a diagnostic naming the problem line?', '', '| input | problem line | today: errors / names that line / good records kept | library: errors / names that line / good records kept |', '| --- | --- | --- | --- |');
    for (const b of r.bad) {
      const side = (x: Read & { lineOk: boolean }): string => `${x.errors} / ${x.lineOk ? 'yes' : 'no'} / ${x.papers.filter((p) => p.title.startsWith('Good')).length} of ${b.input.good}${x.threw ? ` / threw ${cell(x.threw)}` : ''}`;
      p.push(`| ${b.input.name} | ${b.input.line} | ${side(b.reads[0]!)} | ${side(b.reads[1]!)} |`);
    }
    const f = r.fuzz;
    p.push('', `### Fuzz cases (${f.today.cases}, the mutations of test/unit/fuzz-readers.test.ts)`, '');
    p.push('| side | threw | cases with an error diagnostic | error diagnostics naming a line | slowest case (ms) |', '| --- | --- | --- | --- | --- |');
    p.push(diagnosticsRow('today', f.today, f.slowest[0]!), diagnosticsRow('library', f.library, f.slowest[1]!), '');
    p.push(`- cases where both sides read exactly the same records: ${f.sameCases} of ${f.today.cases} (${pct(f.sameCases, f.today.cases)})`, ...agreementRows(f.agreement), '');
    p.push('### Hostile inputs', '', '| input | today | library |', '| --- | --- | --- |');
    for (const h of r.hostile) p.push(`| ${h.input.name} | ${outcome(h.runs[0]!, h.input.good)} | ${outcome(h.runs[1]!, h.input.good)} |`);
    p.push('', '### Throughput (same run, same file, one process each)', '', '| input | size (MB) | today MB/s | library MB/s | library / today |', '| --- | --- | --- | --- | --- |');
    for (const s of r.speed) {
      const mb = s.bytes / 1024 / 1024;
      const rate = (c: ChildResult): number | undefined => (c.ended === 'finished' ? mb / c.readSeconds : undefined);
      const [a, b] = s.runs.map(rate);
      const show = (v: number | undefined, c: ChildResult): string => (v === undefined ? `${c.ended} (< ${(mb / c.seconds).toFixed(2)})` : `${v.toFixed(2)} (${c.peakMb.toFixed(0)} MB RSS, ${c.papers} papers)`);
      p.push(`| ${s.kind} | ${mb.toFixed(0)} | ${show(a, s.runs[0]!)} | ${show(b, s.runs[1]!)} | ${a && b ? (b / a).toFixed(2) : '-'} |`);
    }
    p.push('');
  }

  write(url: URL): string {
    const text = this.parts.join('\n');
    writeFileSync(url, text);
    return text;
  }
}
