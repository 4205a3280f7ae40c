/** Runs `papergraph ingest` on one crafted input in a child process, measuring time and peak memory. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HostileInput } from './hostile-inputs.ts';

const BIN = new URL('../../bin/papergraph.js', import.meta.url).pathname;

/** Peak resident memory of a running process in bytes (Linux /proc VmHWM; 0 elsewhere). */
function peakRss(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export interface Outcome {
  ended: string;
  code: number | null;
  seconds: number;
  /** Peak resident memory (0 where /proc is not available). */
  peakMb: number;
  /** The good titles found in the snapshot. */
  kept: string[];
  /** The first "file:line: ..." line on stderr (the folder shown as <tmp>). */
  diagnostic: string;
  stderr: string;
}

export interface Watched {
  code: number | null;
  signal: string | null;
  timedOut: boolean;
  seconds: number;
  /** Peak resident memory in bytes. */
  peak: number;
  stdout: string;
  /** The last 4,000 characters of stderr. */
  stderr: string;
}

/** Runs node with `args`, killed after `timeoutMs`, polling its peak memory. */
export async function runWatched(args: string[], timeoutMs: number): Promise<Watched> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-4000)));
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
  return { code, signal, timedOut, seconds: (performance.now() - t0) / 1000, peak, stdout, stderr };
}

/** Writes the input to a temporary folder and ingests it with the real CLI in a child process. */
export async function ingestInChild(input: HostileInput, timeoutMs: number, nodeArgs: string[] = []): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), 'pg-hostile-'));
  try {
    const file = join(dir, input.file);
    await input.write(file);
    const out = join(dir, 'out');
    const { code, signal, timedOut, seconds, peak, stderr } = await runWatched([...nodeArgs, BIN, 'ingest', file, '--out', out, '--quiet'], timeoutMs);
    const snapshot = join(out, 'graph.json');
    const titles = existsSync(snapshot)
      ? (JSON.parse(readFileSync(snapshot, 'utf8')) as { nodes: { attributes: { kind: string; name: string } }[] }).nodes.filter((n) => n.attributes.kind === 'Paper').map((n) => n.attributes.name)
      : [];
    const kept = input.good.filter((t) => titles.includes(t));
    const oom = /heap out of memory|Maximum call stack/i.exec(stderr)?.[0];
    const first = stderr.split('\n').find((l) => /:\d+: /.test(l)) ?? oom ?? stderr.trim().split('\n').at(-1) ?? '';
    return {
      ended: timedOut ? `killed at ${timeoutMs / 1000} s` : signal ? `signal ${signal}` : `exit ${code}`,
      code: timedOut ? null : code,
      seconds,
      peakMb: peak / 1024 / 1024,
      kept,
      diagnostic: first.replace(dir, '<tmp>').slice(0, 150),
      stderr: stderr.replaceAll(dir, '<tmp>'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

