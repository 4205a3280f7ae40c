/** Type-ahead search over every node's name and aliases (MiniSearch: prefix + fuzzy). */
import MiniSearch from 'minisearch';
import type { SnapshotGraph } from './graph-types.ts';

export interface SearchHit {
  id: string;
  name: string;
  kind: string;
}

interface Doc {
  id: string;
  name: string;
  aliases: string;
  kind: string;
}

export interface NodeSearch {
  search(query: string, limit?: number): SearchHit[];
}

/** The index is built on the first search, so a large graph draws first and indexes later. */
export function buildSearch(graph: SnapshotGraph): NodeSearch {
  let index: MiniSearch<Doc> | null = null;
  return {
    search(query, limit = 10) {
      const q = query.trim();
      if (!q) return [];
      index ??= indexGraph(graph);
      const exact = q.toLowerCase();
      return index
        .search(q)
        .map((r) => ({ id: String(r.id), name: r.name as string, kind: r.kind as string, score: r.score }))
        // An exact name match comes first, whatever its length (searching "KILT" must offer KILT first).
        .sort((a, b) => Number(b.name.toLowerCase() === exact) - Number(a.name.toLowerCase() === exact) || b.score - a.score)
        .slice(0, limit)
        .map(({ id, name, kind }) => ({ id, name, kind }));
    },
  };
}

function indexGraph(graph: SnapshotGraph): MiniSearch<Doc> {
  const index = new MiniSearch<Doc>({
    fields: ['name', 'aliases'],
    storeFields: ['name', 'kind'],
    searchOptions: { prefix: true, fuzzy: 0.2, boost: { name: 2 }, combineWith: 'AND' },
  });
  const docs: Doc[] = [];
  graph.forEachNode((id, a) => {
    docs.push({ id, name: a.name, aliases: 'aliases' in a && Array.isArray(a.aliases) ? a.aliases.join(' ; ') : '', kind: a.kind });
  });
  index.addAll(docs);
  return index;
}
