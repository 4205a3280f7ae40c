/**
 * The Cypher console with no Neo4j, in a real Chromium: the built-in engine answers in a Web
 * Worker. Once from `papergraph serve` (what `npm start` runs) with no Neo4j configured, once from
 * a `papergraph publish` folder served by a plain static server (python3 -m http.server).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium, watchProblems } from './browser.ts';
import { REPO, SCREENSHOTS, type Served, ingestCorpus, requireBuiltApp, serve } from './harness.ts';
import { openExplorer } from './page-helpers.ts';

let browser: Browser;
let served: Served;
let staticServer: ChildProcess | undefined;
let staticUrl: string;
let page: Page;
let problems: string[];

/** python3 -m http.server on a free loopback port; resolves with its URL once it listens. */
function staticHost(dir: string): Promise<string> {
  staticServer = spawn('python3', ['-u', '-m', 'http.server', '--bind', '127.0.0.1', '--directory', dir, '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((done, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`python3 -m http.server did not start: ${out}`)), 20_000);
    staticServer!.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /port (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        done(`http://127.0.0.1:${m[1]}/`);
      }
    });
  });
}

beforeAll(async () => {
  requireBuiltApp();
  const dir = await ingestCorpus();
  // No NEO4J_URI, no --neo4j, and no bundled server running on this checkout's home: no Neo4j configured.
  served = await serve(dir, { NEO4J_URI: '', PAPERGRAPH_NEO4J_HOME: mkdtempSync(join(tmpdir(), 'papergraph-no-neo4j-')) });
  const site = mkdtempSync(join(tmpdir(), 'papergraph-site-'));
  await promisify(execFile)(process.execPath, [join(REPO, 'bin', 'papergraph.js'), 'publish', dir, '--out', site], { cwd: REPO });
  staticUrl = await staticHost(site);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  staticServer?.kill('SIGTERM');
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  problems = watchProblems(page);
});

afterEach(async () => {
  await page.close();
});

async function runGalleryQuery(url: string, shot: string): Promise<void> {
  await openExplorer(page, url);
  await page.getByRole('button', { name: 'Cypher console' }).click();
  await page.locator('.console-engine').waitFor();
  expect(await page.locator('.console-engine').textContent()).toMatch(/built-in engine/);
  await page.getByRole('navigation', { name: 'Example queries' }).getByRole('button', { name: 'papers on benchmark' }).click();
  expect(await page.getByLabel('Parameters (JSON)').inputValue()).toContain('KILT');
  await page.getByRole('textbox', { name: /Cypher query/ }).click();
  await page.keyboard.press('Control+Enter');
  await page.getByTestId('result-summary').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('result-engine').textContent()).toBe('answered by the built-in engine');
  const expected = await page.evaluate(() => window.papergraph!.graph.filterNeighbors('benchmark:kilt', (_, a) => a.kind === 'Paper').length);
  expect(await page.getByRole('table', { name: 'Query results' }).locator('tbody tr').count()).toBe(expected);
  const lit = await page.evaluate(() => {
    const { sigma, graph } = window.papergraph!;
    const papers = graph.filterNeighbors('benchmark:kilt', (_, a) => a.kind === 'Paper');
    return { kilt: sigma.getNodeDisplayData('benchmark:kilt')!.highlighted, papers: papers.map((n) => sigma.getNodeDisplayData(n)!.highlighted) };
  });
  expect(lit.kilt).toBe(true);
  expect(lit.papers.every(Boolean)).toBe(true);
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(SCREENSHOTS, shot) });
}

describe('the Cypher console with the built-in engine', () => {
  it('from papergraph serve with no Neo4j: Ctrl+Enter on a gallery query shows rows and lights the map', async () => {
    await runGalleryQuery(served.url, '14-console-built-in.png');
    expect(problems).toEqual([]);
  });

  it('refuses a write with a clear message', async () => {
    await openExplorer(page, served.url);
    await page.getByRole('button', { name: 'Cypher console' }).click();
    const editor = page.getByRole('textbox', { name: /Cypher query/ });
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('MATCH (n) DETACH DELETE n');
    await page.keyboard.press('Control+Enter');
    await page.locator('.console-error').waitFor();
    expect(await page.locator('.console-error').textContent()).toMatch(/Error 403.*read-only.*DELETE/s);
  });

  it('from a publish folder on a plain static server: the same', async () => {
    await runGalleryQuery(staticUrl, '15-console-published.png');
    // The page knows it is a published site and asks no API: nothing answers 404, nothing goes wrong.
    expect(problems).toEqual([]);
  });
});
