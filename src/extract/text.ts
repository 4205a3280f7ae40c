/**
 * Tokens and sentences with character offsets, from wink-nlp's English lite model (it ships its
 * model inside its npm package, so nothing is downloaded at run time). This is the only module that
 * talks to wink; everything downstream works on these plain arrays.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { nameKey } from './name-key.ts';

/**
 * What is true of a spelling wherever it occurs: its lower case, its name key and the memos the
 * extractors keep. One record per distinct spelling, shared by every token written so; a corpus
 * repeats its words, so each is worked out once, and the shared strings keep their hashes for the
 * Map and Set lookups made on every token.
 */
export interface Word {
  text: string;
  lower: string;
  /** Name-comparison key (see name-key.ts). */
  key: string;
  /** Memo of isNameLike (datasets.ts): -1 until asked, then 0 or 1. Asked several times per token. */
  nameShape: number;
  /** Memo of the word's role cue flags (roles.ts): -1 until asked. */
  cue: number;
  /** Memo of the word's share of a phrase key (stem.ts wordKey), set when first asked. */
  stemKey: string | undefined;
  /** Memo of the word's shape flags for phrase finding (phrases.ts): -1 until asked. */
  phraseShape: number;
  /** Answers to the questions made with perSpelling, two bits each (0: not asked, 1: no, 3: yes). */
  answers: number;
}

const words = new Map<string, Word>();
/** Enough for the vocabulary of a large corpus; past it, new spellings get a record of their own. */
const MAX_WORDS = 300_000;

export function wordOf(text: string): Word {
  let w = words.get(text);
  if (w === undefined) {
    w = { text, lower: text.toLowerCase(), key: nameKey(text), nameShape: -1, cue: -1, stemKey: undefined, phraseShape: -1, answers: 0 };
    if (words.size < MAX_WORDS) words.set(text, w);
  }
  return w;
}

/** Two bits per question in a small integer: fifteen questions per process. */
const MAX_QUESTIONS = 15;
let questions = 0;

/**
 * A yes/no question about spellings whose answer depends on a table built at run time (a gazetteer
 * index's name starts, the curated term keys): each Word keeps its answer, so a corpus asks the
 * table once per spelling rather than once per token. Past fifteen such questions in a process,
 * later ones are asked afresh every time (right, only slower).
 */
export function perSpelling(ask: (w: Word) => boolean): (w: Word) => boolean {
  if (questions >= MAX_QUESTIONS) return ask;
  const shift = 2 * questions++;
  return (w) => {
    const known = (w.answers >>> shift) & 3;
    if (known !== 0) return known === 3;
    const yes = ask(w);
    w.answers |= (yes ? 3 : 1) << shift;
    return yes;
  };
}

export interface Token {
  text: string;
  start: number;
  end: number;
  /** Universal POS tag (NOUN, PROPN, ADJ, VERB, ...). */
  pos: string;
  lower: string;
  /** Name-comparison key of the token (see name-index.ts nameKey), computed once. */
  key: string;
  /** Index of the sentence this token belongs to. */
  sentence: number;
  /** Whitespace precedes the token (false inside "MS-COCO" or "(MTL"). */
  spaced: boolean;
  /** The spelling's shared record (lower, key and memos); changes with text. */
  word: Word;
}

export interface Sentence {
  start: number;
  end: number;
  /** Token index range [first, last]. */
  first: number;
  last: number;
}

