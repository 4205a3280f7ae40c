/** `papergraph fetch` on the command line: its summary, and a one-line reason for each refusal. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { Capture } from '../support/capture.ts';
import { ROUTES, startReplay, type Replay } from '../support/replay-server.ts';

let replay: Replay | undefined;
afterEach(async () => {
  await replay?.close();
  replay = undefined;
});

async function cli(...argv: string[]) {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(argv, { stdout, stderr, env: {}, cwd: process.cwd() });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const out = () => join(mkdtempSync(join(tmpdir(), 'pg-cli-fetch-')), 'papers.jsonl.gz');

describe('papergraph fetch', () => {
  it('prints progress by records and a summary; a second run reads every page from the cache', async () => {
    replay = await startReplay(ROUTES.openalex);
    const file = out();
    const first = await cli('fetch', 'openalex', 'retrieval', '--out', file, '--base-url', replay.url, '--interval', '10');
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^openalex: 3 of 8 records \(page 1\)$/m);
    expect(first.stderr).toMatch(/^openalex: 8 of 8 records \(page 4\)$/m);
    expect(first.stdout).toMatch(/fetched\s+8 records from openalex \(the provider counts 8 matches\)/);
    expect(first.stdout).toMatch(/requests\s+4 over HTTP, 0 pages from the cache/);
    const again = await cli('fetch', 'openalex', 'retrieval', '--out', file, '--base-url', replay.url, '--interval', '10');
    expect(again.stdout).toMatch(/requests\s+0 over HTTP, 4 pages from the cache/);
    expect(replay.arrivals).toHaveLength(4);
  });

  it('stops at --max', async () => {
    replay = await startReplay(ROUTES.s2);
    const r = await cli('fetch', 's2', 'retrieval', '--out', out(), '--base-url', replay.url, '--interval', '10', '--max', '3', '--quiet');
    expect(r.stdout).toMatch(/fetched\s+3 records from s2/);
    expect(r.stdout).toMatch(/stopped\s+max reached/);
    expect(r.stderr).toBe('');
  });

  it('refuses bad arguments with exit code 2', async () => {
    expect((await cli('fetch', 'pubmed', 'x', '--out', out())).stderr).toMatch(/unknown provider "pubmed"; expected one of openalex, arxiv, s2/);
    const fast = await cli('fetch', 'arxiv', 'x', '--out', out(), '--interval', '10');
    expect(fast.code).toBe(2);
    expect(fast.stderr).toMatch(/--interval only applies with --base-url/);
    expect((await cli('fetch', 'arxiv', 'x', '--out', out(), '--since', 'last year')).stderr).toMatch(/--since expects a whole number/);
    expect((await cli('ingest', 'a.jsonl', '--out', out(), '--max', '3')).stderr).toMatch(/--max applies only with --fetch <provider>/);
  });

  it("stops on a 4xx with the server's message and exit code 3", async () => {
    replay = await startReplay(() => ({ status: 403, body: '{"message":"Forbidden: invalid api key"}' }));
    const r = await cli('fetch', 's2', 'retrieval', '--out', out(), '--base-url', replay.url, '--interval', '10');
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/papergraph fetch: s2: HTTP 403 Forbidden from http:\/\/127\.0\.0\.1:\d+\/graph\/v1\/paper\/search\/bulk\?.*: \{"message":"Forbidden: invalid api key"\}/);
    expect(replay.arrivals).toHaveLength(1);
  });
});
