/**
 * Noun-phrase candidates for concepts and tasks, from part-of-speech tags: runs of modifiers ending
 * in a noun ("transformer-based multi-task learning"), joined across "of" ("mixture of experts").
 * Every sub-phrase that could name a thing is kept with its key; which ones become concepts is a
 * corpus-level decision (resolve), since a phrase is a concept because papers share it.
 */
import { stemWord, wordKey } from './stem.ts';
import type { AnalysedText, Token, Word } from './text.ts';
import { DESCRIPTIVE_MODIFIERS, FILLER_NOUNS, GENERIC_MODIFIERS, PREPOSITIONAL_PARTICIPLES, TASK_HEADS, WEAK_HEADS } from './vocabulary.ts';

export interface PhraseCandidate {
  key: string;
  /** Token range in the analysed text. */
  first: number;
  last: number;
  words: number;
  /** A "<modifier> <noun>" pair whose modifier may name a paradigm ("multi-task" in "multi-task model"). */
  modifierKey?: string;
  /**
   * The phrase stands alone here: nothing but generic words before it in its noun phrase, nothing
   * but a weak head ("framework") after it. "language processing" inside "natural language
   * processing" does not; "multi-task learning" in "a novel multi-task learning framework" does.
   */
  standalone?: boolean;
  /** First word is an adjective, participle or hyphenated compound (a paradigm name's shape). */
  adjectival?: boolean;
  /** Found by dropping one inner modifier ("graph convolutional neural networks" -> "graph neural networks"). */
  gapped?: boolean;
  /** Written with a free-standing "of" ("mixture of experts"), not as one compound. */
  ofForm?: boolean;
}

const NOMINAL = new Set(['NOUN', 'PROPN']);
const MODIFIER = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM']);

/**
 * What the tests below ask of a token's spelling, as bits: each is a regex or a word-list lookup,
 * asked several times per token for every sub-phrase it is part of, so they are worked out once per
 * spelling and kept on its shared record (text.ts Word). The tag (pos) is the token's own.
 */
const WORD = 1; // letters, digits, apostrophes and hyphens, starting with a letter or digit; not a bare number
const GENERIC = 2; // generic modifier, filler noun, descriptive modifier or "state-of-the-art"
const DESCRIPTIVE = 4;
const WEAK = 8; // a weak head ("framework"), also as its stem ("frameworks")
const OPENS_COMPLEMENT = 16;
const ADJECTIVE_PART = 32; // ends in an adjective-making second part ("-based", "-scale")
const PARTICIPLE_FORM = 64; // ends in -ing or -ed, longer than four letters
const ING = 128;
const HYPHEN = 256;
const TASK_HEAD = 512;

/** "second-order", "task-specific", "large-scale": hyphenated adjectives modify; they head no term. */
const ADJECTIVE_SECOND_PARTS = /-(order|level|scale|based|like|wise|specific|aware|free|oriented|driven|grained|agnostic|dependent|invariant|intensive|centric|guided|conditioned|dimensional)$/;