export interface AnalysedText {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

/** Only what extraction reads: sentence boundaries and part-of-speech tags (wink's default pipe
 *  also runs negation, sentiment and entity recognition, which papergraph does not use). */
export const WINK_PIPE = ['sbd', 'pos'];
const nlp = winkNLP(model, WINK_PIPE as Parameters<typeof winkNLP>[1]);
const its = nlp.its;

/** A tokenizer and tagger: text in, tokens with offsets and tags out (see compare-taggers). */
export type Analyser = (text: string) => AnalysedText;

/**
 * Word records by wink's lexeme id: wink keeps one id per spelling for the life of the process, so
 * an array index finds a token's record where a Map lookup of its text cost 7% of extraction.
 */
const wordsById: (Word | undefined)[] = [];

function learnLexeme(id: number, text: string): Word {
  const w = wordOf(text);
  if (words.size < MAX_WORDS) {
    // Grown by push, not by assigning past the end, so that the array stays dense.
    while (wordsById.length <= id) wordsById.push(undefined);
    wordsById[id] = w;
  }
  return w;
}

/**
 * The spaces wink skips between tokens. Tabs and line breaks are not among them: wink makes them
 * tokens. The few characters it drops without a word (form feed, em quad) are found by the search
 * for the next token, and count as a gap too.
 */
function isSpace(c: number): boolean {
  return c === 32 || c === 0xa0 || (c >= 0x2002 && c <= 0x2005) || c === 0x2009 || c === 0x200a || c === 0x202f || c === 0x205f;
}

/** Tokenise, tag and split one text with wink-nlp. Pure apart from the shared, read-only model. */
export const analyse: Analyser = (text) => {
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  const ids = tokens.out(its.uniqueId) as unknown as number[];
  const pos = tokens.out(its.pos) as string[];
  const out: Token[] = new Array(ids.length);
  let cursor = 0;
  for (let i = 0; i < ids.length; i++) {
    const word = wordsById[ids[i]!] ?? learnLexeme(ids[i]!, tokens.itemAt(i).out());
    const w = word.text;
    // The gap before a token is the whitespace wink skipped: read from the text, which is cheaper
    // than asking wink for a string of it per token.
    const from = cursor;
    while (cursor < text.length && isSpace(text.charCodeAt(cursor))) cursor++;
    // wink is lossless for ordinary text; if it ever normalised a character, find the token again.
    if (text.startsWith(w, cursor) === false) {
      const found = text.indexOf(w, cursor);
      if (found >= 0) cursor = found;
    }
    out[i] = tokenOf(word, cursor, pos[i]!, cursor > from || i === 0);
    cursor += w.length;
  }
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const sentenceOf = new Int32Array(out.length);
  spans.forEach(([first, last], si) => sentenceOf.fill(si, first, last + 1));
  return finishAnalysis(text, out, sentenceOf);
};

export function makeToken(text: string, start: number, pos: string, spaced: boolean): Token {
  return tokenOf(wordOf(text), start, pos, spaced);
}

function tokenOf(word: Word, start: number, pos: string, spaced: boolean): Token {
  return { text: word.text, start, end: start + word.text.length, pos, key: word.key, lower: word.lower, sentence: 0, spaced, word };
}

/** A token's text changes when tokens are joined: its spelling's record changes with it. */
function respell(t: Token, text: string, end: number): void {
  const word = wordOf(text);
  t.text = word.text;
  t.end = end;
  t.lower = word.lower;
  t.key = word.key;
  t.word = word;
}

/** Shared by every analyser: join hyphen compounds and "3D", then group tokens into sentences. */
export function finishAnalysis(text: string, tokens: Token[], sentenceOf: Int32Array): AnalysedText {
  const merged = mergeHyphenCompounds(tokens, sentenceOf, text);
  const sentences: Sentence[] = [];
  merged.forEach((tok, i) => {
    const s = sentences[tok.sentence];
    if (!s) sentences[tok.sentence] = { first: i, last: i, start: tok.start, end: tok.end };
    else {
      s.last = i;
      s.end = tok.end;
    }
  });
  // Renumber in case a merge swallowed a whole sentence boundary (rare: without a gap the numbers stand).
  const dense = sentences.filter(Boolean);
  if (dense.length < sentences.length)
    dense.forEach((s, si) => {
      for (let i = s.first; i <= s.last; i++) merged[i]!.sentence = si;
    });
  return { text, tokens: merged, sentences: dense };
}

/** "1" to "4": asked of every token, so said without a regex. */
function isDimension(s: string): boolean {
  const c = s.charCodeAt(0);
  return s.length === 1 && c >= 49 && c <= 52;
}

/** A token that starts with a letter or digit: what a hyphen compound joins. */
function isWordy(t: Token | undefined): boolean {
  return !!t && /^[A-Za-z0-9]/.test(t.text);
}

/**
 * wink splits some hyphenated words ("In-context" -> In, -, context) and not others ("Multi-Task");
 * joining every unspaced word-hyphen-word run makes "few-shot", "Mixture-of-Experts" and "MS-COCO"
 * one token each, whatever wink did. The compound takes the tag of its last part.
 */
function mergeHyphenCompounds(tokens: Token[], sentenceOf: Int32Array, text: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    t.sentence = sentenceOf[i]!;
    let j = i;
    // wink splits "3D" into "3" and "D"; the dimension is one modifier ("3D face reconstruction").
    if (isDimension(t.text) && /^[Dd]$/.test(tokens[i + 1]?.text ?? '') && !tokens[i + 1]!.spaced) {
      const d = tokens[i + 1]!;
      respell(t, text.slice(t.start, d.end), d.end);
      t.pos = 'ADJ';
      out.push(t);
      i++;
      continue;
    }
    while (tokens[j + 1]?.text === '-' && !tokens[j + 1]!.spaced && isWordy(tokens[j]) && isWordy(tokens[j + 2]) && !tokens[j + 2]!.spaced) j += 2;
    if (j > i) {
      const last = tokens[j]!;
      respell(t, text.slice(t.start, last.end), last.end);
      t.pos = last.pos === 'VERB' && !/(ing|ed)$/.test(last.lower) ? 'NOUN' : last.pos;
    }
    out.push(t);
    i = j;
  }
  return out;
}
