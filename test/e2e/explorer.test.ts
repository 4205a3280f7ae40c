/**
 * The explorer in a real Chromium, against the built app served by `papergraph serve` on the demo
 * corpus snapshot (ingested by the real CLI). Screenshots go to test/e2e/screenshots/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium, watchProblems } from './browser.ts';
import { SCREENSHOTS, type Served, ingestCorpus, requireBuiltApp, serve } from './harness.ts';
import { cameraState, nodePagePosition, openExplorer, paintedPixels, visiblePaperCount } from './page-helpers.ts';

let browser: Browser;
let server: Served;
let context: BrowserContext;
let page: Page;
let problems: string[];
let snapshot: { nodes: Array<{ key: string; attributes: { kind: string; name: string } }> };

beforeAll(async () => {
  requireBuiltApp();
  const dir = await ingestCorpus();
  snapshot = JSON.parse(readFileSync(join(dir, 'graph.json'), 'utf8'));
  server = await serve(dir);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  problems = watchProblems(page);
});

afterEach(async () => {
  // Every test also checks that nothing broke on the page: no script error, no CSP violation.
  expect(problems).toEqual([]);
  await context.close();
});

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });

describe('the explorer on the demo corpus', () => {
  it('renders the clustered map with all 58 papers', async () => {
    await openExplorer(page, server.url);
    const papers = snapshot.nodes.filter((n) => n.attributes.kind === 'Paper');
    expect(papers).toHaveLength(58);
    expect(await visiblePaperCount(page)).toBe(58);
    await expect.poll(() => page.getByTestId('paper-count').textContent()).toBe('58 papers shown');
    const painted = await paintedPixels(page);
    expect(painted.nodes).toBeGreaterThan(2000);
    expect(painted.labels).toBeGreaterThan(200);
    const legend = page.getByRole('region', { name: 'Clusters' });
    expect(await legend.getByRole('checkbox').count()).toBeGreaterThan(1);
    await shot('01-map');
  });

  it('searching "KILT" and choosing it lists the papers evaluated on KILT with their evidence', async () => {
    await openExplorer(page, server.url);
    await page.keyboard.press('Tab');
    const search = page.getByRole('combobox', { name: /Search papers/ });
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('KILT');
    const option = page.getByRole('option').filter({ hasText: /^Benchmark KILT$/ });
    await option.waitFor();
    await option.click();
    await expect.poll(() => page.locator('#details-title').textContent()).toBe('KILT');
    const list = page.getByRole('list', { name: 'Papers linked to KILT' });
    const items = list.getByRole('listitem');
    const n = await items.count();
    expect(n).toBeGreaterThanOrEqual(2);
    const kiltPapers = await page.evaluate(() => {
      const { graph } = window.papergraph!;
      return graph.filterNeighbors('benchmark:kilt', (_, a) => a.kind === 'Paper').length;
    });
    expect(n).toBe(kiltPapers);
    // Each paper shows the sentence that links it, its mention of KILT (by name or alias) marked.
    const names = await page.evaluate(() => {
      const a = window.papergraph!.graph.getNodeAttributes('benchmark:kilt') as { name: string; aliases: string[] };
      return [a.name, ...a.aliases];
    });
    const norm = (x: string) => x.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    for (let i = 0; i < n; i++) {
      const mark = norm((await items.nth(i).locator('blockquote mark').textContent())!);
      expect(names.map(norm), mark).toContain(mark);
    }
    expect(new URL(page.url()).searchParams.get('node')).toBe('benchmark:kilt');
    await page.waitForTimeout(600);
    await shot('02-kilt');
  });

  it('clicking a paper shows its abstract with the linked mentions highlighted', async () => {
    await openExplorer(page, `${server.url}?node=benchmark%3Akilt`);
    // A KILT paper whose abstract (not only its title) mentions KILT.
    const target = await page.evaluate(() => {
      const { graph } = window.papergraph!;
      for (const e of graph.edges('benchmark:kilt')) {
        const paper = graph.opposite('benchmark:kilt', e);
        const a = graph.getEdgeAttributes(e);
        const ev = 'evidence' in a ? a.evidence.find((x) => x.field === 'abstract') : undefined;
        if (ev) return { title: graph.getNodeAttribute(paper, 'name'), surface: ev.surface };
      }
      return null;
    });
    expect(target).not.toBeNull();
    const link = page.getByRole('list', { name: 'Papers linked to KILT' }).locator('.node-link', { hasText: target!.title });
    await link.click();
    await expect.poll(() => page.locator('#details-title').textContent()).toBe(target!.title);
    const mentions = page.locator('.abstract .mention');
    expect(await mentions.count()).toBeGreaterThanOrEqual(2);
    expect(await mentions.allTextContents()).toContain(target!.surface);
    await shot('03-paper');
    await mentions.filter({ hasText: target!.surface }).first().click();
    await expect.poll(() => page.locator('#details-title').textContent()).toBe('KILT');
    await page.goBack();
    await expect.poll(() => page.locator('#details-title').textContent()).toBe(target!.title);
  });

  it('a kind filter changes the visible count and hides those nodes on the map', async () => {
    await openExplorer(page, server.url);
    const count = page.getByTestId('visible-count');
    const before = Number((await count.textContent())!.match(/Showing (\d+)/)![1]);
    const concepts = snapshot.nodes.filter((n) => n.attributes.kind === 'Concept').length;
    expect(concepts).toBeGreaterThan(0);
    await page.getByRole('checkbox', { name: /^Concept\b/ }).uncheck();
    await expect.poll(async () => Number((await count.textContent())!.match(/Showing (\d+)/)![1])).toBe(before - concepts);
    const shownConcepts = await page.evaluate(() => {
      const { sigma, graph } = window.papergraph!;
      return graph.filterNodes((n, a) => a.kind === 'Concept' && !sigma.getNodeDisplayData(n)?.hidden).length;
    });
    expect(shownConcepts).toBe(0);
    expect(new URL(page.url()).searchParams.get('hideKinds')).toBe('Concept');
    await shot('04-filtered');
  });

  it('hovering a node highlights its neighbourhood and fades the rest', async () => {
    await openExplorer(page, server.url);
    const hub = await page.evaluate(() => {
      const { graph } = window.papergraph!;
      let best = '';
      graph.forEachNode((n, a) => {
        if (a.kind === 'Benchmark' && (!best || graph.degree(n) > graph.degree(best))) best = n;
      });
      return best;
    });
    const at = await nodePagePosition(page, hub);
    await page.mouse.move(at.x, at.y);
    const colours = () =>
      page.evaluate((id) => {
        const { sigma, graph } = window.papergraph!;
        const neighbour = graph.neighbors(id)[0]!;
        const other = graph.findNode((n) => n !== id && !graph.areNeighbors(n, id))!;
        return { neighbour: sigma.getNodeDisplayData(neighbour)!.color, other: sigma.getNodeDisplayData(other)!.color };
      }, hub);
    await expect.poll(async () => (await colours()).other).toBe('#e3e5e8');
    expect((await colours()).neighbour).not.toBe('#e3e5e8');
    await page.mouse.move(5, 5);
    await expect.poll(async () => (await colours()).other).not.toBe('#e3e5e8');
    await page.mouse.move(at.x, at.y);
    await expect.poll(async () => (await colours()).other).toBe('#e3e5e8');
    await shot('05-hover');
  });

  it('a copied URL reproduces the view in a new page, and back/forward walk through it', async () => {
    await openExplorer(page, server.url);
    await page.getByRole('checkbox', { name: /Task/ }).uncheck();
    await page.getByRole('combobox', { name: /Search papers/ }).fill('MTEB');
    await page.getByRole('option').first().click();
    const heading = await page.locator('#details-title').textContent();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    // The camera is written to the URL once it rests: wait until the URL holds the camera as it is now.
    const urlRatio = () => Number(new URL(page.url()).searchParams.get('camera')?.split(',')[2]);
    await expect.poll(async () => Math.abs(urlRatio() - (await cameraState(page)).ratio), { timeout: 10_000 }).toBeLessThan(1e-3);
    const url = page.url();
    const camera = await cameraState(page);
    const count = await page.getByTestId('visible-count').textContent();

    const second = await context.newPage();
    const secondProblems = watchProblems(second);
    await openExplorer(second, url);
    expect(await second.locator('#details-title').textContent()).toBe(heading);
    expect(await second.getByTestId('visible-count').textContent()).toBe(count);
    expect(await second.getByRole('checkbox', { name: /Task/ }).isChecked()).toBe(false);
    expect(await second.getByRole('combobox', { name: /Search papers/ }).inputValue()).toBe('MTEB');
    const restored = await cameraState(second);
    expect(restored.ratio).toBeCloseTo(camera.ratio, 3);
    expect(restored.x).toBeCloseTo(camera.x, 3);
    await second.screenshot({ path: join(SCREENSHOTS, '06-restored.png') });
    expect(secondProblems).toEqual([]);

    await page.goBack(); // before the selection
    await expect.poll(() => page.locator('.details h2').count()).toBe(0);
    await page.goBack(); // before the kind filter
    await expect.poll(() => page.getByRole('checkbox', { name: /Task/ }).isChecked()).toBe(true);
    await page.goForward();
    await expect.poll(() => page.getByRole('checkbox', { name: /Task/ }).isChecked()).toBe(false);
  });

  it('exports a PNG of the view and a GEXF of the graph', async () => {
    await openExplorer(page, server.url);
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()]);
    const pngBytes = readFileSync((await png.path())!);
    expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
    expect(pngBytes.length).toBeGreaterThan(20_000);
    const [gexf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export GEXF' }).click()]);
    const xml = readFileSync((await gexf.path())!, 'utf8');
    expect(xml).toContain('<gexf');
    expect(xml.match(/<node /g)?.length).toBe(snapshot.nodes.length);
  });
});
