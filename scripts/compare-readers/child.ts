/** Runs run-one.ts in a child process with a time cap and a heap cap, watching its peak memory. */
import { fileURLToPath } from 'node:url';
import { runWatched } from '../../test/support/ingest-child.ts';
import type { FormatName, SideName } from './sides.ts';

const RUN_ONE = fileURLToPath(new URL('./run-one.ts', import.meta.url));
/** A heap cap well under the machine's memory, so a blow-up ends the child, not the machine. */
export const HEAP_MB = 2048;

export interface ChildResult {
  ended: string;
  seconds: number;
  peakMb: number;
  papers: number;
  titles: string[];
  errors: number;
  errorsWithLine: number;
  first: string;
  /** Seconds spent reading, measured inside the child (without start-up). */
  readSeconds: number;
}

export async function runChild(format: FormatName, side: SideName, file: string, timeoutMs: number): Promise<ChildResult> {
  const { code, signal, timedOut, seconds, peak, stdout, stderr } = await runWatched([`--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', RUN_ONE, format, side, file], timeoutMs);
  const line = stdout.trim().split('\n').at(-1) ?? '';
  const out = code === 0 && line.startsWith('{') ? (JSON.parse(line) as Omit<ChildResult, 'ended' | 'peakMb' | 'readSeconds'> & { seconds: number }) : undefined;
  const crash = /heap out of memory|Maximum call stack size exceeded|RangeError[^\n]*|Error[^\n]*/.exec(stderr)?.[0] ?? '';
  const ended = timedOut ? `killed at ${timeoutMs / 1000} s` : signal ? `signal ${signal}` : code === 0 ? 'finished' : `exit ${code}: ${crash.slice(0, 80)}`;
  return {
    ended,
    seconds,
    peakMb: peak / 1024 / 1024,
    papers: out?.papers ?? 0,
    titles: out?.titles ?? [],
    errors: out?.errors ?? 0,
    errorsWithLine: out?.errorsWithLine ?? 0,
    first: out?.first ?? '',
    readSeconds: out?.seconds ?? seconds,
  };
}
