/**
 * Where the unloaded nodes of a Cypher result live: each is looked up once (the server's
 * /api/map/locate, or a published site's locate buckets, through MapSource), a few at a time, and
 * the answers handed over together (node id -> its leaf cluster, or null when the map has no such
 * node). A new result starts over.
 */
import type Graph from 'graphology';
import { useEffect, useState } from 'react';
import type { CypherResult } from '../../model/api.ts';
import type { MapSource } from './map-data.ts';
import { unloadedNodes } from './map-highlight.ts';

/** More than this many result nodes outside the loaded map are not looked up (they count as elsewhere). */
export const MAX_LOOKUPS = 400;
const AT_ONCE = 6;

export function useResultPlaces(graph: Graph, result: CypherResult | null, source: MapSource): ReadonlyMap<string, string | null> {
  const [located, setLocated] = useState<ReadonlyMap<string, string | null>>(new Map());
  useEffect(() => {
    setLocated(new Map());
    if (!result) return;
    let live = true;
    const ids = unloadedNodes(graph, result);
    const queue = ids.slice(0, MAX_LOOKUPS);
    const found = new Map<string, string | null>(ids.slice(MAX_LOOKUPS).map((id) => [id, null]));
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined && live; id = queue.shift()) {
        const hit = await source.locate(id).catch(() => null);
        found.set(id, hit?.leaf ?? null);
      }
    };
    // One update when all are in: the map is re-reduced once, not once per answer.
    void Promise.all(Array.from({ length: AT_ONCE }, worker)).then(() => live && setLocated(found));
    return () => {
      live = false;
    };
    // Looked up against the map as it was when the result came; opening clusters later needs no new look-up.
  }, [result, source]);
  return located;
}
