/**
 * The whole-field search behind GET /api/map/search: every paper title and entity name of the map
 * (map/search.tsv), held as plain arrays and scanned per query, so it answers from the first
 * second without Neo4j and without the browser loading anything. Read once, again when the file changes.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { MapSearchHit } from '../model/map.ts';

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
    const words = text.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
    if (words.length === 0) return [];
    const ix = await this.load();
    const phrase = words.join(' ');
    const found: { i: number; rank: number }[] = [];
    for (let i = 0; i < ix.lower.length; i++) {
      const name = ix.lower[i]!;
      if (!words.every((w) => name.includes(w))) continue;
      const rank = name === phrase ? 0 : name.startsWith(phrase) ? 1 : name.includes(` ${words[0]}`) || name.startsWith(words[0]!) ? 2 : 3;
      found.push({ i, rank });
      // Enough exact and prefix hits: the rest could only rank lower.
      if (found.length >= 5000) break;
    }
    found.sort((a, b) => a.rank - b.rank || Number(ix.kinds[a.i] === 'Paper') - Number(ix.kinds[b.i] === 'Paper') || ix.names[a.i]!.length - ix.names[b.i]!.length || a.i - b.i);
    return found.slice(0, limit).map(({ i }) => ({ id: ix.ids[i]!, name: ix.names[i]!, kind: ix.kinds[i]!, leaf: ix.leaves[i]!, ...(ix.years[i] !== undefined ? { year: ix.years[i] } : {}) }));
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
    const [kind, id, leaf, year, name] = line.split('\t');
    if (!kind || !id || name === undefined) continue;
    ix.kinds.push(kind);
    if (!ix.rowOf.has(id)) ix.rowOf.set(id, ix.ids.length);
    ix.ids.push(id);
    ix.leaves.push(leaf ?? '');
    ix.years.push(year ? Number(year) : undefined);
    ix.names.push(name);
    ix.lower.push(name.toLowerCase());
  }
  return ix;
}
