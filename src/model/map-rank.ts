/**
 * How the whole-field search ranks names: one module for the server's search (over map/search.tsv)
 * and the published site's static index (map-search-index.ts), so both order hits the same way.
 *
 * A name matches when it contains every word of the query; it ranks by how well the query fits it:
 * the name is the query (0), starts with it (1), has a word starting with the first query word (2),
 * or only contains the words (3). Ties go to entities before papers (fewer, and what a short query
 * usually means), then to shorter names, then to the order of the rows.
 */

/** Matches beyond this many are not looked at: the rest would mostly rank among the last. */
export const MAX_CANDIDATES = 5000;

/** At most this many words of a query count: a pasted paragraph does not make a search slow. */
const MAX_WORDS = 8;

export interface RankedRow {
  /** The row's place in search.tsv: the last tie-break, the same on the server and in a published site. */
  row: number;
  kind: string;
  name: string;
  rank: number;
}

/** The query's words, lower-cased; empty when there is nothing to search for. */
export function queryWords(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
}

/** The rank of a lower-cased name for these words (see the top), or -1 when it does not match. */
export function rankName(lower: string, words: readonly string[]): number {
  if (words.length === 0 || !words.every((w) => lower.includes(w))) return -1;
  const phrase = words.join(' ');
  if (lower === phrase) return 0;
  if (lower.startsWith(phrase)) return 1;
  const first = words[0]!;
  return lower.startsWith(first) || lower.includes(` ${first}`) ? 2 : 3;
}

export function compareRanked(a: RankedRow, b: RankedRow): number {
  return a.rank - b.rank || Number(a.kind === 'Paper') - Number(b.kind === 'Paper') || a.name.length - b.name.length || a.row - b.row;
}
