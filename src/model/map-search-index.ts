/**
 * The whole-field search of a published site, which has no server: search.tsv cut into small
 * static files the browser fetches only as a search needs them (`map/index/` of the site).
 *
 *   manifest.json  the shards: which words each holds and which files hold it; the locate buckets
 *   s/<n>.tsv      search shards: every row having a word that starts with the shard's key
 *   l/<n>.tsv      locate buckets: every row whose id hashes to the bucket
 *
 * A row is listed in the shard of each of its words, so a search fetches the shard of one query
 * word (its first, as a rule) and ranks what it holds with model/map-rank.ts, as the server does:
 * the same hits in the same order, except names that hold that word only inside another word
 * ("net" in "ResNet"), which the server finds (ranked last) and the index does not.
 *
 * Pure: building returns the files to write, and reading takes a function that fetches a file.
 */
import type { MapSearchHit } from './map.ts';
import { MAX_CANDIDATES, type RankedRow, compareRanked, queryWords, rankName } from './map-rank.ts';

export const SEARCH_INDEX_VERSION = 1;

/**
 * Most bytes of rows in one file. A search fetches one or two shards, so this bounds what a search
 * downloads whatever the size of the field: a shard whose words are more than this is split by
 * their next letter, and one word's rows that are still more are cut into several files. 96 KiB
 * (some 1,500 rows, a few tens of ms on a slow link) keeps a 1M-paper map to some thousands of
 * files, which any file host takes.
 */
export const SHARD_BYTES = 96 * 1024;

/** A search whose first word needs more files than this is keyed on its rarest word instead; files are fetched this many at once. */
const FILES_PER_SEARCH = 4;

/** One row of search.tsv, with its place there (the ranking's last tie-break). */
export interface SearchRow {
  row: number;
  kind: string;
  id: string;
  leaf: string;
  year?: number;
  name: string;
}

/** A shard: its key, whether it holds that word only (1) or every word starting with it (0), its first file and its number of files. */
export type ShardEntry = [key: string, exact: 0 | 1, first: number, files: number];

export interface SearchIndexManifest {
  version: number;
  rows: number;
  /** Sorted by key. */
  shards: ShardEntry[];
  /** Number of locate buckets (l/0.tsv ... l/<n-1>.tsv). */
  buckets: number;
}

