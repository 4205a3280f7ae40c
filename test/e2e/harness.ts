/**
 * The e2e harness: a snapshot (the real demo corpus through `papergraph ingest`, or the hand-written
 * fixture), served by the real `papergraph serve` from the built app on a free loopback port.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildFixtureGraph } from '../fixtures/explorer-snapshot.ts';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const CORPUS = resolve(REPO, '..', 'shared', 'corpus', 'trending-papers.txt');
export const SCREENSHOTS = join(REPO, 'test', 'e2e', 'screenshots');
const CLI = join(REPO, 'bin', 'papergraph.js');

export function requireBuiltApp(): void {
  if (!existsSync(join(REPO, 'dist', 'index.html'))) throw new Error('dist/index.html is missing: run `npm run build` before the e2e tests');
  mkdirSync(SCREENSHOTS, { recursive: true });
}

/** The real 2,700-paper corpus: the real-format samples and the ML abstracts. */
export const REAL_CORPUS = [resolve(REPO, '..', 'shared', 'data', 'real-formats'), resolve(REPO, '..', 'shared', 'corpus', 'ml-abstracts.jsonl')];

/** Ingests the demo corpus (or `inputs`) into a fresh folder with the real CLI; returns the folder. */
export async function ingestCorpus(options: { neo4jEnv?: NodeJS.ProcessEnv; inputs?: string[] } = {}): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'papergraph-e2e-corpus-'));
  // With a Neo4j environment, the same command also loads the database (`ingest --neo4j`).
  const args = [CLI, 'ingest', ...(options.inputs ?? [CORPUS]), '--out', out, ...(options.neo4jEnv ? ['--neo4j', '--quiet'] : [])];
  await promisify(execFile)(process.execPath, args, { cwd: REPO, timeout: 170_000, env: { ...process.env, ...options.neo4jEnv } }).catch((err: Error & { stderr?: string }) => {
    throw new Error(`papergraph ingest failed: ${err.stderr || err.message}`);
  });
  if (!existsSync(join(out, 'graph.json'))) throw new Error(`papergraph ingest wrote no ${join(out, 'graph.json')}`);
  return out;
}

/** A folder holding `text` as graph.json (the fixture snapshot by default). */
export function writeSnapshot(text: string = JSON.stringify(buildFixtureGraph().export())): string {
  const out = mkdtempSync(join(tmpdir(), 'papergraph-e2e-snap-'));
  writeFileSync(join(out, 'graph.json'), text);
  return out;
}

export interface Served {
  url: string;
  stop(): Promise<void>;
}

/** Runs `papergraph serve <dir> --port 0` (with `env` added, e.g. NEO4J_URI) and waits for the URL it prints. */
export function serve(dir: string, env: NodeJS.ProcessEnv = {}): Promise<Served> {
  const child: ChildProcess = spawn(process.execPath, [CLI, 'serve', dir, '--port', '0'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((done, fail) => {
    let stdout = '';
    const timer = setTimeout(() => fail(new Error(`papergraph serve printed no URL in 30 s: ${stderr}`)), 30_000);
    child.once('exit', (code) => fail(new Error(`papergraph serve exited with ${code}: ${stderr}`)));
    child.stdout!.on('data', (c: Buffer) => {
      stdout += c.toString();
      const m = /papergraph explorer: (http:\/\/\S+)/.exec(stdout);
      if (!m) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      done({
        url: m[1]!,
        stop: () =>
          new Promise<void>((stopped) => {
            if (child.exitCode !== null) return stopped();
            child.once('exit', () => stopped());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
