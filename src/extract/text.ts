/**
 * Tokens and sentences with character offsets, from wink-nlp's English lite model (it ships its
 * model inside its npm package, so nothing is downloaded at run time). This is the only module that
 * talks to wink; everything downstream works on these plain arrays.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { stemWord } from './stem.ts';

export interface Token {
  text: string;
  start: number;
  end: number;
  /** Universal POS tag (NOUN, PROPN, ADJ, VERB, ...). */
  pos: string;
  /** Light stem of the lowercase word (see stem.ts), used to compare phrases. */
  stem: string;
  lower: string;
  /** Index of the sentence this token belongs to. */
  sentence: number;
  /** Whitespace precedes the token (false inside "MS-COCO" or "(MTL"). */
  spaced: boolean;
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

const nlp = winkNLP(model);
const its = nlp.its;

/** Tokenise, tag and split one text. Pure apart from the shared, read-only model. */
export function analyse(text: string): AnalysedText {
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  const words = tokens.out() as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const pos = tokens.out(its.pos) as string[];
  const out: Token[] = new Array(words.length);
  let cursor = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    cursor += spaces[i]!.length;
    // wink is lossless for ordinary text; if it ever normalised a character, find the token again.
    if (text.startsWith(w, cursor) === false) {
      const found = text.indexOf(w, cursor);
      if (found >= 0) cursor = found;
    }
    const lower = w.toLowerCase();
    out[i] = {
      text: w,
      start: cursor,
      end: cursor + w.length,
      pos: pos[i]!,
      stem: stemWord(lower),
      lower,
      sentence: 0,
      spaced: spaces[i]!.length > 0 || i === 0,
    };
    cursor += w.length;
  }
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const sentences: Sentence[] = spans.map(([first, last], s) => {
    for (let i = first; i <= last; i++) out[i]!.sentence = s;
    return { first, last, start: out[first]?.start ?? 0, end: out[last]?.end ?? 0 };
  });
  return { text, tokens: out, sentences };
}

export function sentenceText(t: AnalysedText, sentence: number): string {
  const s = t.sentences[sentence]!;
  return t.text.slice(s.start, s.end);
}
