/**
 * The level-of-detail map in a real Chromium, on the real 2,700-paper corpus ingested by the real
 * CLI and served by `papergraph serve` (with no Neo4j: the console's built-in engine answers): the
 * top level with labels that never overlap nor lie across another disc, opening a cluster and going
 * back up, a search that reaches a paper whose cluster is not loaded, the year filter, a dataset's
 * adoption chart, and the whole-graph view's tools in the map (map-tools.ts). Expected values are
 * computed here from the files on disk.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Adoption, MapCluster, MapTop } from '../../src/model/map.ts';
import { launchChromium, watchProblems } from './browser.ts';
import { REAL_CORPUS, SCREENSHOTS, type Served, ingestCorpus, requireBuiltApp, serve } from './harness.ts';
import { litClusters, mostUsedDataset, openExplorer, runPapersOnBenchmark } from './page-helpers.ts';

let browser: Browser;
let server: Served;
let context: BrowserContext;
let page: Page;
let problems: string[];
let dir: string;
let top: MapTop;
let search: { kind: string; id: string; leaf: string; year?: number; name: string }[];

beforeAll(async () => {
  requireBuiltApp();
  dir = await ingestCorpus({ inputs: REAL_CORPUS });
  top = JSON.parse(readFileSync(join(dir, 'map', 'top.json'), 'utf8'));
  search = readFileSync(join(dir, 'map', 'search.tsv'), 'utf8').split('\n').filter(Boolean).map((l) => {
    const [kind, id, leaf, year, name] = l.split('\t') as [string, string, string, string, string];
    return { kind, id, leaf, ...(year ? { year: Number(year) } : {}), name };
  });
  server = await serve(dir, { NEO4J_URI: '', PAPERGRAPH_NEO4J_HOME: mkdtempSync(join(tmpdir(), 'papergraph-no-neo4j-')) });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  problems = watchProblems(page);
});

afterEach(async () => {
  expect(problems).toEqual([]);
  await context.close();
});

const url = (query: string) => `${server.url.replace(/\/?(\?|$)/, '/$1')}${server.url.includes('?') ? '&' : '?'}${query}`;
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
const labels = () => page.evaluate(() => window.papergraphLabels ?? []);
const shownClusters = () => page.evaluate(() => window.papergraph!.graph.filterNodes((n) => n.startsWith('cluster:')));
const overlapping = (boxes: { x: number; y: number; w: number; h: number }[]) =>
  boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h));
/** Labels lying across a disc other than their own, with the disc they cross. */
const acrossDiscs = () =>
  page.evaluate(() => {
    const { sigma, graph } = window.papergraph!;
    const discs = graph.filterNodes((n) => n.startsWith('cluster:')).map((key) => {
      const a = graph.getNodeAttributes(key);
      const c = sigma.graphToViewport({ x: a.x, y: a.y });
      const e = sigma.graphToViewport({ x: a.x + a.size, y: a.y });
      return { key, cx: c.x, cy: c.y, r: Math.hypot(e.x - c.x, e.y - c.y) };
    });
    return (window.papergraphLabels ?? []).flatMap((b) =>
      discs.filter((d) => d.key !== b.key && Math.hypot(Math.max(b.x, Math.min(d.cx, b.x + b.w)) - d.cx, Math.max(b.y, Math.min(d.cy, b.y + b.h)) - d.cy) < d.r - 0.5).map((d) => `${b.text} / ${d.key}`),
    );
  });

async function clickCluster(id: string): Promise<void> {
  const p = await page.evaluate((key) => {
    const { sigma } = window.papergraph!;
    const a = sigma.getGraph().getNodeAttributes(key);
    const box = sigma.getContainer().getBoundingClientRect();
    const v = sigma.graphToViewport({ x: a.x as number, y: a.y as number });
    return { x: v.x + box.left, y: v.y + box.top };
  }, `cluster:${id}`);
  await page.mouse.click(p.x, p.y);
}

async function choose(text: string, name: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search the whole field' }).fill(text);
  await page.getByRole('list', { name: 'Search results' }).getByRole('button', { name }).first().click();
}

