/**
 * Acronym definitions, "Multi-Task Learning (MTL)", found with the algorithm of Schwartz and
 * Hearst, "A simple algorithm for identifying abbreviation definitions in biomedical text"
 * (PSB 2003): the short form's letters must appear, in order, in the words before the
 * parenthesis, its first letter starting a word.
 */
import { perSpelling, type AnalysedText } from './text.ts';

export interface AcronymDefinition {
  /** The short form as written, without a plural "s" ("KILTs" -> "KILT"). */
  short: string;
  /** Token range of the long form. */
  longFirst: number;
  longLast: number;
  /** Token index of the short form. */
  shortToken: number;
}

function isShortForm(s: string): boolean {
  return s.length >= 2 && s.length <= 12 && /^[A-Za-z]/.test(s) && /[A-Z]/.test(s) && !/\s/.test(s) && /^[A-Za-z0-9\-+/&.]+$/.test(s);
}

/** Right-to-left character match of Schwartz & Hearst. */
function matchesLongForm(short: string, long: string): boolean {
  const s = short.toLowerCase();
  const l = long.toLowerCase();
  let si = s.length - 1;
  let li = l.length - 1;
  while (si >= 0) {
    const c = s[si]!;
    if (!/[a-z0-9]/.test(c)) {
      si--;
      continue;
    }
    while (li >= 0 && (l[li] !== c || (si === 0 && li > 0 && /[a-z0-9]/.test(l[li - 1]!)))) li--;
    if (li < 0) return false;
    si--;
    li--;
  }
  return true;
}

const JOIN = new Set(['-', '/', "'"]);

export function findAcronyms(t: AnalysedText): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  const { tokens } = t;
  for (let i = 1; i + 2 < tokens.length; i++) {
    if (tokens[i]!.text !== '(' || tokens[i + 2]!.text !== ')') continue;
    const raw = tokens[i + 1]!.text;
    if (!isShortForm(raw)) continue;
    const short = /[A-Z]s$/.test(raw) ? raw.slice(0, -1) : raw;
    const letters = short.replace(/[^A-Za-z0-9]/g, '').length;
    const maxWords = Math.min(letters + 5, letters * 2);
    const sentence = tokens[i]!.sentence;
    // Try the shortest long form first, growing leftwards, as in the paper.
    let words = 0;
    for (let j = i - 1; j >= 0 && tokens[j]!.sentence === sentence && words < maxWords; j--) {
      if (/^[A-Za-z0-9]/.test(tokens[j]!.text)) words++;
      else if (!JOIN.has(tokens[j]!.text)) break;
      const long = t.text.slice(tokens[j]!.start, tokens[i - 1]!.end);
      if (long.length <= short.length) continue;
      // A long form starts at a whole word, not inside "self-supervised".
      if (j > 0 && !tokens[j]!.spaced && JOIN.has(tokens[j - 1]!.text)) continue;
      if (/^[A-Za-z0-9]/.test(tokens[j]!.text) && tokens[j]!.text[0]!.toLowerCase() === short[0]!.toLowerCase() && matchesLongForm(short, long)) {
        out.push({ short, longFirst: j, longLast: i - 1, shortToken: i + 1 });
        break;
      }
    }
  }
  return out;
}

/** A run of capitalised words in one sentence ("Deep Linear Discriminant Analysis") and its initials ("DLDA"). */
export interface CapitalisedRun {
  words: string[];
  initials: string;
}

/** Asked of every token of a text: answered once per spelling. */
const isCapitalisedWord = perSpelling((w) => /^[A-Z][a-z]+$/.test(w.text));

/** The maximal runs of capitalised words ("Linear", not "LDA" or "linear") of a text, in order. */
export function capitalisedRuns(t: AnalysedText): CapitalisedRun[] {
  const out: CapitalisedRun[] = [];
  let run: CapitalisedRun | undefined;
  let sentence = -1;
  for (const tok of t.tokens) {
    if (!isCapitalisedWord(tok.word)) {
      run = undefined;
      continue;
    }
    if (!run || tok.sentence !== sentence) out.push((run = { words: [], initials: '' }));
    run.words.push(tok.text);
    run.initials += tok.text[0];
    sentence = tok.sentence;
  }
  return out;
}

/**
 * The first capitalised words whose initials spell `short` ("Linear Discriminant Analysis" for LDA):
 * a paper that writes one means that, whatever a gazetteer says the letters usually stand for.
 * `runs` are the texts' capitalised runs in reading order (see capitalisedRuns).
 */
export function capitalisedSpelling(runs: readonly CapitalisedRun[], short: string): string[] | undefined {
  if (!/^[A-Z]{2,6}$/.test(short)) return undefined;
  for (const run of runs) {
    const at = run.initials.indexOf(short);
    if (at >= 0) return run.words.slice(at, at + short.length);
  }
  return undefined;
}