function shapeFlags(text: string, lower: string): number {
  let f = 0;
  if (/^[A-Za-z0-9][A-Za-z0-9'-]*$/.test(text) && !/^\d+$/.test(text)) f |= WORD;
  if (GENERIC_MODIFIERS.has(lower) || FILLER_NOUNS.has(lower) || DESCRIPTIVE_MODIFIERS.has(lower) || /of-?the-?art/.test(lower)) f |= GENERIC;
  if (DESCRIPTIVE_MODIFIERS.has(lower)) f |= DESCRIPTIVE;
  if (WEAK_HEADS.has(lower) || WEAK_HEADS.has(stemWord(lower))) f |= WEAK;
  // "physicians including diagnosis": a participle used as a preposition opens a complement, whatever the tagger calls it.
  if (PREPOSITIONAL_PARTICIPLES.has(lower)) f |= OPENS_COMPLEMENT;
  if (ADJECTIVE_SECOND_PARTS.test(lower)) f |= ADJECTIVE_PART;
  if (/(ing|ed)$/.test(lower) && lower.length > 4) f |= PARTICIPLE_FORM;
  if (lower.endsWith('ing')) f |= ING;
  if (text.includes('-')) f |= HYPHEN;
  if (TASK_HEADS.has(lower)) f |= TASK_HEAD;
  return f;
}

const shape = (t: Token): number => {
  const w = t.word;
  return w.phraseShape >= 0 ? w.phraseShape : (w.phraseShape = shapeFlags(w.text, w.lower));
};
const has = (t: Token, flag: number) => (shape(t) & flag) !== 0;

const isWord = (t: Token) => has(t, WORD);
/** Gerunds and participles act as nouns and modifiers in terms: "learning", "pre-trained". */
const isParticiple = (t: Token) => t.pos === 'VERB' && has(t, PARTICIPLE_FORM);
const isHead = (t: Token) => (shape(t) & (WORD | OPENS_COMPLEMENT | ADJECTIVE_PART)) === WORD && (NOMINAL.has(t.pos) || (isParticiple(t) && has(t, ING)));
/** A participle with its own object or complement is a verb: "a dataset consisting of", "comprising 10,729". */
/** (Not any preposition: "multi-task learning with ..." is a term before its complement.) */
const OBJECT_START = new Set(['DET', 'NUM', 'PRON']);
const startsClause = (t: Token, next: Token | undefined) =>
  isParticiple(t) && !has(t, TASK_HEAD) && next !== undefined && (OBJECT_START.has(next.pos) || next.lower === 'of');
const canModify = (t: Token) => (shape(t) & (WORD | OPENS_COMPLEMENT)) === WORD && (MODIFIER.has(t.pos) || isParticiple(t) || has(t, HYPHEN));
const isGenericWord = (t: Token) => has(t, GENERIC);
/** A weak head ("framework", "frameworks"): what comes after a term without changing it. */
const isWeakHead = (t: Token) => has(t, WEAK);
/** May this word start a phrase of `words` words? */
const canStart = (t: Token, words: number) => (has(t, DESCRIPTIVE) ? words >= 3 : !isGenericWord(t));

/** Words in a run; "Mixture-of-Experts" counts as the three words it is, "multi-task" as one. */
function wordCount(tokens: readonly Token[], a: number, b: number): number {
  let n = 0;
  for (let i = a; i <= b; i++) {
    const text = tokens[i]!.text;
    let parts = 1;
    for (let k = text.indexOf('-'); k >= 0; k = text.indexOf('-', k + 1)) parts++;
    n += parts >= 3 ? parts : 1;
  }
  return n;
}

/**
 * "higher resolution images", "low dimensional subspace": a comparative right before, or a
 * descriptive adjective before an adjective, grades the phrase's first word, so this occurrence is
 * cut from a longer phrase. A term is also written without one, so only fragments are lost.
 */
function gradesFirstWord(before: Token, first: Token): boolean {
  const base = before.lower.replace(/(er|est)$/, '');
  const comparative = base !== before.lower && [base, `${base}e`, base.replace(/(.)\1$/, '$1')].some((b) => DESCRIPTIVE_MODIFIERS.has(b));
  return comparative || (DESCRIPTIVE_MODIFIERS.has(before.lower) && first.pos === 'ADJ');
}

function standsAlone(tokens: readonly Token[], first: number, a: number, b: number, last: number): boolean {
  for (let i = first; i < a; i++) if (!isGenericWord(tokens[i]!)) return false;
  if (a > first && gradesFirstWord(tokens[a - 1]!, tokens[a]!)) return false;
  for (let i = b + 1; i <= last; i++) if (!isWeakHead(tokens[i]!)) return false;
  return true;
}

/** Maximal chunks [first, last] of modifiers ending in a head, within one sentence. */
export function nounChunks(t: AnalysedText): [number, number][] {
  const chunks: [number, number][] = [];
  const { tokens } = t;
  let i = 0;
  while (i < tokens.length) {
    if (!canModify(tokens[i]!) && !isHead(tokens[i]!)) {
      i++;
      continue;
    }
    let j = i;
    // A gerund opening a run is a verb ("Revisiting in-context learning"), not a modifier.
    if (tokens[i]!.pos === 'VERB' && has(tokens[i]!, ING) && tokens[i + 1] && (canModify(tokens[i + 1]!) || isHead(tokens[i + 1]!))) {
      i++;
      continue;
    }
    while (
      j + 1 < tokens.length &&
      tokens[j + 1]!.sentence === tokens[i]!.sentence &&
      (canModify(tokens[j + 1]!) || isHead(tokens[j + 1]!)) &&
      !startsClause(tokens[j + 1]!, tokens[j + 2])
    )
      j++;
    let last = j;
    while (last >= i && !isHead(tokens[last]!)) last--;
    if (last >= i) chunks.push([i, last]);
    i = j + 1;
  }
  // "mixture of experts", "chain of thought": a short chunk, "of", a chunk.
  const joined: [number, number][] = [];
  for (let c = 0; c < chunks.length; c++) {
    const [a, b] = chunks[c]!;
    const next = chunks[c + 1];
    // "orders of magnitude", "number of parameters" are measures, not terms.
    if (next && next[0] === b + 2 && tokens[b + 1]!.lower === 'of' && b - a <= 1 && next[1] - next[0] <= 1 && !isGenericWord(tokens[b]!)) joined.push([a, next[1]]);
  }
  return [...chunks, ...joined];
}

/** A spelling's share of a phrase key, asked for every sub-phrase it is part of. */
export const spellingKey = (w: Word): string => (w.stemKey ??= wordKey(w.text));
const tokenKey = (t: Token) => spellingKey(t.word);

/** The keys of curated task and method names: phrases that are kept even as one word or after a filler word. */
export interface CuratedKeys {
  has(key: string): boolean;
  /** Whether some curated key ends with the key of a word spelled so (see tokenKey). Every
   *  sub-phrase of a head ends with the head's key, so one question per head spares the lookups of
   *  all its sub-phrases' keys when none can match. */
  mayEndWith(w: Word): boolean;
  /** Whether some curated key starts with the key of a word spelled so: asked of a sub-phrase's
   *  first word before its whole key is built and looked up. */
  mayStartWith(w: Word): boolean;
}

/** The key of the sub-phrase tokens[a..b]. A module function, not a closure made per head: this
 *  runs for every sub-phrase of every chunk. */
function spanKey(tokens: Token[], a: number, b: number): string {
  let k = '';
  for (let i = a; i <= b; i++) k += tokenKey(tokens[i]!);
  return k;
}

/** Whether tokens[a..b] spell a curated name; the first word is asked before the key is built. */
function isCurated(curated: CuratedKeys, tokens: Token[], a: number, b: number): boolean {
  return curated.mayStartWith(tokens[a]!.word) && curated.has(spanKey(tokens, a, b));
}

const EVERY_KEY: CuratedKeys = { has: () => true, mayEndWith: () => true, mayStartWith: () => true };

/** Sub-phrases of every chunk that could name a concept or task, with their keys. */
export function phraseCandidates(t: AnalysedText, curated: CuratedKeys = EVERY_KEY, maxWords = 4): PhraseCandidate[] {
  const out: PhraseCandidate[] = [];
  const { tokens } = t;
  for (const [first, last] of nounChunks(t)) {
    for (let b = last; b >= first; b--) {
      const head = tokens[b]!;
      const nominal = isHead(head);
      // Every sub-phrase ending at b ends with the head's key: when no curated key does, none is curated.
      const mayBeCurated = nominal && curated.mayEndWith(head.word);
      if (!nominal && !has(head, ADJECTIVE_PART)) continue;
      // A one-word modifier before any noun may name a paradigm ("multi-task" in "multi-task
      // fashion", also before a compound adjective: "multi-task list-wise ranking"); resolve
      // decides whether "<modifier> learning" is one.
      if (b > first && !isGenericWord(tokens[b - 1]!) && isWord(tokens[b - 1]!))
        out.push({ key: spanKey(tokens, b - 1, b), first: b - 1, last: b, words: 2, modifierKey: tokenKey(tokens[b - 1]!) });
      if (!nominal) continue;
      // "function f", "graph G": a variable, not a term.
      if (isGenericWord(head) || isWeakHead(head) || head.text.length < 2) {
        // A curated name may end in a filler word: "sentiment analysis", "principal component analysis".
        for (let a = b - 1; a >= Math.max(first, b - maxWords + 1); a--) {
          if (mayBeCurated && isCurated(curated, tokens, a, b)) out.push({ key: spanKey(tokens, a, b), first: a, last: b, words: wordCount(tokens, a, b), standalone: standsAlone(tokens, first, a, b, last) });
        }
        continue;
      }
      for (let a = b; a >= Math.max(first, b - maxWords + 1); a--) {
        const start = tokens[a]!;
        // "D images" from "2D images" split by the tokenizer: a lone letter starts no term.
        if (start.lower === 'of' || start.text.length < 2) continue;
        // A filler word starts no term, unless the whole is a curated name ("question answering").
        if (!canStart(start, b - a + 1) && (a === b || !(mayBeCurated && isCurated(curated, tokens, a, b)))) continue;
        if (a < b && tokens[a + 1]!.lower === 'of' && a + 1 === b) continue;
        const n = wordCount(tokens, a, b);
        const key = spanKey(tokens, a, b);
        // One word is a concept only if it names a known task ("summarization"); most single
        // words are too vague to link papers, and skipping them halves the work.
        if (n === 1 && !(mayBeCurated && curated.mayStartWith(start.word) && curated.has(key))) continue;
        const adjectival = start.pos === 'ADJ' || isParticiple(start) || has(start, HYPHEN);
        let ofForm = false;
        for (let i = a + 1; i < b; i++) if (tokens[i]!.lower === 'of') ofForm = true;
        out.push({ key, first: a, last: b, words: n, adjectival, standalone: standsAlone(tokens, first, a, b, last), ...(ofForm ? { ofForm } : {}) });
      }
      // A curated name whose first word the tagger took for a verb ("to face alignment").
      for (let a = first - 1; a >= 0 && a >= b - maxWords + 1; a--) {
        if (!isWord(tokens[a]!) || tokens[a]!.sentence !== head.sentence) break;
        if (mayBeCurated && isCurated(curated, tokens, a, b)) out.push({ key: spanKey(tokens, a, b), first: a, last: b, words: wordCount(tokens, a, b), standalone: true });
      }
      // "graph convolutional neural networks" also says "graph neural networks".
      if (b - first >= 2) {
        for (let skip = first + 1; skip < b; skip++) {
          const a = first;
          if (!canStart(tokens[a]!, b - a) || b - a > maxWords) continue;
          out.push({ key: spanKey(tokens, a, skip - 1) + spanKey(tokens, skip + 1, b), first: a, last: b, words: b - a, gapped: true });
        }
      }
    }
  }
  return out;
}