/** The words of a name or query as the index keys them: letters and digits, lower-cased. */
export function indexWords(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** FNV-1a over the id's UTF-16 code units: the same bucket in Node and in the browser. */
export function idBucket(id: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % buckets;
}

/** One line of map/search.tsv (kind, id, leaf, year, name), or null for a line without kind, id and name; the server's search and publish read it the same way. */
export function parseSearchLine(line: string): Omit<SearchRow, 'row'> | null {
  const [kind, id, leaf, year, name] = line.split('\t');
  if (!kind || !id || name === undefined) return null;
  return { kind, id, leaf: leaf ?? '', ...(year ? { year: Number(year) } : {}), name };
}

export function rowLine(r: SearchRow): string {
  return `${r.row}\t${r.kind}\t${r.id}\t${r.leaf}\t${r.year ?? ''}\t${r.name}\n`;
}

export function parseRows(text: string, file: string): SearchRow[] {
  const rows: SearchRow[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const [row, kind, id, leaf, year, name] = line.split('\t');
    if (name === undefined || !/^\d+$/.test(row!)) throw new Error(`${file}: not a search index row: ${JSON.stringify(line.slice(0, 80))}`);
    rows.push({ row: Number(row), kind: kind!, id: id!, leaf: leaf!, ...(year ? { year: Number(year) } : {}), name });
  }
  return rows;
}

export const shardFile = (n: number) => `s/${n}.tsv`;
export const bucketFile = (n: number) => `l/${n}.tsv`;

/** The index of these rows (in search.tsv order): the manifest, and each file's path and text, one at a time. */
export function buildSearchIndex(rows: readonly SearchRow[], shardBytes = SHARD_BYTES): { manifest: SearchIndexManifest; files(): Generator<[string, string]> } {
  const lines = rows.map(rowLine);
  const bytes = lines.map(utf8Length);
  // Each word's rows, in row order, and the bytes they take.
  const byWord = new Map<string, { rows: number[]; bytes: number }>();
  rows.forEach((r, i) => {
    for (const w of new Set(indexWords(r.name))) {
      const entry = byWord.get(w) ?? byWord.set(w, { rows: [], bytes: 0 }).get(w)!;
      entry.rows.push(i);
      entry.bytes += bytes[i]!;
    }
  });
  const words = [...byWord.keys()].sort(byCodeUnits);
  const groups: { key: string; exact: 0 | 1; words: string[] }[] = [];
  const split = (lo: number, hi: number, key: string) => {
    let total = 0;
    for (let i = lo; i < hi; i++) total += byWord.get(words[i]!)!.bytes;
    if (total <= shardBytes || hi - lo === 1) {
      // One word alone is its own (exact) shard, so a longer query word does not fetch its neighbours.
      if (hi - lo === 1) groups.push({ key: words[lo]!, exact: 1, words: [words[lo]!] });
      else groups.push({ key, exact: 0, words: words.slice(lo, hi) });
      return;
    }
    // Sorted, the word equal to the key comes first; the rest go by their next letter.
    let i = lo;
    if (words[i] === key) groups.push({ key, exact: 1, words: [words[i++]!] });
    while (i < hi) {
      const next = key + words[i]![key.length]!;
      let j = i;
      while (j < hi && words[j]!.startsWith(next)) j++;
      split(i, j, next);
      i = j;
    }
  };
  if (words.length) split(0, words.length, '');

  // Each shard's rows (a row once, though several of its words fall in the shard), cut into files.
  const shardRows = groups.map((g) => [...new Set(g.words.flatMap((w) => byWord.get(w)!.rows))].sort((a, b) => a - b));
  const cuts = shardRows.map((r) => cut(r, bytes, shardBytes));
  const shards: ShardEntry[] = [];
  let fileNo = 0;
  groups.forEach((g, i) => {
    shards.push([g.key, g.exact, fileNo, cuts[i]!.length]);
    fileNo += cuts[i]!.length;
  });
  const totalBytes = bytes.reduce((a, b) => a + b, 0);
  // Ids hash unevenly into buckets: half-full on average keeps the fullest near the bound.
  const buckets = Math.max(1, Math.ceil((2 * totalBytes) / shardBytes));
  const manifest: SearchIndexManifest = { version: SEARCH_INDEX_VERSION, rows: rows.length, shards, buckets };
  return {
    manifest,
    *files() {
      let n = 0;
      for (const parts of cuts) for (const part of parts) yield [shardFile(n++), part.map((i) => lines[i]).join('')];
      const inBucket: number[][] = Array.from({ length: buckets }, () => []);
      rows.forEach((r, i) => inBucket[idBucket(r.id, buckets)]!.push(i));
      for (let b = 0; b < buckets; b++) yield [bucketFile(b), inBucket[b]!.map((i) => lines[i]).join('')];
    },
  };
}

/** Rows in order, cut where a file would pass the bound. */
function cut(rows: number[], bytes: number[], bound: number): number[][] {
  const parts: number[][] = [[]];
  let size = 0;
  for (const r of rows) {
    if (size + bytes[r]! > bound && parts[parts.length - 1]!.length) {
      parts.push([]);
      size = 0;
    }
    parts[parts.length - 1]!.push(r);
    size += bytes[r]!;
  }
  return parts;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

// The key order must not depend on the locale: the manifest is searched by prefix.
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The shards a word is found in: the one whose key starts it, or, for a short word, every shard under it. */
export function shardsFor(manifest: SearchIndexManifest, word: string): ShardEntry[] {
  return manifest.shards.filter(([key, exact]) => key.startsWith(word) || (!exact && word.startsWith(key)));
}

const hitOf = (r: SearchRow): MapSearchHit => ({ id: r.id, name: r.name, kind: r.kind, leaf: r.leaf, ...(r.year !== undefined ? { year: r.year } : {}) });

/** Searches a published index; `read` fetches a file of the index folder (by its path there) as text. */
export class StaticMapSearch {
  private manifestFile: Promise<SearchIndexManifest> | null = null;
  private readonly loaded = new Map<string, Promise<SearchRow[]>>();
  /** Files fetched so far, for the bench and the tests: what searching cost. */
  readonly fetched: string[] = [];

  constructor(private readonly read: (path: string) => Promise<string>) {}

  async search(text: string, limit: number): Promise<MapSearchHit[]> {
    const words = queryWords(text);
    if (!words.length) return [];
    const key = await this.keyOf(text);
    if (!key) return [];
    const found = new Map<number, RankedRow & { r: SearchRow }>();
    for (let i = 0; i < key.files.length && found.size < MAX_CANDIDATES; i += FILES_PER_SEARCH) {
      const batch = await Promise.all(key.files.slice(i, i + FILES_PER_SEARCH).map((f) => this.file(f)));
      for (const rows of batch)
        for (const r of rows) {
          if (found.has(r.row)) continue;
          const rank = rankName(r.name.toLowerCase(), words);
          // A shard under a short key also holds names that have the word only inside another
          // ('renormalization' beside 'nonperturbative'): left out, so what is found does not
          // depend on how the index happened to be cut.
          if (rank >= 0 && indexWords(r.name).some((w) => w.startsWith(key.word))) found.set(r.row, { row: r.row, kind: r.kind, name: r.name, rank, r });
        }
    }
    return [...found.values()].sort(compareRanked).slice(0, limit).map(({ r }) => hitOf(r));
  }

  /**
   * The word a search is keyed on, and the files it fetches: the first word's shards, unless those
   * are many and another word's are fewer (a first word in most names, "learning", would fetch much
   * of the index; a rarer word of the query finds the same names, since a hit holds every word).
   * A name is found when this word begins one of its words.
   */
  async keyOf(text: string): Promise<{ word: string; files: string[] } | null> {
    const manifest = await this.manifest();
    const keyed = queryWords(text).map((w) => indexWords(w)[0]).filter((k): k is string => k !== undefined);
    if (!keyed.length) return null;
    const filesOf = (word: string) => ({ word, files: shardsFor(manifest, word).flatMap(([, , first, n]) => Array.from({ length: n }, (_, i) => shardFile(first + i))) });
    let chosen = filesOf(keyed[0]!);
    if (chosen.files.length > FILES_PER_SEARCH)
      for (const k of keyed.slice(1)) {
        const other = filesOf(k);
        if (other.files.length < chosen.files.length) chosen = other;
      }
    return chosen;
  }

  /** The node with this id (the first row holding it, as on the server), or null. */
  async locate(id: string): Promise<MapSearchHit | null> {
    const manifest = await this.manifest();
    const rows = await this.file(bucketFile(idBucket(id, manifest.buckets)));
    const r = rows.filter((x) => x.id === id).sort((a, b) => a.row - b.row)[0];
    return r ? hitOf(r) : null;
  }

  private manifest(): Promise<SearchIndexManifest> {
    this.manifestFile ??= this.read('manifest.json').then((text) => {
      const m = JSON.parse(text) as SearchIndexManifest;
      if (m.version !== SEARCH_INDEX_VERSION || !Array.isArray(m.shards) || !(m.buckets >= 1)) throw new Error(`search index version ${m.version}, expected ${SEARCH_INDEX_VERSION}: publish the site again`);
      return m;
    });
    this.manifestFile.catch(() => (this.manifestFile = null));
    return this.manifestFile;
  }

  private file(path: string): Promise<SearchRow[]> {
    let rows = this.loaded.get(path);
    if (!rows) {
      this.fetched.push(path);
      rows = this.read(path).then((text) => parseRows(text, path));
      rows.catch(() => this.loaded.delete(path));
      this.loaded.set(path, rows);
    }
    return rows;
  }
}