describe('the map of the real corpus', () => {
  it('opens on the fields, drawn with labels that never overlap', async () => {
    await openExplorer(page, url('map=1'));
    expect(top.papers).toBeGreaterThan(2500);
    expect((await shownClusters()).sort()).toEqual(top.clusters.map((c) => `cluster:${c.id}`).sort());
    await expect.poll(async () => (await labels()).length).toBeGreaterThan(10);
    expect(overlapping(await labels())).toEqual([]);
    expect(await acrossDiscs()).toEqual([]);
    // Wrapped, not cut: no disc's label ends in an ellipsis.
    expect((await labels()).filter((l) => l.key.startsWith('cluster:') && l.text.endsWith('…'))).toEqual([]);
    // Zoomed in and out, the labels still never overlap.
    for (const ratio of [0.4, 2]) {
      await page.evaluate((r) => window.papergraph!.sigma.getCamera().setState({ ratio: r }), ratio);
      await page.waitForTimeout(200);
      expect(overlapping(await labels())).toEqual([]);
      expect(await acrossDiscs()).toEqual([]);
    }
    await shot('map-01-top');
  });

  it('opens a cluster by clicking it, shows its next level only, and goes back up', async () => {
    await openExplorer(page, url('map=1'));
    const field = top.clusters.find((c) => !c.leaf)!;
    await clickCluster(field.id);
    await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('open'))).toBe(field.id);
    const inside = await shownClusters();
    expect(inside).not.toContain(`cluster:${field.id}`);
    expect(inside.filter((k) => k.startsWith(`cluster:${field.id}.`)).length).toBeGreaterThan(1);
    expect(inside.filter((k) => !k.startsWith(`cluster:${field.id}.`)).length).toBe(top.clusters.length - 1);
    expect(await page.evaluate(() => window.papergraph!.graph.filterNodes((_, a) => a.kind === 'Paper').length)).toBe(0);
    // Once the camera has flown in, the labels of the next level neither overlap nor cross a disc.
    await expect.poll(acrossDiscs).toEqual([]);
    expect(overlapping(await labels())).toEqual([]);
    await shot('map-02-inside-field');
    // Down the first child at each level until a leaf, with its papers and entities: the map has
    // as many levels as a leaf of at most 80 papers needs, and the trail names each of them.
    const all = JSON.parse(readFileSync(join(dir, 'map', 'clusters.json'), 'utf8')) as MapCluster[];
    const path = [field.id];
    const trail = () => page.getByRole('region', { name: 'Where you are' }).locator('li[data-cluster]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-cluster')));
    while (!all.find((c) => c.id === path.at(-1))!.leaf) {
      const child = (await shownClusters()).find((k) => k.startsWith(`cluster:${path.at(-1)}.`))!.slice('cluster:'.length);
      await clickCluster(child);
      path.push(child);
      await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('open'))).toBe(path.join(','));
      await expect.poll(trail).toEqual(path);
    }
    const leaf = all.find((c) => c.id === path.at(-1))!;
    expect(leaf.papers).toBeLessThanOrEqual(80);
    await expect.poll(() => page.evaluate(() => window.papergraph!.graph.filterNodes((_, a) => a.kind === 'Paper').length)).toBe(leaf.papers);
    await expect.poll(acrossDiscs).toEqual([]);
    expect(overlapping(await labels())).toEqual([]);
    await shot('map-03-inside-area');
    // Back up one level at a time, to the whole field.
    for (let depth = path.length - 1; depth >= 1; depth--) {
      await page.getByRole('button', { name: 'Up one level' }).click();
      await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('open'))).toBe(path.slice(0, depth).join(','));
      await expect.poll(trail).toEqual(path.slice(0, depth));
    }
    await page.getByRole('button', { name: 'Up one level' }).click();
    await expect.poll(async () => (await shownClusters()).sort()).toEqual(top.clusters.map((c) => `cluster:${c.id}`).sort());
  });

  it('finds a paper whose cluster is not loaded, opens its way to it and shows its details', async () => {
    await openExplorer(page, url('map=1'));
    const paper = search.find((s) => s.kind === 'Paper' && s.leaf.includes('.') && s.name.length > 30)!;
    const before = await page.evaluate((id) => window.papergraph!.graph.hasNode(id), paper.id);
    expect(before).toBe(false);
    await choose(paper.name.slice(0, 30), paper.name);
    await page.getByRole('heading', { level: 2, name: paper.name }).waitFor();
    expect(await page.evaluate((id) => window.papergraph!.graph.hasNode(id), paper.id)).toBe(true);
    const params = await page.evaluate(() => Object.fromEntries(new URL(location.href).searchParams));
    expect(params.node).toBe(paper.id);
    expect(params.open!.split(',')).toContain(paper.leaf);
    // The link opens the same view again.
    await openExplorer(page, page.url());
    await page.getByRole('heading', { level: 2, name: paper.name }).waitFor();
  });

  it('filters by year: discs count only the papers of those years, and opened clusters show only them', async () => {
    await openExplorer(page, url('map=1'));
    await page.getByLabel('From year').fill('2019');
    await page.getByLabel('To year').fill('2020');
    await page.getByLabel('To year').press('Enter');
    const expected = search.filter((s) => s.kind === 'Paper' && s.year !== undefined && s.year >= 2019 && s.year <= 2020);
    await expect.poll(() => page.evaluate(() => window.papergraph!.graph.reduceNodes((sum, n, a) => sum + (n.startsWith('cluster:') ? ((a as unknown as { papers: number }).papers) : 0), 0))).toBe(expected.length);
    expect(new URL(page.url()).searchParams.get('years')).toBe('2019-2020');
    const leaf = expected[0]!.leaf;
    await page.goto(url(`map=1&years=2019-2020&open=${leaf}`));
    await page.waitForSelector('html[data-rendered=true]', { state: 'attached' });
    await expect.poll(() => page.evaluate(() => window.papergraph!.graph.filterNodes((_, a) => a.kind === 'Paper').length)).toBe(expected.filter((s) => s.leaf === leaf).length);
    const years = await page.evaluate(() => window.papergraph!.graph.filterNodes((_, a) => a.kind === 'Paper').map((n) => window.papergraph!.graph.getNodeAttribute(n, 'year' as never) as number));
    expect(years.every((y) => y >= 2019 && y <= 2020)).toBe(true);
  });

  it("charts a dataset's adoption: papers per year evaluated on it, and its first paper", async () => {
    const snapshot = JSON.parse(readFileSync(join(dir, 'graph.json'), 'utf8')) as { nodes: { key: string; attributes: { name: string; year?: number } }[]; edges: { source: string; target: string; attributes: { type: string } }[] };
    const adoption = JSON.parse(readFileSync(join(dir, 'map', 'adoption.json'), 'utf8')) as Record<string, Adoption>;
    const [id, entry] = Object.entries(adoption).sort((a, b) => b[1].total - a[1].total)[0]!;
    // Counted again from the snapshot: papers evaluated on it (or introducing it), per year.
    const byId = new Map(snapshot.nodes.map((n) => [n.key, n.attributes]));
    const papers = snapshot.edges.filter((e) => e.target === id && (e.attributes.type === 'EVALUATED_ON' || e.attributes.type === 'INTRODUCES')).map((e) => byId.get(e.source)!);
    const dated = papers.filter((p) => typeof p.year === 'number');
    const firstYear = Math.min(...dated.map((p) => p.year!));
    await openExplorer(page, url('map=1'));
    await choose(entry.name, entry.name);
    const chart = page.getByRole('figure', { name: `Adoption of ${entry.name}` });
    await chart.waitFor();
    const bars = await chart.locator('rect').evaluateAll((rs) => rs.map((r) => [Number(r.getAttribute('data-year')), Number(r.getAttribute('data-papers'))]));
    const counted = new Map<number, number>();
    for (const p of dated) counted.set(p.year!, (counted.get(p.year!) ?? 0) + 1);
    expect(bars.filter(([, n]) => n! > 0)).toEqual([...counted].sort((a, b) => a[0] - b[0]));
    expect(await chart.getByTestId('first-paper').textContent()).toContain(`(${firstYear})`);
    expect(dated.filter((p) => p.year === firstYear).map((p) => p.name)).toContain(entry.first!.name);
    await shot('map-04-adoption');
    await chart.getByRole('button', { name: entry.first!.name }).click();
    await page.getByRole('heading', { level: 2, name: entry.first!.name }).waitFor();
  });

  it('runs a gallery query from its console with Ctrl+Enter: rows, and the map lit down to the papers once their clusters are opened', async () => {
    // The dataset most papers are evaluated on, and those papers, counted from the snapshot.
    const { name, links, papers, fields } = mostUsedDataset(dir, new Map(search.map((s) => [s.id, s.leaf])));
    await openExplorer(page, url('map=1'));
    await runPapersOnBenchmark(page, name, 60_000);
    expect(await page.getByTestId('result-engine').textContent()).toBe('answered by the built-in engine');
    expect(await page.getByRole('table', { name: 'Query results' }).locator('tbody tr').count()).toBe(links.length);
    // Nothing of the result is loaded at the top level: the fields holding it are lit, and only those.
    await expect.poll(() => page.getByTestId('result-on-map').textContent()).toContain(`${papers.size + 1} in ${fields.size} unopened cluster`);
    expect((await litClusters(page)).sort()).toEqual([...fields].sort());
    await shot('map-05-cypher-lit');
    // Opening the lit clusters one level at a time reaches the papers, lit themselves.
    const depth = Math.max(...(JSON.parse(readFileSync(join(dir, 'map', 'clusters.json'), 'utf8')) as MapCluster[]).map((c) => c.level));
    for (let level = 0; level < depth; level++) {
      const button = page.getByRole('region', { name: 'Result on the map' }).getByRole('button').first();
      if (!(await button.count())) break;
      await button.click();
      await page.waitForTimeout(500);
    }
    const lit = await page.evaluate((ids) => {
      const { sigma, graph } = window.papergraph!;
      return ids.filter((id) => graph.hasNode(id)).map((id) => sigma.getNodeDisplayData(id)!.highlighted);
    }, [...papers]);
    expect(lit.length).toBeGreaterThan(0);
    expect(lit.every(Boolean)).toBe(true);
    await shot('map-06-cypher-opened');
  });

  it('exports a PNG of what is drawn and a GEXF of what is loaded', async () => {
    const leaf = search.find((s) => s.kind === 'Paper' && s.leaf.includes('.'))!.leaf;
    await openExplorer(page, url(`map=1&open=${leaf}`));
    await expect.poll(() => page.evaluate(() => window.papergraph!.graph.filterNodes((_, a) => a.kind === 'Paper').length)).toBeGreaterThan(0);
    const save = async (button: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('toolbar', { name: 'Export' }).getByRole('button', { name: button }).click()]);
      return readFileSync((await download.path())!);
    };
    const png = await save('Export PNG');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const size = { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
    const box = await page.evaluate(() => window.papergraph!.sigma.getDimensions());
    expect(size).toEqual({ width: box.width, height: box.height });
    const gexf = parseGexf(Graph, (await save('Export GEXF')).toString('utf8'));
    const loaded = await page.evaluate(() => ({ nodes: window.papergraph!.graph.nodes(), edges: window.papergraph!.graph.size }));
    expect(gexf.nodes().sort()).toEqual(loaded.nodes.sort());
    expect(gexf.size).toBe(loaded.edges);
    const paper = search.find((s) => s.kind === 'Paper' && s.leaf === leaf)!;
    expect(gexf.getNodeAttribute(paper.id, 'kind')).toBe('Paper');
    expect(gexf.getNodeAttribute(`cluster:${top.clusters.find((c) => c.id !== leaf.split('.')[0])!.id}`, 'kind')).toBe('Cluster');
  });

  it('hides a kind with the kind filter, in the URL too', async () => {
    const leaf = search.find((s) => s.kind === 'Concept' && s.leaf.includes('.'))!.leaf;
    await openExplorer(page, url(`map=1&open=${leaf}`));
    const shown = (kind: string) => page.evaluate((k) => {
      const { sigma, graph } = window.papergraph!;
      return graph.filterNodes((n, a) => a.kind === k && !sigma.getNodeDisplayData(n)!.hidden).length;
    }, kind);
    await expect.poll(() => shown('Concept')).toBeGreaterThan(0);
    const papersBefore = await shown('Paper');
    await page.getByRole('checkbox', { name: /^Concept/ }).uncheck();
    await expect.poll(() => shown('Concept')).toBe(0);
    expect(await shown('Paper')).toBe(papersBefore);
    expect(new URL(page.url()).searchParams.get('hideKinds')).toBe('Concept');
    const concepts = new Set(await page.evaluate(() => window.papergraph!.graph.filterNodes((_, a) => a.kind === 'Concept')));
    expect((await labels()).filter((l) => concepts.has(l.key))).toEqual([]);
    await openExplorer(page, page.url());
    await expect.poll(() => shown('Paper')).toBeGreaterThan(0);
    expect(await shown('Concept')).toBe(0);
  });
});
