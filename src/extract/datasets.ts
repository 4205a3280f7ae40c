/**
 * Datasets and benchmarks a text names: curated names from the gazetteer, and names the gazetteer
 * lacks, recognised from the words around them ("on the X dataset", "X and Y benchmarks",
 * "three benchmarks (X, Y and Z)", "we introduce X, a ... benchmark").
 */
import type { EntityKind } from '../model/schema.ts';
import type { Mention, MentionOrigin } from '../model/mention.ts';
import { datasetRole } from './roles.ts';
import { looksLikeName } from './lexicon.ts';
import { phraseKey } from './stem.ts';
import { nameKey, type NameIndex } from './name-index.ts';
import { findDatasetNames, type DatasetThing } from './dataset-names.ts';

export type { DatasetThing };
import type { AnalysedText, Token, Word } from './text.ts';
import { DATASET_CUES, GENERIC_MODIFIERS, INTRODUCE_VERBS, LANGUAGES, NON_DATA_HEADS, NOT_DATASETS } from './vocabulary.ts';


export interface DatasetContext {
  datasets: NameIndex<DatasetThing>;
  /** Keys of names that are never datasets: models ("BERT", "LLaMA-2") and task acronyms ("NER"). */
  notDatasetKeys: ReadonlySet<string>;
  /** notDatasetKeys.has(word.key), asked once per spelling (see text.ts perSpelling). */
  notDataset: (w: Word) => boolean;
  /** Phrase keys of task and method names: "Action Recognition", "text-to-SQL" name no dataset. */
  termKeys?: ReadonlySet<string>;
}

const isCue = (t: Token | undefined) => !!t && DATASET_CUES.has(t.lower);
/** Cue nouns that, capitalised, are part of the name they follow ("English Web Treebank", unlike "the Foo Dataset"). */
const NAMING_CUES = new Set(['treebank', 'treebanks']);
const cueKind = (t: Token): EntityKind => (t.lower.startsWith('benchmark') ? 'Benchmark' : 'Dataset');
const thingKind = (d: DatasetThing): EntityKind => (d.kind === 'benchmark' ? 'Benchmark' : 'Dataset');

/** A token that looks like a coined name: "HumSet", "SODA10M", "DWIE", "nuScenes", "Charades-STA". */
export function isNameLike(t: Token): boolean {
  // Asked of every capitalised token of every paper: kept on the spelling's shared record.
  const w = t.word;
  if (w.nameShape < 0) w.nameShape = nameShaped(w.text) ? 1 : 0;
  return w.nameShape === 1;
}

