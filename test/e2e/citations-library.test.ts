/**
 * Citations and the library in a real Chromium: a corpus fetched from the replay server with a
 * BibTeX library, served by `papergraph serve`. The paper panel lists cites and cited-by, and the
 * library panel hides new or owned papers on the map.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFetched } from '../support/citation-corpus.ts';
import { FIXTURES } from '../support/replay-server.ts';
import { launchChromium, watchProblems } from './browser.ts';
import { SCREENSHOTS, type Served, requireBuiltApp, serve } from './harness.ts';
import { openExplorer, visiblePaperCount } from './page-helpers.ts';

let browser: Browser;
let served: Served;
let page: Page;
let problems: string[];
let dpr: string;

beforeAll(async () => {
  requireBuiltApp();
  const r = await ingestFetched('openalex', ['--library', join(FIXTURES, 'library.bib')]);
  if (r.code !== 0) throw new Error(r.stderr);
  served = await serve(r.out);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  problems = watchProblems(page);
  await openExplorer(page, served.url);
  dpr = await page.evaluate(() => window.papergraph!.graph.findNode((_, a) => a.name === 'Dense Passage Retrieval for Open-Domain Question Answering')!);
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

describe('citations and the library in the explorer', () => {
  it("lists a paper's cites and cited-by in its panel", async () => {
    await openExplorer(page, `${served.url}?node=${encodeURIComponent(dpr)}`);
    const cites = page.getByRole('list', { name: 'Cites', exact: true });
    expect((await cites.getByRole('button').allTextContents()).sort()).toEqual(['Reading Wikipedia to Answer Open-Domain Questions', 'SQuAD: 100,000+ Questions for Machine Comprehension of Text']);
    const citedBy = page.getByRole('list', { name: 'Cited by' });
    expect((await citedBy.getByRole('button').allTextContents()).sort()).toEqual(['Latent Retrieval for Weakly Supervised Open Domain Question Answering', 'Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks']);
    expect(await page.getByText('and 1 paper outside this corpus').count()).toBe(1);
    expect(await page.getByText('In my library').count()).toBe(1);
    await page.getByRole('heading', { name: /^Cited by/ }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'paper-citations.png') });
  });

  it('shows owned and new papers apart, and suggests new papers on the library benchmarks', async () => {
    expect(await visiblePaperCount(page)).toBe(8);
    await page.getByRole('radio', { name: /^My library/ }).check();
    await expect.poll(() => visiblePaperCount(page)).toBe(3);
    await page.getByRole('radio', { name: /^New to me/ }).check();
    await expect.poll(() => visiblePaperCount(page)).toBe(5);
    const suggested = await page.getByRole('list', { name: 'New papers sharing a benchmark with my library' }).getByRole('button').allTextContents();
    expect(suggested.length).toBeGreaterThan(0);
    expect(suggested).not.toContain('Dense Passage Retrieval for Open-Domain Question Answering');
    await page.screenshot({ path: join(SCREENSHOTS, 'library-new-papers.png') });
    expect(problems).toEqual([]);
  });
});
