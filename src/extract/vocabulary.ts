/** Word lists of scientific English used by the extractors (data in data/vocabulary.json). */
import { readFileSync } from 'node:fs';

interface VocabularyFile {
  fillerNouns: string[];
  genericModifiers: string[];
  descriptiveModifiers: string[];
  weakHeads: string[];
  taskHeads: string[];
  datasetCues: string[];
  introduceVerbs: string[];
  notDatasets: string[];
  languages: string[];
  prepositionalParticiples: string[];
  nonDataHeads: string[];
}

const file = JSON.parse(readFileSync(new URL('./data/vocabulary.json', import.meta.url), 'utf8')) as VocabularyFile;
const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));

/** A noun and its plural: the list names words once ("feature"), the text has both ("global features"). */
function withPlurals(xs: string[]): Set<string> {
  const out = lower(xs);
  for (const w of [...out]) {
    if (!/^[a-z]+$/.test(w) || w.endsWith('s')) continue;
    out.add(/[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ies` : /(ch|sh|x|z)$/.test(w) ? `${w}es` : `${w}s`);
  }
  return out;
}

export const FILLER_NOUNS = withPlurals(file.fillerNouns);
/** Words that never start a term: determiners, evaluative and relative adjectives ("novel", "existing"). */
export const GENERIC_MODIFIERS = lower(file.genericModifiers);
/** Adjectives that start terms of three words or more ("large language model") but not of two ("large model"). */
export const DESCRIPTIVE_MODIFIERS = lower(file.descriptiveModifiers);
export const WEAK_HEADS = lower(file.weakHeads);
export const TASK_HEADS = lower(file.taskHeads);
export const DATASET_CUES = lower(file.datasetCues.filter((c) => !c.includes(' ')));
export const INTRODUCE_VERBS = lower(file.introduceVerbs);
/** Exact-case names that look like dataset names but are metrics, hardware or model families. */
export const NOT_DATASETS = new Set(file.notDatasets);
/** Natural and programming languages: "an English corpus", "German-English", "a Python dataset". */
export const LANGUAGES = new Set(file.languages);
/** "Project", "Toolkit", "Team": after a dataset's name, the whole names software or an organisation. */
export const NON_DATA_HEADS = lower(file.nonDataHeads);
/** "including", "regarding": participles that work as prepositions, opening a complement. */
export const PREPOSITIONAL_PARTICIPLES = lower(file.prepositionalParticiples);