function nameShaped(s: string): boolean {
  if (s.length < 2 || !/^[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*$/.test(s) || NOT_DATASETS.has(s) || isLanguage(s)) return false;
  // "Multi-Domain", "Real-World": a Title-Case compound of ordinary words, not a coined name.
  if (s.includes('-') && s.split('-').every((part) => /^[A-Z]?[a-z]+$/.test(part))) return false;
  // A capital after the first letter (s starts with one): "HumSet", "DWIE". Said this way rather than
  // /[a-z].*[A-Z]|[A-Z].*[A-Z]/, which backtracks quadratically: 10 s on one 40k-letter token.
  return /[A-Z]/.test(s.slice(1)) || (/[0-9]/.test(s) && /[A-Za-z]{2}/.test(s));
}

/** "English", "Python", "German-English": languages name the data, not a dataset. */
const isLanguage = (s: string) => s.split('-').every((part) => LANGUAGES.has(part));

/** A capitalised word that can be part of a multi-word name before a cue ("Natural Questions dataset"). */
const isCapitalised = (t: Token) => /^[A-Z][A-Za-z0-9-]*$/.test(t.text) && !GENERIC_MODIFIERS.has(t.lower) && !NOT_DATASETS.has(t.text) && !isLanguage(t.text);

/**
 * "The" opening a sentence is capitalised but never part of a name: "The Reuters dataset contains
 * ..." names Reuters. The tagger's DET covers the, this, these, each, ... in any case.
 */
const isDeterminer = (t: Token) => t.pos === 'DET';

/** A capitalised word: "New", "York". */
const isTitleWord = (t: Token) => /^[A-Z][a-z]/.test(t.text);

/** "Turing's Dream and the Knowledge Challenge": most words of four letters or more capitalised. */
function isTitleCase(tokens: readonly Token[]): boolean {
  let long = 0;
  let capital = 0;
  for (const t of tokens)
    if (t.text.length >= 4 && /^[A-Za-z]/.test(t.text)) {
      long++;
      if (/^[A-Z]/.test(t.text)) capital++;
    }
  return long >= 2 && capital >= 0.6 * long;
}

const COORD = new Set([',', 'and', 'or', '&']);
const LIST_OPENERS = new Set(['(', ':']);
const LIST_WORDS = new Set(['such', 'including', 'namely', 'like', 'e.g.', 'i.e.']);
const EVAL_WORDS = /^(experiment|evaluat|result|test|benchmark|outperform|achiev|perform|validat|surpass|report|trained|train|fine-tun|finetun)/;

interface Found {
  first: number;
  last: number;
  kind: EntityKind;
  confidence: number;
  origin: MentionOrigin;
  gazetteerId?: string;
  edition?: string;
}

/**
 * One field's scan: the names found so far and which tokens they cover. The rules below each add to
 * it in turn; a token taken by one rule is not offered to the next.
 */
class MentionScan {
  readonly found: Found[] = [];
  /** Per token: 0 free, 1 part of a found name, 2 a model or task name that no rule may take. */
  readonly taken: Uint8Array;
  /** Which sentences say "dataset", "benchmark", "corpus"...: computed once, asked often. */
  readonly cueSentences = new Set<number>();

  constructor(
    readonly t: AnalysedText,
    readonly ctx: DatasetContext,
    private readonly definedAcronyms: ReadonlySet<string>,
  ) {
    const { tokens } = t;
    this.taken = new Uint8Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) if (ctx.notDataset(tokens[i]!.word)) this.taken[i] = 2;
    for (const tok of tokens) if (isCue(tok)) this.cueSentences.add(tok.sentence);
  }

  take(f: Found): void {
    // A discovered name must look like a name, not like ordinary English (see lexicon.ts).
    if (f.origin === 'context') {
      const words = this.t.tokens.slice(f.first, f.last + 1).map((x) => x.text);
      if (!looksLikeName(words) || this.ctx.termKeys?.has(phraseKey(words))) return;
    }
    for (let i = f.first; i <= f.last; i++) this.taken[i] = 1;
    this.found.push(f);
  }

  /** A free token that looks like a coined name and is no acronym the paper defines. */
  candidate(i: number): boolean {
    const tok = this.t.tokens[i];
    return !!tok && !this.taken[i] && isNameLike(tok) && !this.definedAcronyms.has(tok.text);
  }

  discover(i: number, kind: EntityKind, confidence: number): void {
    if (this.candidate(i)) this.take({ first: i, last: i, kind, confidence, origin: 'context' });
  }

  /** Walks left from a name over ", X", "and X", "X, Y, and Z" lists of names. */
  listLeftOf(i: number, kind: EntityKind, confidence: number): void {
    const { tokens } = this.t;
    let j = i - 1;
    // "the MNIST-M and the LineMod datasets": a determiner may open each item.
    if (tokens[j]?.lower === 'the') j--;
    while (j > 0 && COORD.has(tokens[j]!.lower)) {
      while (j > 0 && COORD.has(tokens[j]!.lower)) j--;
      if (this.candidate(j)) this.discover(j, kind, confidence);
      else if (!this.taken[j] || this.taken[j] === 2) break;
      j--;
      if (tokens[j]?.lower === 'the') j--;
    }
  }
}

export function findDatasetMentions(t: AnalysedText, field: 'title' | 'abstract', ctx: DatasetContext, definedAcronyms: ReadonlySet<string>, cues: Uint8Array, ownNames: ReadonlySet<string> = new Set()): Mention[] {
  const { tokens, text } = t;
  const scan = new MentionScan(t, ctx, definedAcronyms);
  curatedNames(scan, ownNames);
  cuedNames(scan, field);
  appositions(scan);
  evaluationLists(scan);
  introductions(scan);
  // A title "X: a ... dataset for ..." names the dataset the paper introduces.
  if (field === 'title' && tokens[1]?.text === ':' && tokens.slice(2, 8).some(isCue)) {
    const cue = tokens.slice(2, 8).find(isCue)!;
    scan.discover(0, cueKind(cue), 0.9);
  }

  return dropExpansions(scan.found, tokens)
    .sort((a, b) => a.first - b.first)
    .map((f) => {
      const first = tokens[f.first]!;
      const last = tokens[f.last]!;
      const surface = text.slice(first.start, last.end);
      const sentence = t.sentences[first.sentence]!;
      return {
        kind: f.kind,
        key: f.gazetteerId ? `gazetteer:${f.gazetteerId}${f.edition ? `@${f.edition}` : ''}` : nameKey(surface),
        surface,
        field,
        start: first.start,
        end: last.end,
        sentence: text.slice(sentence.start, sentence.end),
        confidence: f.confidence,
        origin: f.origin,
        ...(f.gazetteerId ? { gazetteerId: f.gazetteerId } : {}),
        ...(f.edition ? { edition: f.edition } : {}),
        role: datasetRole(t, f.first, field, cues),
      } satisfies Mention;
    });
}

