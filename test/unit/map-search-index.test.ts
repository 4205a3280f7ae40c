/**
 * The published site's static search index: written by the real publish step (publishMap) from a
 * search.tsv on disk, read back by the reader the browser runs (StaticMapSearch) through a function
 * that reads the written files, and compared with the server's own search over the same search.tsv.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MapSearchHit } from '../../src/model/map.ts';
import { type SearchIndexManifest, StaticMapSearch, buildSearchIndex, indexWords, shardFile, shardsFor } from '../../src/model/map-search-index.ts';
import { seededRandom } from '../../src/analyze/rng.ts';
import { MapSearch } from '../../src/server/map-search.ts';
import { publishMap } from '../../src/store/map/publish-map.ts';

const SHARD_BYTES = 600;
const VOCABULARY = ['graph', 'graphs', 'grammar', 'neural', 'network', 'networks', 'sparse', 'retrieval', 'vision', 'speech', 'bert', 'resnet', 'transformer', 'language', 'model', 'learning', 'deep', 'coco', 'squad'];

let snapshot: string;
let site: string;
/** The same rows with a larger bound: shards that hold several words under a shorter key. */
let wideSite: string;
let server: MapSearch;
let manifest: SearchIndexManifest;
let rows: string[][];

/** A reader over the written index, counting what it fetched, as the browser's fetch would. */
const reader = (from = () => site) => new StaticMapSearch((path) => readFile(join(from(), 'map', 'index', path), 'utf8'));

beforeAll(async () => {
  snapshot = mkdtempSync(join(tmpdir(), 'papergraph-index-snap-'));
  site = mkdtempSync(join(tmpdir(), 'papergraph-index-site-'));
  mkdirSync(join(snapshot, 'map', 'c'), { recursive: true });
  const rand = seededRandom(5);
  const pick = () => VOCABULARY[Math.floor(rand() * VOCABULARY.length)]!;
  rows = [
    ['Dataset', 'dataset:imagenet', '0.1', '', 'ImageNet'],
    ['Paper', 'paper:imagenet-classification', '0.1', '2012', 'ImageNet classification with deep convolutional networks'],
    ['Paper', 'paper:large-imagenet', '0.2', '2015', 'Large scale ImageNet training'],
    ['Paper', 'paper:beyond', '1.0', '2019', 'Beyond ImageNet: better pretraining'],
    ['Paper', 'paper:miniimagenet', '1.1', '2016', 'MiniImageNet for few-shot learning'],
    ['Concept', 'concept:etude', '1.1', '', 'Étude des réseaux neuronaux'],
    ['Paper', 'paper:zurich', '2.0', '2021', 'Zürich Straßen: größere Karten für Graphen'],
    ['Task', 'task:graph-learning', '2.0', '', 'graph learning'],
    // 'normal' inside 'renormalization', in a row that shares a shard with 'normal' by its other word.
    ['Paper', 'paper:renormalization', '2.1', '2018', 'Nonperturbative renormalization group flows'],
    ['Paper', 'paper:normal-form', '2.1', '2017', 'Normal form games'],
  ];
  for (let i = 0; i < 300; i++) rows.push(['Paper', `paper:g${i}`, `${i % 3}.${i % 4}`, String(2000 + (i % 25)), `${pick()} ${pick()} ${pick()} study ${i}`]);
  writeFileSync(join(snapshot, 'map', 'search.tsv'), rows.map((r) => `${r.join('\t')}\n`).join(''));
  writeFileSync(join(snapshot, 'map', 'membership.tsv'), 'paper:g0\t0.0\n');
  writeFileSync(join(snapshot, 'map', 'top.json'), '{"version":1}');
  writeFileSync(join(snapshot, 'map', 'adoption.json'), '{}');
  writeFileSync(join(snapshot, 'map', 'clusters.json'), '[]');
  writeFileSync(join(snapshot, 'map', 'c', '0.json'), '{}');
  const published = await publishMap(snapshot, site, SHARD_BYTES);
  expect(published!.rows).toBe(rows.length);
  wideSite = mkdtempSync(join(tmpdir(), 'papergraph-index-site-'));
  await publishMap(snapshot, wideSite, 6000);
  manifest = JSON.parse(readFileSync(join(site, 'map', 'index', 'manifest.json'), 'utf8'));
  server = new MapSearch(join(snapshot, 'map', 'search.tsv'));
});

