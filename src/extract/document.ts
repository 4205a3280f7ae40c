/**
 * Everything one paper's text yields on its own, before the corpus is known: dataset mentions,
 * acronym definitions, noun-phrase candidates and coined-name tokens. Resolve then decides, across
 * the corpus, which phrases are concepts and which names recur.
 */
import type { DatasetRole, Mention } from '../model/mention.ts';
import { datasetRole, sentenceCues } from './roles.ts';
import { ownSystemNames } from './own-names.ts';
import { capitalisedRuns, capitalisedSpelling, findAcronyms, type CapitalisedRun } from './acronyms.ts';
import { findDatasetMentions, isNameLike } from './datasets.ts';
import type { ExtractionContext } from './context.ts';
import { phraseCandidates } from './phrases.ts';
import { phraseKey } from './stem.ts';
import { methodPhraseKey } from './method-gazetteer.ts';
import { perSpelling, type AnalysedText } from './text.ts';
import { DATASET_CUES } from './vocabulary.ts';

export type Field = 'title' | 'abstract';

/** A place in a field: offsets of the words and of their sentence (evidence is sliced later). */
export interface Span {
  field: Field;
  start: number;
  end: number;
  sentenceStart: number;
  sentenceEnd: number;
}

export interface PhraseOccurrence extends Span {
  key: string;
  words: number;
  /** Lowercase last word: tells a task ("... detection") from a concept. */
  head: string;
  adjectival: boolean;
  /** The phrase stands alone here, not as part of a longer term (see phrases.ts). */
  standalone: boolean;
  gapped: boolean;
  /** Written with a free-standing "of" ("mixture of experts"); see PhraseCandidate. */
  ofForm?: boolean;
  /** Set when this is a "<modifier> <noun>" pair; holds the modifier's key. */
  modifierKey?: string;
  /** Set when the occurrence is an acronym standing for the phrase. */
  viaAcronym?: boolean;
}

export interface DocExtraction {
  datasets: Mention[];
  phrases: PhraseOccurrence[];
  /** Coined-name and acronym tokens, so that names found in one paper can be recognised in another. */
  names: (Span & { text: string; role: DatasetRole; /** Phrase key of words in this paper that spell the token out. */ spelled?: string })[];
  /** Acronyms this paper defines: short form -> key of its long form. */
  acronyms: Map<string, { key: string; long: string; words: number; head: string }>;
}

/** "LDA", "SVM": two to six capital letters, the acronyms a paper may spell out. */
function isShortCaps(s: string): boolean {
  if (s.length < 2 || s.length > 6) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

/** Asked of every token, and most have no capital: answered once per spelling. */
const hasCapital = perSpelling((w) => /[A-Z]/.test(w.text));

function spanOf(t: AnalysedText, field: Field, first: number, last: number): Span {
  const a = t.tokens[first]!;
  const s = t.sentences[a.sentence]!;
  return { field, start: a.start, end: t.tokens[last]!.end, sentenceStart: s.start, sentenceEnd: s.end };
}

export function extractDocument(title: string, abstract: string, ctx: ExtractionContext): DocExtraction {
  const fields: [Field, AnalysedText][] = [
    ['title', ctx.analyse(title)],
    ['abstract', ctx.analyse(abstract)],
  ];
  const acronyms: DocExtraction['acronyms'] = new Map();
  for (const [, t] of fields) {
    for (const def of findAcronyms(t)) {
      const longTokens = t.tokens.slice(def.longFirst, def.longLast + 1);
      // A long form that names a dataset ("Massive Text Embedding Benchmark") is the gazetteer's job.
      if (longTokens.some((x) => DATASET_CUES.has(x.lower))) continue;
      acronyms.set(def.short, { key: phraseKey(longTokens.map((x) => x.text)), long: t.text.slice(longTokens[0]!.start, longTokens.at(-1)!.end), words: longTokens.length, head: longTokens.at(-1)!.lower });
    }
  }
  const defined = new Set(acronyms.keys());
  const ownNames = ownSystemNames(fields[0]![1], fields[1]![1]);
  const out: DocExtraction = { datasets: [], phrases: [], names: [], acronyms };
  // "LDA" in "Deep Linear Discriminant Analysis" is neither the gazetteer's nor another paper's LDA.
  const spellings = new Map<string, string | undefined>();
  // Both fields' capitalised runs, found once, when the first short form is looked up.
  let runs: CapitalisedRun[] | undefined;
  const spelledHere = (short: string) => {
    if (!spellings.has(short)) {
      runs ??= fields.flatMap(([, t]) => capitalisedRuns(t));
      const words = capitalisedSpelling(runs, short);
      spellings.set(short, words ? methodPhraseKey(words.join(' ')) : undefined);
    }
    return spellings.get(short);
  };
  for (const [field, t] of fields) {
    const cues = sentenceCues(t);
    out.datasets.push(...findDatasetMentions(t, field, ctx, defined, cues, ownNames));
    for (const c of phraseCandidates(t, ctx.curatedTerms)) {
      const first = t.tokens[c.first]!;
      const sentence = t.sentences[first.sentence]!;
      const occ: PhraseOccurrence = {
        field,
        start: first.start,
        end: t.tokens[c.last]!.end,
        sentenceStart: sentence.start,
        sentenceEnd: sentence.end,
        key: c.modifierKey ?? c.key,
        words: c.words,
        head: t.tokens[c.last]!.lower,
        adjectival: c.adjectival ?? false,
        standalone: c.standalone ?? false,
        gapped: c.gapped ?? false,
      };
      if (c.modifierKey) occ.modifierKey = c.modifierKey;
      if (c.ofForm) occ.ofForm = true;
      out.phrases.push(occ);
    }
    for (let i = 0; i < t.tokens.length; i++) {
      const tok = t.tokens[i]!;
      // Acronyms and coined names hold a capital somewhere.
      if (!hasCapital(tok.word)) continue;
      const bare = tok.text.length > 2 && tok.text.endsWith('s') && /[A-Z]/.test(tok.text[tok.text.length - 2]!) ? tok.text.slice(0, -1) : tok.text;
      const def = acronyms.size ? acronyms.get(bare) : undefined;
      // A curated method acronym ("PPO", "LoRA") stands for its method unless the text defines it.
      const spelled = def || !isShortCaps(bare) ? undefined : spelledHere(bare);
      const method = def ? undefined : (ctx.methodAcronyms.get(tok.text) ?? ctx.methodAcronyms.get(bare));
      if (method && spelled !== undefined && spelled !== methodPhraseKey(method.name)) continue;
      if (def && !(t.tokens[i - 1]?.text === '(' && t.tokens[i + 1]?.text === ')')) {
        out.phrases.push({ ...spanOf(t, field, i, i), key: def.key, words: def.words, head: def.head, adjectival: false, standalone: true, gapped: false, viaAcronym: true });
      } else if (method) {
        out.phrases.push({ ...spanOf(t, field, i, i), key: methodPhraseKey(method.name), words: 1, head: bare.toLowerCase(), adjectival: false, standalone: true, gapped: false, viaAcronym: true });
      } else if (isNameLike(tok)) out.names.push({ ...spanOf(t, field, i, i), text: tok.text, role: datasetRole(t, i, field, cues), ...(spelled !== undefined ? { spelled } : {}) });
    }
  }
  return out;
}
