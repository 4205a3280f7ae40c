/** The gazetteers turned into the indexes the extractors scan with; built once per process. */
import { DATASET_ENTRIES, METHOD_ENTRIES, MODEL_ENTRIES, TASK_ENTRIES, type GazetteerEntry, type MethodEntry, type TaskEntry } from './gazetteer.ts';
import { methodPhraseKey } from './method-gazetteer.ts';
import type { DatasetContext, DatasetThing } from './datasets.ts';
import { buildNameIndex, nameKey } from './name-index.ts';
import { withGeneratedSpellings } from './name-variants.ts';
import { phraseKey } from './stem.ts';
import { analyse, perSpelling, type Analyser } from './text.ts';
import { spellingKey, type CuratedKeys } from './phrases.ts';
import type { GazetteerDataset, GazetteerTask } from '../model/gazetteer.ts';

export interface ExtractionContext extends DatasetContext {
  /** The tokenizer and tagger (wink-nlp; scripts/compare-taggers.ts swaps in another). */
  analyse: Analyser;
  datasetsById: ReadonlyMap<string, GazetteerDataset>;
  tasksByKey: ReadonlyMap<string, GazetteerTask>;
  /** Method gazetteer by phrase key of each name and alias. */
  methodsByKey: ReadonlyMap<string, MethodEntry>;
  /** Method acronyms as written ("PPO", "LoRA"), matched case-sensitively as whole tokens. */
  methodAcronyms: ReadonlyMap<string, MethodEntry>;
  methodsById: ReadonlyMap<string, MethodEntry>;
  /** Phrase keys of task and method names, for phrases.ts (the same names as termKeys). */
  curatedTerms: CuratedKeys;
}

let cached: ExtractionContext | undefined;

export function extractionContext(): ExtractionContext {
  if (cached) return cached;
  const entries = withGeneratedSpellings(DATASET_ENTRIES, nameKey);
  const datasets: (DatasetThing & { entry: GazetteerEntry })[] = entries.map((e) => ({
    id: e.id,
    names: [e.name, ...e.aliases],
    ambiguous: e.ambiguous,
    kind: e.kind,
    entry: e,
  }));
  const tasksByKey = new Map<string, TaskEntry>();
  for (const t of TASK_ENTRIES) for (const n of [t.name, ...t.aliases]) tasksByKey.set(phraseKey(n.split(/\s+/)), t);
  const methodsByKey = new Map<string, MethodEntry>();
  for (const m of METHOD_ENTRIES) for (const n of [m.name, ...m.aliases]) methodsByKey.set(methodPhraseKey(n), m);
  const methodAcronyms = new Map(METHOD_ENTRIES.flatMap((m) => m.acronyms.map((a) => [a, m] as const)));
  // Model names of one token ("BERT", "LLaMA-2") and acronym task names ("NER") are never datasets.
  const notDatasetKeys = new Set([
    ...MODEL_ENTRIES.flatMap((m) => [m.name, ...m.aliases]).map(nameKey),
    ...TASK_ENTRIES.flatMap((t) => [t.name, ...t.aliases].filter((n) => /^[A-Z0-9-]{2,}$/.test(n))).map(nameKey),
    ...[...methodAcronyms.keys()].map(nameKey),
  ]);
  const termKeys = new Set([...tasksByKey.keys(), ...methodsByKey.keys()]);
  // Every ending and every beginning of every term key, down to the empty one: what the last and
  // the first word of a curated phrase may be keyed.
  const termTails = new Set<string>();
  const termHeads = new Set<string>();
  for (const k of termKeys)
    for (let i = 0; i <= k.length; i++) {
      termTails.add(k.slice(i));
      termHeads.add(k.slice(0, i));
    }
  cached = {
    analyse,
    datasets: buildNameIndex(datasets),
    notDatasetKeys,
    notDataset: perSpelling((w) => notDatasetKeys.has(w.key)),
    termKeys,
    curatedTerms: { has: (key) => termKeys.has(key), mayEndWith: perSpelling((w) => termTails.has(spellingKey(w))), mayStartWith: perSpelling((w) => termHeads.has(spellingKey(w))) },
    datasetsById: new Map(entries.map((e) => [e.id, e])),
    tasksByKey,
    methodsByKey,
    methodAcronyms,
    methodsById: new Map(METHOD_ENTRIES.map((m) => [m.id, m])),
  };
  return cached;
}
