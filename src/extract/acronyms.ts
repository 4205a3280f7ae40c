/**
 * Acronym definitions, "Multi-Task Learning (MTL)", found with the algorithm of Schwartz and
 * Hearst, "A simple algorithm for identifying abbreviation definitions in biomedical text"
 * (PSB 2003): the short form's letters must appear, in order, in the words before the
 * parenthesis, its first letter starting a word.
 */
import type { AnalysedText } from './text.ts';

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

/**
 * Runs of capitalised words whose initials spell `short` ("Linear Discriminant Analysis" for LDA):
 * a paper that writes one means that, whatever a gazetteer says the letters usually stand for.
 */
export function capitalisedSpellings(t: AnalysedText, short: string): string[][] {
  const letters = short;
  if (!/^[A-Z]{2,6}$/.test(letters)) return [];
  const out: string[][] = [];
  const { tokens } = t;
  const first = letters.charCodeAt(0);
  for (let i = 0; i + letters.length <= tokens.length; i++) {
    if (tokens[i]!.text.charCodeAt(0) !== first) continue;
    let k = 0;
    while (k < letters.length && /^[A-Z][a-z]+$/.test(tokens[i + k]!.text) && tokens[i + k]!.text[0] === letters[k] && tokens[i + k]!.sentence === tokens[i]!.sentence) k++;
    if (k === letters.length) out.push(tokens.slice(i, i + k).map((x) => x.text));
  }
  return out;
}
