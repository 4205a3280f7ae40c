/**
 * The explorer's edge cases in a real Chromium: a paper title made of HTML, a snapshot that cannot be
 * read, an empty corpus. Uses the hand-written fixture (the demo corpus has no hostile title).
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { XSS_TITLE } from '../fixtures/explorer-snapshot.ts';
import { launchChromium, watchProblems } from './browser.ts';
import { SCREENSHOTS, type Served, requireBuiltApp, serve, writeSnapshot } from './harness.ts';
import { openExplorer } from './page-helpers.ts';

let browser: Browser;
const servers: Served[] = [];
let page: Page;
let problems: string[];
let dialogs: string[];

async function serveText(text?: string): Promise<string> {
  const s = await serve(writeSnapshot(text));
  servers.push(s);
  return s.url;
}

beforeAll(async () => {
  requireBuiltApp();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  for (const s of servers) await s.stop();
});
beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  problems = watchProblems(page);
  dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
});
afterEach(async () => {
  await page.close();
});

describe('explorer edge cases', () => {
  it('renders a title with HTML in it as text', async () => {
    const url = await serveText();
    await openExplorer(page, `${url}?node=paper%3Axss`);
    expect(await page.locator('.details h2').textContent()).toBe(XSS_TITLE);
    await page.getByRole('combobox', { name: /Search papers/ }).fill('onerror');
    await page.getByRole('option').first().waitFor();
    expect(await page.getByRole('option').first().textContent()).toContain(XSS_TITLE);
    // The paper also shows up in KILT's list: as text there too.
    await page.goto(`${url}?node=benchmark%3Akilt`);
    await page.getByRole('list', { name: 'Papers linked to KILT' }).waitFor();
    expect(await page.getByRole('list', { name: 'Papers linked to KILT' }).textContent()).toContain(XSS_TITLE);
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, '07-html-title.png') });
  });

  it('says clearly when the snapshot cannot be read', async () => {
    const url = await serveText('{"nodes": [ this is not json');
    await page.goto(url);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.locator('h1').textContent()).toBe('The graph snapshot cannot be read');
    expect(await alert.locator('.message').textContent()).toMatch(/^graph\.json: not JSON/);
    await page.screenshot({ path: join(SCREENSHOTS, '08-broken.png') });
  });

  it('explains an empty corpus instead of showing an empty map', async () => {
    const empty = new Graph();
    empty.replaceAttributes({ schemaVersion: 1, generator: 'test', clusters: [] });
    const url = await serveText(JSON.stringify(empty.export()));
    await page.goto(url);
    await page.getByRole('status').filter({ hasText: 'no papers' }).waitFor();
    expect(problems).toEqual([]);
  });
});
