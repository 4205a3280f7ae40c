/**
 * The map stage on the demo corpus through the real pipeline: every paper in exactly one leaf,
 * children inside their parent's disc and apart from each other, files that hold only the next
 * level, an adoption table that agrees with the snapshot, and the server answering the map's files
 * and its whole-field search on a real loopback socket.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterLinks } from '../../src/analyze/cluster-links.ts';
import { separateDiscs } from '../../src/analyze/discs.ts';
import { seededRandom } from '../../src/analyze/rng.ts';
import { clusterPath, type Adoption, type MapCluster, type MapClusterFile, type MapSearchHit, type MapTop } from '../../src/model/map.ts';
import type { Snapshot } from '../../src/model/snapshot.ts';
import { buildKnowledgeGraph, readRecords } from '../../src/pipeline.ts';
import { type RunningServer, startServer } from '../../src/server/server.ts';
import { Buckets } from '../../src/store/map/buckets.ts';
import { writeMap } from '../../src/store/map/write-map.ts';

const CORPUS = resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'trending-papers.txt');
let dir: string;
let snapshot: Snapshot;
let all: MapCluster[];
let server: RunningServer;
const read = <T>(file: string) => JSON.parse(readFileSync(join(dir, 'map', file), 'utf8')) as T;

beforeAll(async () => {
  const { records } = await readRecords([CORPUS]);
  snapshot = buildKnowledgeGraph(records).export() as Snapshot;
  dir = mkdtempSync(join(tmpdir(), 'papergraph-map-'));
  writeFileSync(join(dir, 'graph.json'), JSON.stringify(snapshot));
  // 58 papers: a small leaf size so that fields split into areas and topics.
  await writeMap(dir, { leafPapers: 6 });
  all = read<MapCluster[]>('clusters.json');
  server = await startServer({ snapshotDir: dir, port: 0 });
}, 120_000);

afterAll(async () => server?.close());

describe('the map of the demo corpus', () => {
  it('puts every paper in exactly one leaf, and counts papers the same at every level', () => {
    const papers = snapshot.nodes.filter((n) => n.attributes!.kind === 'Paper').map((n) => n.key);
    const leaves = all.filter((c) => c.leaf);
    const inLeaves = leaves.flatMap((c) => read<MapClusterFile>(`c/${c.id}.json`).nodes.filter((n) => n.attributes!.kind === 'Paper' && n.attributes!.leaf === c.id).map((n) => n.key));
    expect(inLeaves.sort()).toEqual(papers.sort());
    expect(all.some((c) => c.level === 2)).toBe(true);
    for (const c of all.filter((x) => !x.leaf)) {
      const children = all.filter((x) => x.parent === c.id);
      expect(children.reduce((s, x) => s + x.papers, 0)).toBe(c.papers);
    }
  });

  it('places children inside their parent and apart from each other, and their nodes inside them', () => {
    for (const c of all.filter((x) => !x.leaf)) {
      const children = all.filter((x) => x.parent === c.id);
      for (const k of children) expect(Math.hypot(k.x - c.x, k.y - c.y) + k.r).toBeLessThanOrEqual(c.r * 1.01);
      for (let i = 0; i < children.length; i++)
        for (let j = i + 1; j < children.length; j++) expect(Math.hypot(children[i]!.x - children[j]!.x, children[i]!.y - children[j]!.y)).toBeGreaterThanOrEqual((children[i]!.r + children[j]!.r) * 0.99);
    }
    for (const c of all.filter((x) => x.leaf)) for (const n of read<MapClusterFile>(`c/${c.id}.json`).nodes.filter((m) => m.attributes!.leaf === c.id)) expect(Math.hypot(n.attributes!.x - c.x, n.attributes!.y - c.y)).toBeLessThanOrEqual(c.r * 1.01);
  });

  it('writes only the next level in each file, and the fields with their links at the top', () => {
    const top = read<MapTop>('top.json');
    expect(top.clusters.map((c) => c.id)).toEqual(all.filter((c) => c.level === 1).map((c) => c.id));
    for (const l of top.links) expect(top.clusters.some((c) => c.id === l.a) && top.clusters.some((c) => c.id === l.b)).toBe(true);
    for (const c of all.filter((x) => !x.leaf)) {
      const file = read<MapClusterFile>(`c/${c.id}.json`);
      expect(file.nodes).toEqual([]);
      expect(file.children.map((k) => k.id)).toEqual(all.filter((x) => x.parent === c.id).map((x) => x.id));
    }
    expect(clusterPath('3.1.0')).toEqual(['3', '3.1', '3.1.0']);
  });

  it('counts adoption as the snapshot says: papers evaluated on a dataset per year, and the earliest one', () => {
    const adoption = read<Record<string, Adoption>>('adoption.json');
    const year = new Map(snapshot.nodes.map((n) => [n.key, (n.attributes as { year?: number }).year]));
    expect(Object.keys(adoption).length).toBeGreaterThan(3);
    for (const [id, a] of Object.entries(adoption)) {
      const papers = snapshot.edges.filter((e) => e.target === id && ['EVALUATED_ON', 'INTRODUCES'].includes(e.attributes!.type)).map((e) => e.source);
      expect(a.total).toBe(papers.length);
      const dated = papers.filter((p) => year.get(p) !== undefined);
      expect(a.years.reduce((s, [, n]) => s + n, 0)).toBe(dated.length);
      if (dated.length) expect(a.first!.year).toBe(Math.min(...dated.map((p) => year.get(p)!)));
    }
  });

  it('serves the map files and searches every paper and entity over HTTP', async () => {
    const get = async (path: string) => {
      const res = await fetch(new URL(path, server.url));
      return { status: res.status, body: await res.text() };
    };
    expect(JSON.parse((await get('/map/top.json')).body).papers).toBe(58);
    const leaf = all.find((c) => c.leaf)!;
    expect(JSON.parse((await get(`/map/c/${leaf.id}.json`)).body).cluster.id).toBe(leaf.id);
    expect((await get('/map/c/..%2F..%2Fgraph.json')).status).toBe(404);
    expect((await get('/map/search.tsv')).status).toBe(404);
    const paper = snapshot.nodes.find((n) => n.attributes!.kind === 'Paper')!;
    const words = paper.attributes!.name.split(/\s+/).slice(0, 3).join(' ');
    const hits = JSON.parse((await get(`/api/map/search?q=${encodeURIComponent(words)}`)).body).results as MapSearchHit[];
    expect(hits.map((h) => h.id)).toContain(paper.key);
    for (const h of hits) expect(h.name.toLowerCase()).toContain(words.toLowerCase().split(' ')[0]);
    const located = JSON.parse((await get(`/api/map/locate?id=${encodeURIComponent(paper.key)}`)).body).result as MapSearchHit;
    expect(located.leaf).toBe(paper.key && hits.find((h) => h.id === paper.key)!.leaf);
    expect(JSON.parse((await get('/api/map/locate?id=nothing')).body).result).toBeNull();
  });
});

describe('the map helpers', () => {
  it('separates discs so that none overlap, and keeps them inside an enclosing disc', () => {
    const rand = seededRandom(3);
    const discs = Array.from({ length: 12 }, () => ({ x: rand() * 10, y: rand() * 10, r: 5 + rand() * 5 }));
    separateDiscs(discs, rand, { gap: 0.1 });
    for (let i = 0; i < discs.length; i++) for (let j = i + 1; j < discs.length; j++) expect(Math.hypot(discs[i]!.x - discs[j]!.x, discs[i]!.y - discs[j]!.y)).toBeGreaterThanOrEqual(discs[i]!.r + discs[j]!.r);
  });

  it('gives back every line of a bucket in the order added, across writes made when a bucket passed a megabyte', async () => {
    const buckets = new Buckets<{ i: number; pad: string }>(mkdtempSync(join(tmpdir(), 'papergraph-buckets-')));
    const pad = 'x'.repeat(1000);
    const added: Record<number, number[]> = { 0: [], 3: [] };
    for (let batch = 0; batch < 5; batch++) {
      for (let k = 0; k < 700; k++) {
        const i = batch * 700 + k;
        const bucket = i % 5 === 0 ? 3 : 0;
        buckets.add(bucket, { i, pad });
        added[bucket]!.push(i);
      }
      await buckets.flushFull();
    }
    await buckets.flushAll();
    expect(buckets.keys()).toEqual([0, 3]);
    for (const bucket of [0, 3]) {
      const back: number[] = [];
      for await (const v of buckets.read(bucket)) back.push(v.i);
      expect(back).toEqual(added[bucket]);
    }
    for await (const v of buckets.read(1)) expect.unreachable(`bucket 1 received nothing, yet gave ${v.i}`);
  });

  it('links clusters by shared entities, damped by how many clusters share one, keeping the strongest', () => {
    const links = new ClusterLinks();
    for (const g of ['a', 'a', 'b', 'b']) links.addEntity('e:rare', 'rare', g);
    for (const g of ['a', 'b', 'c', 'd', 'e']) links.addEntity('e:common', 'common', g);
    const all = links.links(10);
    const ab = all.find((l) => l.a === 'a' && l.b === 'b')!;
    const cd = all.find((l) => l.a === 'c' && l.b === 'd')!;
    expect(ab.shared[0]).toBe('rare');
    expect(ab.weight).toBeGreaterThan(cd.weight);
    expect(links.links(1).length).toBeLessThan(all.length);
  });
});
