/**
 * A light English stemmer for comparing phrases: plurals, and the agent/noun endings that make
 * "retriever" and "retrieval" the same key. wink's Porter2 stemmer doubled the cost of analysing a
 * document and over-conflates ("general" and "generative"), so phrase keys use this instead.
 */
const cache = new Map<string, string>();

/** Words ending in s that are no plural ("lens", "news"), or whose plural ending stays. */
export const NOT_PLURALS: ReadonlySet<string> = new Set(['this', 'thus', 'has', 'was', 'is', 'its', 'us', 'gas', 'bias', 'lens', 'news', 'series', 'species', 'analysis', 'basis', 'physics', 'mathematics', 'statistics', 'linguistics', 'robotics', 'genomics', 'dynamics', 'ethics', 'graphics', 'semantics', 'metrics', 'less', 'across']);

function stemUncached(w: string): string {
  if (w.length <= 3 || !/^[a-z][a-z-]*$/.test(w) || NOT_PLURALS.has(w)) return w;
  let s = w;
  if (s.endsWith('ies') && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (/(ches|shes|sses|xes|zes)$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith('s') && !/(ss|us|is|ous)$/.test(s)) s = s.slice(0, -1);
  // Agent and result nouns of one verb (retriever, retrieval) share a key; short words such as
  // "general" are left alone.
  if (s.length >= 8 && /[^aeiou](er|al)$/.test(s)) s = s.slice(0, -2);
  return s;
}

export function stemWord(lower: string): string {
  let s = cache.get(lower);
  if (s === undefined) {
    s = stemUncached(lower);
    if (cache.size < 200_000) cache.set(lower, s);
  }
  return s;
}

/** A comparison key for a phrase: stems of its words, joined without separators, so that
 *  "multi-task", "multi task" and "Multitask" (and "Mixture-of-Experts" / "mixture of experts") meet. */
export function phraseKey(words: readonly string[]): string {
  let k = '';
  for (const w of words) k += wordKey(w);
  return k;
}

const wordKeys = new Map<string, string>();

/** One word's share of a phrase key (cached: the vocabulary of a corpus is small). */
export function wordKey(word: string): string {
  let k = wordKeys.get(word);
  if (k === undefined) {
    k = '';
    for (const part of word.toLowerCase().split(/[-‐–/]/)) if (part) k += stemWord(part).replace(/[^a-z0-9]/g, '');
    if (wordKeys.size < 200_000) wordKeys.set(word, k);
  }
  return k;
}
