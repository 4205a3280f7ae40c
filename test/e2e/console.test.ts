/**
 * The Cypher console in a real Chromium, against `papergraph serve` talking to the real test Neo4j
 * loaded with the demo corpus by `papergraph ingest --neo4j`; and against a server whose Neo4j is
 * unreachable, where the console must say so and the explorer keep working.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lockDatabase, testEnv } from '../integration/neo4j-helpers.ts';
import { launchChromium, watchProblems } from './browser.ts';
import { SCREENSHOTS, type Served, ingestCorpus, requireBuiltApp, serve } from './harness.ts';
import { openExplorer, paintedPixels, visiblePaperCount } from './page-helpers.ts';

let browser: Browser;
let server: Served;
let offline: Served;
let release: (() => void) | undefined;
let page: Page;
let problems: string[];

beforeAll(async () => {
  requireBuiltApp();
  // The database is shared with the Neo4j suites: hold it while this suite reads it.
  release = await lockDatabase();
  const dir = await ingestCorpus({ neo4jEnv: testEnv() });
  server = await serve(dir, testEnv());
  offline = await serve(dir, { NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_USER: 'neo4j', NEO4J_PASSWORD: 'none' });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await offline?.stop();
  release?.();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  problems = watchProblems(page);
});

afterEach(async () => {
  await page.close();
});

async function openConsole(url: string): Promise<void> {
  await openExplorer(page, url);
  await page.getByRole('button', { name: 'Cypher console' }).click();
  await page.getByRole('textbox', { name: /Cypher query/ }).waitFor();
}

async function typeQuery(text: string, params: string): Promise<void> {
  const editor = page.getByRole('textbox', { name: /Cypher query/ });
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
  await page.getByLabel('Parameters (JSON)').fill(params);
  await page.keyboard.press('Escape'); // close any completion popup
  await editor.click();
}

const positions = (p: Page) =>
  p.evaluate(() => {
    const { graph } = window.papergraph!;
    return graph.mapNodes((n, a) => `${n}@${a.x},${a.y}`).sort();
  });

describe('the Cypher console with Neo4j', () => {
  it('runs a typed query with Ctrl+Enter, shows the rows and lights the result up on the map without moving it', async () => {
    await openConsole(server.url);
    const before = await positions(page);
    await typeQuery('MATCH (p:Paper)-[r:EVALUATED_ON|INTRODUCES]->(b:Benchmark {name: $name})\nRETURN p.title AS paper, p, r, b', '{"name": "KILT"}');
    await page.keyboard.press('Control+Enter');
    const summary = page.getByTestId('result-summary');
    await summary.waitFor();
    const rows = page.getByRole('table', { name: 'Query results' }).locator('tbody tr');
    const expected = await page.evaluate(() => {
      const { graph } = window.papergraph!;
      return graph.filterNeighbors('benchmark:kilt', (_, a) => a.kind === 'Paper').length;
    });
    expect(await rows.count()).toBe(expected);
    const lit = await page.evaluate(() => {
      const { sigma, graph } = window.papergraph!;
      const papers = graph.filterNeighbors('benchmark:kilt', (_, a) => a.kind === 'Paper');
      const other = graph.findNode((n, a) => a.kind === 'Paper' && !papers.includes(n))!;
      return {
        kilt: sigma.getNodeDisplayData('benchmark:kilt')!.highlighted,
        papers: papers.map((n) => sigma.getNodeDisplayData(n)!.highlighted),
        other: sigma.getNodeDisplayData(other)!.color,
      };
    });
    expect(lit.kilt).toBe(true);
    expect(lit.papers.every(Boolean)).toBe(true);
    expect(lit.other).toBe('#e3e5e8');
    expect(await positions(page)).toEqual(before);
    await page.waitForTimeout(800); // labels are hidden while the camera flies to the result
    await page.screenshot({ path: join(SCREENSHOTS, '10-console-result.png') });
    const painted = await paintedPixels(page);
    expect(painted.nodes, JSON.stringify(await page.evaluate(() => window.papergraph!.sigma.getCamera().getState()))).toBeGreaterThan(500);

    // Sorting, CSV, and a row selecting its node.
    const header = page.getByRole('columnheader', { name: /paper/ });
    await header.getByRole('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const titles = await rows.locator('td:first-child').allTextContents();
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })));
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.split('\r\n')[0]).toBe('paper,p,r,b');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(expected + 1);
    await rows.first().click();
    await expect.poll(() => page.locator('#details-title').textContent()).toBe(titles[0]);
    expect(problems).toEqual([]);
  });

  it('runs a query from the gallery with its parameters', async () => {
    await openConsole(server.url);
    await page.getByRole('navigation', { name: 'Example queries' }).getByRole('button', { name: 'papers on benchmark' }).click();
    expect(await page.getByLabel('Parameters (JSON)').inputValue()).toContain('KILT');
    await page.getByRole('button', { name: /^Run/ }).click();
    await page.getByTestId('result-summary').waitFor();
    expect(await page.getByRole('table', { name: 'Query results' }).locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('.cm-content').textContent()).toContain('MATCH');
    await page.screenshot({ path: join(SCREENSHOTS, '11-console-gallery.png') });
    expect(problems).toEqual([]);
  });

  it('shows a syntax error in the console, with its position, and the map stays', async () => {
    await openConsole(server.url);
    await typeQuery('MATCH (p:Paper RETURN p', '');
    await page.keyboard.press('Control+Enter');
    const alert = page.locator('.console-error');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Error 400/);
    expect(await alert.textContent()).toMatch(/line \d+, column \d+/);
    expect(await visiblePaperCount(page)).toBe(58);
    await page.screenshot({ path: join(SCREENSHOTS, '12-console-error.png') });
    // The 400 is the only console message; nothing broke on the page.
    expect(problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
  });

  it('refuses a write and says so', async () => {
    await openConsole(server.url);
    await typeQuery("CREATE (:Paper {title: 'injected'})", '');
    await page.keyboard.press('Control+Enter');
    await page.locator('.console-error').waitFor();
    expect(await page.locator('.console-error').textContent()).toMatch(/Error 403/);
  });
});

describe('the Cypher console without Neo4j', () => {
  it('says plainly that Cypher needs a Neo4j and how to get one; the explorer keeps working', async () => {
    await openConsole(offline.url);
    const warning = page.locator('.console-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/Cypher needs a Neo4j/);
    expect(await warning.textContent()).toMatch(/neo4j:start|NEO4J_URI/);
    await page.keyboard.press('Escape');
    await page.getByRole('textbox', { name: /Cypher query/ }).click();
    await page.keyboard.press('Control+Enter');
    await page.locator('.console-error').waitFor();
    expect(await page.locator('.console-error').textContent()).toMatch(/Error 503/);
    expect(await visiblePaperCount(page)).toBe(58);
    await page.getByRole('checkbox', { name: /^Concept\b/ }).uncheck();
    await expect.poll(() => page.getByTestId('count-Concept').textContent()).toMatch(/^0\//);
    await page.screenshot({ path: join(SCREENSHOTS, '13-console-no-neo4j.png') });
  });
});