describe('the static search index of a published site', () => {
  it("copies the map's files the explorer reads, and no more", () => {
    expect(readdirSync(join(site, 'map')).sort()).toEqual(['adoption.json', 'c', 'clusters.json', 'index', 'top.json']);
    expect(readdirSync(join(site, 'map', 'c'))).toEqual(['0.json']);
  });

  it('is cut into many files, none larger than the bound unless it is one row', () => {
    expect(manifest.shards.length).toBeGreaterThan(10);
    expect(manifest.shards.some(([, , , files]) => files > 1)).toBe(true);
    for (const dir of ['s', 'l'])
      for (const f of readdirSync(join(site, 'map', 'index', dir))) {
        const text = readFileSync(join(site, 'map', 'index', dir, f), 'utf8');
        if (text.split('\n').filter(Boolean).length > 1) expect(statSync(join(site, 'map', 'index', dir, f)).size).toBeLessThanOrEqual(SHARD_BYTES);
      }
    // Shard keys never overlap: a word belongs to one shard only.
    for (const w of new Set(rows.flatMap((r) => indexWords(r[4]!)))) expect(manifest.shards.filter(([key, exact]) => (exact ? key === w : w.startsWith(key))).length).toBe(1);
  });

  it('ranks the name itself first, then names starting with it, then a word starting with it, then the rest', async () => {
    const hits = await reader().search('imagenet', 20);
    expect(hits.map((h) => h.id)).toEqual(['dataset:imagenet', 'paper:imagenet-classification', 'paper:large-imagenet', 'paper:beyond']);
    // The server also finds 'MiniImageNet' (the word inside another word), last; the index does not.
    const onServer = await server.search('imagenet', 20);
    expect(onServer.map((h) => h.id)).toEqual([...hits.map((h) => h.id), 'paper:miniimagenet']);
  });

  it('finds the same hits in the same order as the server, but for words found only inside other words', async () => {
    const rand = seededRandom(9);
    const queries = ['normal', 'normal form', 'graph', 'gra', 'graph learning', 'neural network', 'study 12', 'deep res', 'squad bert', 'transformer language model', 'net', 'st', '2019', 'learning graph'];
    for (let i = 0; i < 40; i++) queries.push(`${VOCABULARY[Math.floor(rand() * VOCABULARY.length)]} ${VOCABULARY[Math.floor(rand() * VOCABULARY.length)]!.slice(0, 3)}`);
    let compared = 0;
    const keyedElsewhere: string[] = [];
    const wide = JSON.parse(readFileSync(join(wideSite, 'map', 'index', 'manifest.json'), 'utf8')) as SearchIndexManifest;
    expect(wide.shards.filter(([, exact]) => !exact).length).toBeGreaterThan(3);
    for (const [q, from] of queries.flatMap((q) => [[q, () => site], [q, () => wideSite]] as const)) {
      const search = reader(from);
      const key = (await search.keyOf(q))!;
      if (key.word !== indexWords(q)[0]) keyedElsewhere.push(q);
      const startsAWord = (h: MapSearchHit) => indexWords(h.name).some((w) => w.startsWith(key.word));
      const expected = (await server.search(q, 100)).filter(startsAWord);
      const got = await search.search(q, 100);
      expect(got, q).toEqual(expected.slice(0, got.length));
      expect(got.length, q).toBe(Math.min(100, expected.length));
      compared += got.length;
    }
    expect(compared).toBeGreaterThan(500);
    // 'study' is in 300 names: 'study 12' is keyed on '12', which is in few.
    expect(keyedElsewhere).toContain('study 12');
  });

  it('finds names with accents and other letters than ASCII, from any of their words', async () => {
    for (const from of [() => site, () => wideSite]) for (const q of ['étude', 'RÉSEAUX neuro', 'zürich', 'straßen', 'größere karten']) expect((await reader(from).search(q, 5)).map((h) => h.name)[0], q).toMatch(/Étude|Zürich/);
    expect((await reader().search('réseaux', 5))[0]).toEqual({ id: 'concept:etude', name: 'Étude des réseaux neuronaux', kind: 'Concept', leaf: '1.1' });
    expect((await reader().search('zürich', 5))[0]).toEqual({ id: 'paper:zurich', name: 'Zürich Straßen: größere Karten für Graphen', kind: 'Paper', leaf: '2.0', year: 2021 });
  });

  it('finds nothing for a query nothing matches, fetching no shard of any other word, and nothing for an empty query', async () => {
    const search = reader();
    // No word of the index starts with 'zebra': no shard to fetch.
    expect(await search.search('zebra', 10)).toEqual([]);
    expect(search.fetched).toEqual([]);
    expect(await search.search('zebr', 10)).toEqual([]);
    expect(await search.search('graph zebra', 10)).toEqual([]);
    expect(await search.search('graph retrieval zebra', 10)).toEqual([]);
    expect(await search.search('   ', 10)).toEqual([]);
    expect(await search.search('—', 10)).toEqual([]);
    const allowed = new Set(['zebra', 'graph'].flatMap((w) => shardsFor(manifest, w).flatMap(([, , first, n]) => Array.from({ length: n }, (_, i) => shardFile(first + i)))));
    expect(search.fetched.filter((f) => !allowed.has(f))).toEqual([]);
  });

  it('a search fetches only the shards of its first word, or of a rarer one when that is in most names', async () => {
    const filesOf = (w: string) => shardsFor(manifest, w).flatMap(([, , first, n]) => Array.from({ length: n }, (_, i) => shardFile(first + i)));
    let search = reader();
    expect((await search.search('sparse retrieval', 10)).length).toBeGreaterThan(0);
    expect(search.fetched.sort()).toEqual(filesOf('sparse').sort());
    expect(filesOf('sparse').length).toBeLessThan(manifest.shards.length / 4);
    search = reader();
    expect((await search.search('study 123', 10)).map((h) => h.id)).toEqual(['paper:g123']);
    expect(filesOf('study').length).toBeGreaterThan(4);
    expect(search.fetched.sort()).toEqual(filesOf('123').sort());
  });

  it('locates every node from the bucket of its id, as the server does, and null for an unknown id', async () => {
    const search = reader();
    for (const r of rows) expect(await search.locate(r[1]!), r[1]).toEqual(await server.locate(r[1]!));
    expect(await search.locate('paper:nowhere')).toBeNull();
    expect(search.fetched.every((f) => f.startsWith('l/'))).toBe(true);
  });

  it('refuses an index written by another version, with a message that says what to do', async () => {
    const bad = new StaticMapSearch(async () => JSON.stringify({ version: 99, rows: 0, shards: [], buckets: 1 }));
    await expect(bad.search('graph', 5)).rejects.toThrow(/version 99.*publish the site again/);
  });

  it('publishes no map for a snapshot without one, and refuses a map whose search.tsv is missing', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'papergraph-index-bare-'));
    expect(await publishMap(bare, mkdtempSync(join(tmpdir(), 'papergraph-index-site-')))).toBeNull();
    mkdirSync(join(bare, 'map'));
    writeFileSync(join(bare, 'map', 'top.json'), '{"version":1}');
    await expect(publishMap(bare, mkdtempSync(join(tmpdir(), 'papergraph-index-site-')))).rejects.toThrow(/search\.tsv is missing: run `papergraph map/);
  });

  it('an empty map gives an empty index that answers nothing', async () => {
    const empty = buildSearchIndex([]);
    const files = new Map([['manifest.json', JSON.stringify(empty.manifest)], ...empty.files()]);
    const search = new StaticMapSearch(async (p) => files.get(p) ?? Promise.reject(new Error(`no ${p}`)));
    expect(await search.search('graph', 5)).toEqual([]);
    expect(await search.locate('paper:x')).toBeNull();
  });
});
