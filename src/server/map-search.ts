/**
 * The whole-field search behind GET /api/map/search: every paper title and entity name of the map
 * (map/search.tsv), held as plain arrays and scanned per query, so it answers from the first
 * second without Neo4j and without the browser loading anything. Read once, again when the file changes.
 * Ranked by model/map-rank.ts, as a published site's static index is.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { MapSearchHit } from '../model/map.ts';
import { parseSearchLine } from '../model/map-search-index.ts';
import { MAX_CANDIDATES, type RankedRow, compareRanked, queryWords, rankName } from '../model/map-rank.ts';

interface Index {
  mtimeMs: number;
  kinds: string[];
  ids: string[];
  leaves: string[];
  years: (number | undefined)[];
  names: string[];
  lower: string[];
  /** Row of each id, so a look-up does not scan every row. */
  rowOf: Map<string, number>;
}

export class MapSearch {
  private index: Promise<Index> | null = null;

  constructor(private readonly file: string) {}

  async search(text: string, limit: number): Promise<MapSearchHit[]> {
    const words = queryWords(text);
    if (words.length === 0) return [];
    const ix = await this.load();
    const found: RankedRow[] = [];
    for (let i = 0; i < ix.lower.length; i++) {
      const rank = rankName(ix.lower[i]!, words);
      if (rank < 0) continue;
      found.push({ row: i, kind: ix.kinds[i]!, name: ix.names[i]!, rank });
      if (found.length >= MAX_CANDIDATES) break;
    }
    found.sort(compareRanked);
    return found.slice(0, limit).map(({ row: i }) => ({ id: ix.ids[i]!, name: ix.names[i]!, kind: ix.kinds[i]!, leaf: ix.leaves[i]!, ...(ix.years[i] !== undefined ? { year: ix.years[i] } : {}) }));
  }

  /** The node with this id, to open the clusters that hold it (a deep link, a link in the details). */
  async locate(id: string): Promise<MapSearchHit | null> {
    const ix = await this.load();
    const i = ix.rowOf.get(id);
    return i === undefined ? null : { id, name: ix.names[i]!, kind: ix.kinds[i]!, leaf: ix.leaves[i]!, ...(ix.years[i] !== undefined ? { year: ix.years[i] } : {}) };
  }

  private async load(): Promise<Index> {
    const info = await stat(this.file);
    const current = await this.index?.catch(() => null);
    if (current && current.mtimeMs === info.mtimeMs) return current;
    this.index = readIndex(this.file, info.mtimeMs);
    return this.index;
  }
}

async function readIndex(file: string, mtimeMs: number): Promise<Index> {
  const ix: Index = { mtimeMs, kinds: [], ids: [], leaves: [], years: [], names: [], lower: [], rowOf: new Map() };
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    const r = parseSearchLine(line);
    if (!r) continue;
    ix.kinds.push(r.kind);
    if (!ix.rowOf.has(r.id)) ix.rowOf.set(r.id, ix.ids.length);
    ix.ids.push(r.id);
    ix.leaves.push(r.leaf);
    ix.years.push(r.year);
    ix.names.push(r.name);
    ix.lower.push(r.name.toLowerCase());
  }
  return ix;
}