/** Names from the gazetteer, unless the text says they name something else here. */
function curatedNames(scan: MentionScan, ownNames: ReadonlySet<string>): void {
  const { tokens, text } = scan.t;
  const { ctx } = scan;
  // A model or task token vetoes a curated name only when it is the whole name: "CNN" is a model,
  // "CNN/Daily Mail", "VQA v2" and "STS Benchmark" are datasets.
  const gazetteer = findDatasetNames(scan.t, ctx.datasets).filter((m) => !scan.taken[m.first] || m.last > m.first);
  for (const m of gazetteer) {
    // The paper's own system of the same name (see own-names.ts), unless called data right here.
    if (ownNames.size && ownNames.has(nameKey(text.slice(tokens[m.first]!.start, tokens[m.last]!.end))) && !isCue(tokens[m.last + 1])) continue;
    // "the Menpo Project", "the COCO API": a capitalised head noun after the name makes the whole the
    // name of software or an organisation, not of the data.
    const head = tokens[m.last + 1];
    if (head && head.sentence === tokens[m.last]!.sentence && /^[A-Z]/.test(head.text) && NON_DATA_HEADS.has(head.lower)) continue;
    if (m.thing.ambiguous) {
      // "Traffic Engineering", "Weather Service": a common-word name that runs on into a capitalised
      // word is part of that longer name, not the data ("the Traffic and Weather datasets" is).
      if (head && head.sentence === tokens[m.last]!.sentence && isTitleWord(head) && !isCue(head)) continue;
      const s = tokens[m.first]!.sentence;
      const neighbour = gazetteer.some((o) => o !== m && !o.thing.ambiguous && tokens[o.first]!.sentence === s);
      if (!neighbour && !scan.cueSentences.has(s)) continue;
    }
    scan.take({ first: m.first, last: m.last, kind: thingKind(m.thing), confidence: m.thing.ambiguous ? 0.9 : 1, origin: 'gazetteer', gazetteerId: m.thing.id, ...(m.edition ? { edition: m.edition } : {}) });
  }
}

/** "X dataset", "X and Y benchmarks", "benchmarks (X, Y and Z)": names next to a cue noun. */
function cuedNames(scan: MentionScan, field: 'title' | 'abstract'): void {
  const { t } = scan;
  const { tokens } = t;
  const titleCase = field === 'title' && isTitleCase(tokens);
  for (let i = 0; i < tokens.length && scan.cueSentences.size > 0; i++) {
    const tok = tokens[i]!;
    if (!scan.cueSentences.has(tok.sentence) || !isCue(tok)) continue;
    const kind = cueKind(tok);
    // "X dataset", "X and Y benchmarks", "Natural Questions dataset"
    const prev = i - 1;
    if (prev >= 0 && tokens[prev]!.sentence === tok.sentence) {
      if (scan.candidate(prev)) {
        scan.discover(prev, kind, 0.85);
        scan.listLeftOf(prev, kind, 0.8);
      } else if (scan.taken[prev] === 1) scan.listLeftOf(scan.found.find((f) => f.last === prev)?.first ?? prev, kind, 0.8);
      else {
        let first = prev;
        while (first - 1 >= 0 && first > prev - 3 && isCapitalised(tokens[first - 1]!) && !isDeterminer(tokens[first - 1]!) && !scan.taken[first - 1] && tokens[first - 1]!.sentence === tok.sentence) first--;
        // A name cut off at a capital ("York Times" of "New York Times") is extended over the
        // capitalised words before it, or dropped when it runs on further.
        while (first - 1 >= 0 && first > prev - 5 && isTitleWord(tokens[first - 1]!) && !isDeterminer(tokens[first - 1]!) && !scan.taken[first - 1] && tokens[first - 1]!.sentence === tok.sentence) first--;
        const cut = first - 1 >= 0 && isTitleWord(tokens[first - 1]!) && !isDeterminer(tokens[first - 1]!) && tokens[first - 1]!.sentence === tok.sentence;
        // "the Cityscapes dataset", "Natural Questions dataset"; a capitalised word opening the
        // sentence, or any word of a title in Title Case, is no evidence of a name.
        if (!cut && !titleCase && isCapitalised(tokens[prev]!) && !scan.taken[prev] && first !== t.sentences[tok.sentence]!.first && !DATASET_CUES.has(tokens[first]!.lower))
          scan.take({ first, last: NAMING_CUES.has(tok.lower) && /^[A-Z]/.test(tok.text) ? i : prev, kind, confidence: 0.7, origin: 'context' });
      }
    }
    // "benchmarks (X, Y, and Z)", "datasets: X and Y", "benchmarks such as X and Y"
    let k = i + 1;
    if (tokens[k] && (LIST_OPENERS.has(tokens[k]!.text) || LIST_WORDS.has(tokens[k]!.lower))) {
      while (tokens[k] && (LIST_OPENERS.has(tokens[k]!.text) || LIST_WORDS.has(tokens[k]!.lower) || tokens[k]!.lower === 'as')) k++;
      while (tokens[k] && tokens[k]!.sentence === tok.sentence) {
        if (scan.candidate(k)) scan.discover(k, kind, 0.8);
        else if (!scan.taken[k]) break;
        k++;
        if (!tokens[k] || !COORD.has(tokens[k]!.lower)) break;
        while (tokens[k] && COORD.has(tokens[k]!.lower)) k++;
      }
    }
  }
}

