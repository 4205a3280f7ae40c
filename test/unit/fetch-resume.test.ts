/**
 * A fetch killed mid-way (a real child process, SIGKILL) resumes from its page cache: the second
 * run asks only for the pages the first did not finish, and the output holds every record once.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { ROUTES, startReplay, type Replay } from '../support/replay-server.ts';

const BIN = fileURLToPath(new URL('../../bin/papergraph.js', import.meta.url));

const CASES = [
  { name: 'openalex', key: (r: Record<string, unknown>) => r.id, count: 8, third: (q: URLSearchParams) => q.get('cursor') === 'c3' },
  { name: 'arxiv', key: (r: Record<string, unknown>) => r.id, count: 5, third: (q: URLSearchParams) => q.get('start') === '4' },
  { name: 's2', key: (r: Record<string, unknown>) => r.paperId, count: 5, third: (q: URLSearchParams) => q.get('token') === 't3' },
] as const;

let replay: Replay | undefined;
afterEach(async () => {
  await replay?.close();
  replay = undefined;
});

function run(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, exited, stderr: () => stderr };
}

async function until(test: () => boolean, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(CASES)('fetch $name, killed and resumed', (c) => {
  it('loses and duplicates nothing', async () => {
    // The third page is held back, so the kill lands while it is being asked for.
    const route = ROUTES[c.name];
    let holding = true;
    replay = await startReplay((req, n) => (holding && c.third(req.query) ? { ...route(req, n), delayMs: 20_000 } : route(req, n)));
    const out = join(mkdtempSync(join(tmpdir(), 'pg-resume-')), 'papers.jsonl.gz');
    const args = ['fetch', c.name, 'retrieval', '--out', out, '--base-url', replay.url, '--interval', '50'];

    const first = run(args);
    await until(() => replay!.arrivals.some((a) => c.third(a.query)));
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    expect(existsSync(out)).toBe(false);
    const before = replay.arrivals.length;

    holding = false;
    const second = run(args);
    expect(await second.exited).toBe(0);
    const resumed = replay.arrivals.slice(before);
    // Pages one and two came from the cache: the resumed run starts at the third.
    expect(c.third(resumed[0]!.query)).toBe(true);
    const records = gunzipSync(readFileSync(out)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const keys = records.map(c.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(c.count);
  });
});
