/**
 * The map of a published site in a real Chromium: the real 2,700-paper corpus ingested by the real
 * CLI, written out by `papergraph publish`, and served by a plain file server on 127.0.0.1 (Node's
 * http and fs only, nothing of papergraph's server). The map opens, a search reaches a paper whose
 * cluster is not loaded through the static index, and a gallery query run by the console's
 * built-in engine is lit on the map through the index's locate buckets. No request goes to an API.
 * Expected values are computed here from the snapshot's own files.
 */
import { execFile } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MapTop } from '../../src/model/map.ts';
import { launchChromium, watchProblems } from './browser.ts';
import { REAL_CORPUS, REPO, SCREENSHOTS, ingestCorpus, requireBuiltApp } from './harness.ts';
import { litClusters, mostUsedDataset, openExplorer, runPapersOnBenchmark } from './page-helpers.ts';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.tsv': 'text/tab-separated-values; charset=utf-8', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json' };

let browser: Browser;
let files: Server;
let siteUrl: string;
let context: BrowserContext;
let page: Page;
let problems: string[];
let dir: string;
let site: string;
let top: MapTop;
let search: { kind: string; id: string; leaf: string; year?: number; name: string }[];
/** Paths the file server was asked for, in order. */
const asked: string[] = [];

/** Files under `root` as they are, 404 for anything else: what any static host does. */
function fileServer(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    asked.push(path);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root + sep)) return void res.writeHead(403).end();
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
    );
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` })));
}

beforeAll(async () => {
  requireBuiltApp();
  dir = await ingestCorpus({ inputs: REAL_CORPUS });
  top = JSON.parse(readFileSync(join(dir, 'map', 'top.json'), 'utf8'));
  search = readFileSync(join(dir, 'map', 'search.tsv'), 'utf8').split('\n').filter(Boolean).map((l) => {
    const [kind, id, leaf, year, name] = l.split('\t') as [string, string, string, string, string];
    return { kind, id, leaf, ...(year ? { year: Number(year) } : {}), name };
  });
  site = mkdtempSync(join(tmpdir(), 'papergraph-site-map-'));
  await promisify(execFile)(process.execPath, [join(REPO, 'bin', 'papergraph.js'), 'publish', dir, '--out', site], { cwd: REPO });
  const served = await fileServer(site);
  files = served.server;
  siteUrl = served.url;
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => (files ? files.close(done) : done(undefined)));
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  problems = watchProblems(page);
  asked.length = 0;
});

afterEach(async () => {
  expect(problems).toEqual([]);
  // A published site has no API, and the page knows it: it never asks one.
  expect(asked.filter((p) => p.startsWith('/api/'))).toEqual([]);
  await context.close();
});

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
const shownClusters = () => page.evaluate(() => window.papergraph!.graph.filterNodes((n) => n.startsWith('cluster:')));

describe('the map of a published site on a plain static server', () => {
  it('opens on the fields of the map', async () => {
    await openExplorer(page, `${siteUrl}?map=1`);
    expect(top.papers).toBeGreaterThan(2500);
    expect((await shownClusters()).sort()).toEqual(top.clusters.map((c) => `cluster:${c.id}`).sort());
    await expect.poll(async () => (await page.evaluate(() => window.papergraphLabels ?? [])).length).toBeGreaterThan(10);
    // The top level only: no cluster file, no shard of the index, until they are needed.
    expect(asked).toContain('/map/top.json');
    expect(asked.filter((p) => p.startsWith('/map/c/') || p.startsWith('/map/index/'))).toEqual([]);
    await page.waitForTimeout(500);
    await shot('published-map-01-top');
  });

  it('finds a paper whose cluster is not loaded from the static index, opens its way to it and shows its details', async () => {
    await openExplorer(page, `${siteUrl}?map=1`);
    const paper = search.find((s) => s.kind === 'Paper' && s.leaf.includes('.') && s.name.length > 30)!;
    expect(await page.evaluate((id) => window.papergraph!.graph.hasNode(id), paper.id)).toBe(false);
    await page.getByRole('searchbox', { name: 'Search the whole field' }).fill(paper.name.slice(0, 30));
    const results = page.getByRole('list', { name: 'Search results' });
    await results.waitFor();
    await page.waitForTimeout(300);
    await shot('published-map-02-search-results');
    // The index's manifest and the shards of one word of the query, not the whole index.
    const shards = asked.filter((p) => p.startsWith('/map/index/s/'));
    expect(asked).toContain('/map/index/manifest.json');
    expect(shards.length).toBeGreaterThan(0);
    const manifest = JSON.parse(readFileSync(join(site, 'map', 'index', 'manifest.json'), 'utf8')) as { shards: unknown[] };
    expect(shards.length).toBeLessThanOrEqual(4);
    expect(manifest.shards.length).toBeGreaterThan(50);
    await results.getByRole('button', { name: paper.name }).first().click();
    await page.getByRole('heading', { level: 2, name: paper.name }).waitFor();
    expect(await page.evaluate((id) => window.papergraph!.graph.hasNode(id), paper.id)).toBe(true);
    const params = await page.evaluate(() => Object.fromEntries(new URL(location.href).searchParams));
    expect(params.node).toBe(paper.id);
    expect(params.open!.split(',')).toContain(paper.leaf);
    expect(asked).toContain(`/map/c/${paper.leaf}.json`);
    await page.waitForTimeout(800);
    await shot('published-map-03-after-search');
    // The link opens the same view again: the node is found through the locate buckets.
    asked.length = 0;
    await openExplorer(page, page.url());
    await page.getByRole('heading', { level: 2, name: paper.name }).waitFor();
  });

  it('runs a gallery query with the built-in engine and lights the fields holding its result', async () => {
    const { name, links, papers, fields } = mostUsedDataset(dir, new Map(search.map((s) => [s.id, s.leaf])));
    await openExplorer(page, `${siteUrl}?map=1`);
    await runPapersOnBenchmark(page, name, 90_000);
    expect(await page.getByTestId('result-engine').textContent()).toBe('answered by the built-in engine');
    expect(await page.getByRole('table', { name: 'Query results' }).locator('tbody tr').count()).toBe(links.length);
    await expect.poll(() => page.getByTestId('result-on-map').textContent(), { timeout: 20_000 }).toContain(`${papers.size + 1} in ${fields.size} unopened cluster`);
    expect((await litClusters(page)).sort()).toEqual([...fields].sort());
    // Located through the buckets of the index, not its search shards.
    expect(asked.filter((p) => p.startsWith('/map/index/l/')).length).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    await shot('published-map-04-cypher-lit');
  });
});