/** "TinyFooBench, a new reading benchmark": a coined name in apposition to a cue noun. */
function appositions(scan: MentionScan): void {
  const { tokens } = scan.t;
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (!scan.candidate(i) || tokens[i + 1]!.text !== ',' || !['a', 'an', 'the'].includes(tokens[i + 2]!.lower)) continue;
    for (let k = i + 3; k <= i + 8 && tokens[k] && tokens[k]!.sentence === tokens[i]!.sentence; k++) {
      if (isCue(tokens[k])) {
        scan.discover(i, cueKind(tokens[k]!), 0.75);
        break;
      }
      if (tokens[k]!.pos === 'VERB' || tokens[k]!.text === ',') break;
    }
  }
}

/** "experiments on X, Y and Z": a list of at least two names after an evaluation word. */
function evaluationLists(scan: MentionScan): void {
  const { t } = scan;
  const { tokens } = t;
  for (let i = 1; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.lower !== 'on' && tok.lower !== 'across') continue;
    const s = t.sentences[tok.sentence]!;
    let evaluative = false;
    for (let j = Math.max(s.first, i - 6); j < i; j++) if (EVAL_WORDS.test(tokens[j]!.lower)) evaluative = true;
    if (!evaluative) continue;
    const items: number[] = [];
    let k = i + 1;
    if (tokens[k]?.lower === 'the') k++;
    while (tokens[k] && tokens[k]!.sentence === tok.sentence && (scan.candidate(k) || scan.taken[k] === 1)) {
      items.push(k);
      const f = scan.found.find((x) => x.first === k);
      k = (f ? f.last : k) + 1;
      if (!tokens[k] || !COORD.has(tokens[k]!.lower)) break;
      while (tokens[k] && COORD.has(tokens[k]!.lower)) k++;
    }
    if (items.length >= 2) for (const it of items) scan.discover(it, 'Dataset', 0.6);
  }
}

/**
 * "we introduce X, a ... benchmark": a coined name right after an introducing verb, in a sentence
 * that says it is a dataset.
 */
function introductions(scan: MentionScan): void {
  const { t } = scan;
  const { tokens } = t;
  for (const s of t.sentences.keys()) {
    const sent = t.sentences[s]!;
    if (!scan.cueSentences.has(s)) continue;
    for (let i = sent.first; i < sent.last; i++) {
      if (!INTRODUCE_VERBS.has(tokens[i]!.lower)) continue;
      let k = i + 1;
      while (k <= sent.last && GENERIC_MODIFIERS.has(tokens[k]!.lower)) k++;
      const nextIsCue = isCue(tokens[k + 1]) || tokens[k + 1]?.text === ',' || tokens[k + 1]?.text === ':' || tokens[k + 1]?.text === '(';
      if (k <= sent.last && nextIsCue) scan.discover(k, 'Dataset', 0.75);
    }
  }
}

/**
 * "DWIE, the 'Deutsche Welle corpus for Information Extraction'": a multi-word name whose initials
 * begin another name in the same sentence spells that name out; it is not a second dataset.
 */
function dropExpansions(found: Found[], tokens: readonly Token[]): Found[] {
  return found.filter((f) => {
    if (f.origin !== 'context' || f.last === f.first) return true;
    const initials = tokens
      .slice(f.first, f.last + 1)
      .map((t) => t.text[0]!)
      .join('');
    const sentence = tokens[f.first]!.sentence;
    return !found.some((o) => o !== f && tokens[o.first]!.sentence === sentence && o.first === o.last && tokens[o.first]!.text.replace(/[^A-Z]/g, '').startsWith(initials));
  });
}
