/**
 * `npm run hostile-ingest [-- --timeout S]`: writes each crafted input of test/support/hostile-inputs.ts
 * into a temporary folder, runs `papergraph ingest` on it in a child process, and prints a table:
 * how it ended, wall time, peak resident memory (Linux /proc VmHWM), papers kept, first diagnostic.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HOSTILE_INPUTS, authorSpaces, type HostileInput } from '../test/support/hostile-inputs.ts';

const { values } = parseArgs({ options: { timeout: { type: 'string', default: '60' } } });
const timeoutMs = Number(values.timeout) * 1000;
const BIN = new URL('../bin/papergraph.js', import.meta.url).pathname;

function peakRss(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

interface Outcome {
  ended: string;
  seconds: number;
  peakMb: number;
  papers: string;
  diagnostic: string;
}

async function runOne(input: HostileInput): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), 'pg-hostile-'));
  try {
    const file = join(dir, input.file);
    await input.write(file);
    const out = join(dir, 'out');
    const t0 = performance.now();
    const child = spawn(process.execPath, [BIN, 'ingest', file, '--out', out, '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-4000)));
    child.stdout.resume();
    let peak = 0;
    const poll = setInterval(() => (peak = Math.max(peak, peakRss(child.pid!))), 50);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    const [code, signal] = await new Promise<[number | null, string | null]>((done) => child.on('exit', (c, s) => done([c, s])));
    clearInterval(poll);
    clearTimeout(timer);
    const seconds = (performance.now() - t0) / 1000;
    const snapshot = join(out, 'graph.json');
    const titles = existsSync(snapshot)
      ? (JSON.parse(readFileSync(snapshot, 'utf8')) as { nodes: { attributes: { kind: string; name: string } }[] }).nodes.filter((n) => n.attributes.kind === 'Paper').map((n) => n.attributes.name)
      : [];
    const kept = input.good.filter((t) => titles.includes(t)).length;
    const oom = /heap out of memory|Maximum call stack/i.exec(stderr)?.[0];
    const first = stderr.split('\n').find((l) => /:\d+: /.test(l)) ?? oom ?? stderr.trim().split('\n').at(-1) ?? '';
    return {
      ended: timedOut ? `killed at ${timeoutMs / 1000} s` : signal ? `signal ${signal}` : `exit ${code}`,
      seconds,
      peakMb: peak / 1024 / 1024,
      papers: `${kept}/${input.good.length} good kept`,
      diagnostic: first.replace(dir, '<tmp>').slice(0, 150),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const extra: HostileInput = { name: 'BibTeX author field with 40k spaces', file: 'author-spaces-40k.bib', write: async (p) => writeFileSync(p, authorSpaces(40_000)), good: ['Good Before Spaces', 'Spaced Authors', 'Good After Spaces'], line: 2 };
console.log('| input | ended | time (s) | peak RSS (MB) | papers | first diagnostic |\n| --- | --- | --- | --- | --- | --- |');
for (const input of [HOSTILE_INPUTS[0]!, extra, ...HOSTILE_INPUTS.slice(1)]) {
  const o = await runOne(input);
  console.log(`| ${input.name} | ${o.ended} | ${o.seconds.toFixed(1)} | ${o.peakMb.toFixed(0)} | ${o.papers} | ${o.diagnostic.replace(/\|/g, '\\|')} |`);
}
