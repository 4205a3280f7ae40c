/**
 * The static search index of `papergraph publish` at scale: its size on disk against search.tsv
 * (the baseline it is built from), its largest file, the time to build it against the time to
 * read search.tsv in the same run, and what one search and one look-up download.
 *
 * The map comes from BENCH_PUBLISH_DIR (a snapshot folder with map/, e.g. a generated 1M map),
 * else a generated map of BENCH_PUBLISH_PAPERS papers (default 100,000) in a temporary folder.
 * Queries are drawn (seeded) from the map's own names: a paper title's first 30 characters, its
 * first word, its first two words, its rarest word, an entity's name, and a word nothing holds.
 * Each is also asked of the server's search over search.tsv: the hits must agree (but for words
 * found only inside other words, which the index does not find). BENCH_PUBLISH_QUERIES sets how
 * many queries of each kind (default 20).
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../../src/analyze/rng.ts';
import { MAX_CANDIDATES, queryWords, rankName } from '../../src/model/map-rank.ts';
import { StaticMapSearch, indexWords } from '../../src/model/map-search-index.ts';
import { MapSearch } from '../../src/server/map-search.ts';
import { publishMap, readSearchRows } from '../../src/store/map/publish-map.ts';
import { writeMap } from '../../src/store/map/write-map.ts';
import { writeMapSnapshot } from './map/snapshot.ts';

const kb = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MiB`;
/** Queries of each kind (BENCH_PUBLISH_QUERIES, default 20). */
const PER_KIND = Number(process.env.BENCH_PUBLISH_QUERIES ?? 20);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'pg-bench-publish-'));
  try {
    let dir = process.env.BENCH_PUBLISH_DIR;
    if (!dir) {
      const papers = Number(process.env.BENCH_PUBLISH_PAPERS ?? 100_000);
      dir = join(scratch, 'snapshot');
      console.log(`generating a map of ${papers.toLocaleString('en')} papers (set BENCH_PUBLISH_DIR to use one)`);
      await writeMapSnapshot(dir, papers);
      await writeMap(dir);
    }
    const tsv = join(dir, 'map', 'search.tsv');
    let t = performance.now();
    const rows = await readSearchRows(tsv);
    const readMs = performance.now() - t;
    const site = join(scratch, 'site');
    t = performance.now();
    const published = (await publishMap(dir, site))!;
    const buildMs = performance.now() - t;
    const index = join(site, 'map', 'index');
    const sizes = (sub: string) => readdirSync(join(index, sub)).map((f) => statSync(join(index, sub, f)).size);
    const shards = sizes('s');
    const buckets = sizes('l');
    const manifestBytes = statSync(join(index, 'manifest.json')).size;
    const tsvBytes = statSync(tsv).size;
    console.log(`search.tsv (baseline): ${rows.length.toLocaleString('en')} names, ${mb(tsvBytes)}; read in ${(readMs / 1000).toFixed(1)} s`);
    console.log(`index: ${published.indexFiles.toLocaleString('en')} files, ${mb(published.indexBytes)} (${(published.indexBytes / tsvBytes).toFixed(1)}x search.tsv); built and written in ${(buildMs / 1000).toFixed(1)} s (${(buildMs / readMs).toFixed(1)}x the read)`);
    console.log(`  manifest ${kb(manifestBytes)}; ${shards.length.toLocaleString('en')} search shards, median ${kb(median(shards))}, largest ${kb(Math.max(...shards))}; ${buckets.length.toLocaleString('en')} locate buckets, median ${kb(median(buckets))}, largest ${kb(Math.max(...buckets))}`);

    const rand = seededRandom(3);
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
    const papers = rows.filter((r) => r.kind === 'Paper');
    const entities = rows.filter((r) => r.kind !== 'Paper');
    const counts = new Map<string, number>();
    for (const r of rows) for (const w of new Set(indexWords(r.name))) counts.set(w, (counts.get(w) ?? 0) + 1);
    const kinds: [string, () => string][] = [
      ['title, first 30 characters', () => pick(papers).name.slice(0, 30)],
      ['first word of a title', () => pick(papers).name.split(/\s+/)[0]!],
      ['first two words of a title', () => pick(papers).name.split(/\s+/).slice(0, 2).join(' ')],
      ['rarest word of a title', () => indexWords(pick(papers).name).sort((a, b) => counts.get(a)! - counts.get(b)!)[0]!],
      ['an entity name', () => (entities.length ? pick(entities).name : pick(papers).name)],
      ['a word nothing holds', () => 'qzxjv'],
    ];
    const server = new MapSearch(tsv);
    // Past MAX_CANDIDATES matching names both sides rank only the first ones they meet, not the same ones.
    let disagree = 0;
    let asked = 0;
    let capped = 0;
    for (const [label, make] of kinds) {
      const bytes: number[] = [];
      const files: number[] = [];
      for (let i = 0; i < PER_KIND; i++) {
        const q = make();
        const search = new StaticMapSearch((p) => readFile(join(index, p), 'utf8'));
        const hits = await search.search(q, 20);
        files.push(search.fetched.length);
        bytes.push(manifestBytes + search.fetched.reduce((s, f) => s + statSync(join(index, f)).size, 0));
        const key = (await search.keyOf(q))?.word;
        const expected = key === undefined ? [] : (await server.search(q, 100)).filter((h) => indexWords(h.name).some((w) => w.startsWith(key))).slice(0, 20);
        const words = queryWords(q);
        if (rows.filter((r) => rankName(r.name.toLowerCase(), words) >= 0).length >= MAX_CANDIDATES) {
          capped++;
          continue;
        }
        asked++;
        if (JSON.stringify(hits) !== JSON.stringify(expected)) disagree++;
      }
      console.log(`search, ${label.padEnd(28)} files fetched median ${median(files)}, max ${Math.max(...files)}; bytes (manifest included) median ${kb(median(bytes))}, max ${kb(Math.max(...bytes))}`);
    }
    console.log(`hits that differ from the server's (words inside other words aside): ${disagree} of ${asked} searches; ${capped} more matched over ${MAX_CANDIDATES.toLocaleString('en')} names, where both rank only the first they meet`);
    const located = new StaticMapSearch((p) => readFile(join(index, p), 'utf8'));
    const id = pick(papers).id;
    const hit = await located.locate(id);
    console.log(`locate ${id}: ${hit ? `leaf ${hit.leaf}` : 'not found'}, ${kb(manifestBytes + statSync(join(index, located.fetched[0]!)).size)} fetched (manifest included)`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
