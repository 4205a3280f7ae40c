/**
 * compromise as an alternative tokenizer and tagger, mapped onto papergraph's tokens (Universal POS
 * tags, character offsets, punctuation as tokens), for scripts/compare-taggers.ts.
 */
import nlp from 'compromise';
import { finishAnalysis, makeToken, type Analyser, type Token } from '../../src/extract/text.ts';

function upos(tags: string[]): string {
  const has = (t: string) => tags.includes(t);
  if (has('Pronoun')) return 'PRON';
  if (has('Determiner')) return 'DET';
  if (has('Preposition')) return 'ADP';
  if (has('Conjunction')) return 'CCONJ';
  if (has('Copula') || has('Auxiliary') || has('Modal')) return 'AUX';
  if (has('Gerund') || has('Verb')) return 'VERB';
  if (has('Adjective')) return 'ADJ';
  if (has('Adverb')) return 'ADV';
  if (has('ProperNoun') || has('Acronym')) return 'PROPN';
  if (has('Value') || has('Cardinal')) return 'NUM';
  if (has('Noun')) return 'NOUN';
  return 'X';
}

interface Term {
  text: string;
  pre: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}

export const compromiseAnalyse: Analyser = (text) => {
  const sentences = nlp(text).json({ offset: true, terms: { offset: true } }) as { terms: Term[] }[];
  const tokens: Token[] = [];
  const sentenceOf: number[] = [];
  sentences.forEach((s, si) => {
    for (const term of s.terms) {
      const start = term.offset.start;
      // Punctuation around a word becomes tokens of its own, as the extractors expect.
      let p = start - term.pre.length;
      for (const ch of term.pre) {
        if (ch.trim()) tokens.push(makeToken(ch, p, 'PUNCT', p === 0 || /\s/.test(text[p - 1] ?? ' ')));
        if (ch.trim()) sentenceOf.push(si);
        p++;
      }
      if (term.text) {
        tokens.push(makeToken(text.slice(start, start + term.offset.length), start, upos(term.tags), start === 0 || /\s/.test(text[start - 1] ?? ' ')));
        sentenceOf.push(si);
      }
      p = start + term.offset.length;
      for (const ch of term.post) {
        if (ch.trim()) {
          tokens.push(makeToken(ch, p, 'PUNCT', /\s/.test(text[p - 1] ?? ' ')));
          sentenceOf.push(si);
        }
        p++;
      }
    }
  });
  return finishAnalysis(text, tokens, Int32Array.from(sentenceOf));
};
