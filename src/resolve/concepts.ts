/**
 * Tasks and concepts across the corpus. A curated method or task links wherever a paper names it;
 * a phrase discovered from the corpus becomes a concept only when several papers share it.
 */
import type { EntityKind } from '../model/schema.ts';
import type { PhraseOccurrence, Span } from '../extract/document.ts';
import type { PhraseStore } from '../extract/phrase-columns.ts';
import { nameKey } from '../extract/name-key.ts';
import type { MethodEntry } from '../extract/method-gazetteer.ts';
import { methodPhraseKey } from '../extract/method-gazetteer.ts';
import { DATASET_CUES, TASK_HEADS } from '../extract/vocabulary.ts';
import { wordKey } from '../extract/stem.ts';
import type { GazetteerTask } from '../model/gazetteer.ts';
import { termTest } from './termhood.ts';
import { evidenceOf, type Entity, type LinkTable, type Names, type ResolveInput } from './links.ts';

const MODEL_HEADS = new Set(['model', 'network', 'net', 'architecture'].map(wordKey));
const TASK_MODIFIER_KEYS = new Set([...TASK_HEADS, 'learning', 'training', 'modeling', 'modelling'].map(wordKey));

export interface ConceptOptions {
  tasksByKey: ReadonlyMap<string, GazetteerTask>;
  methodsByKey?: ReadonlyMap<string, MethodEntry>;
  methodsById?: ReadonlyMap<string, MethodEntry>;
  minConceptDf?: number;
}

interface PhraseStats {
  /** The papers that use the phrase, ascending (papers are counted in order, so a push keeps it so). */
  docs: number[];
  /** Occurrences where the phrase stands alone; one never standing alone is only part of longer terms. */
  standalone: number;
  adjectival: number;
  /** Occurrences written as one compound, not with a free-standing "of". */
  compound: number;
  total: number;
  head: string;
  words: number;
  surface: string;
}

export function resolvePhrases(docs: readonly ResolveInput[], phrases: PhraseStore, o: ConceptOptions, entities: Map<string, Entity>, links: LinkTable, names: Names): void {
  const minDf = o.minConceptDf ?? Math.max(2, Math.round(docs.length / 2000));
  // In a large corpus a phrase in over half the papers is background, not a concept; a handful of
  // papers is too few to say so.
  const maxDf = docs.length >= 50 ? docs.length * 0.5 : Infinity;
  const datasetKeys = new Set<string>();
  for (const e of entities.values()) for (const n of [e.name, ...e.aliases]) datasetKeys.add(nameKey(n));

  // Document frequency of every plain phrase (no gaps, modifiers or acronyms: those only link).
  const stats = new Map<string, PhraseStats>();
  docs.forEach((d, i) =>
    phrases.each(i, (p) => {
      if (p.gapped || p.modifierKey || p.viaAcronym || p.words < 1) return;
      const key = p.key;
      let s = stats.get(key);
      if (!s) stats.set(key, (s = { docs: [], standalone: 0, adjectival: 0, compound: 0, total: 0, head: p.head, words: p.words, surface: (p.field === 'title' ? d.title : d.abstract).slice(p.start, p.end) }));
      if (!p.ofForm) s.compound++;
      if (s.docs[s.docs.length - 1] !== i) s.docs.push(i);
      s.total++;
      if (p.standalone) s.standalone++;
      if (p.adjectival) s.adjectival++;
    }),
  );

  const taskOf = (key: string, s: PhraseStats | undefined): GazetteerTask | 'discovered' | undefined => {
    const g = o.tasksByKey.get(key);
    if (g) return g;
    if (s && s.words >= 2 && TASK_HEADS.has(s.head) && s.docs.length >= minDf) return 'discovered';
    return undefined;
  };

  // "X of Y" is a term when the field has made it one: written as a compound ("mixture-of-experts")
  // or given an acronym somewhere in the corpus; otherwise it is a description ("pieces of text").
  const acronymed = new Set<string>();
  for (const d of docs) for (const def of d.extraction.acronyms.values()) acronymed.add(def.key);
  const lexicalised = (key: string, s: PhraseStats) => s.compound > 0 || acronymed.has(key);
  const isTerm = termTest(stats, docs.length, acronymed, minDf);
  // "detection model", "classification network", "learning model": a model named by the task it
  // does says no more than the task (a Task node of its own) and the word "model".
  const taskModel = (key: string, s: PhraseStats) => {
    if (s.words !== 2 || !MODEL_HEADS.has(wordKey(s.head))) return false;
    return TASK_MODIFIER_KEYS.has(key.slice(0, key.length - wordKey(s.head).length));
  };

  // The vocabulary: gazetteer tasks, shared task phrases, shared multi-word concept phrases.
  const vocab = new Map<string, { kind: EntityKind; id: string; name: string; aliases: string[]; parent?: string }>();
  // Curated methods link wherever a paper names them, by name, alias or acronym, however few do.
  const methodIds = new Set<string>();
  const methodsByKey = o.methodsByKey;
  if (methodsByKey)
    for (let i = 0; i < docs.length; i++)
      phrases.each(i, (p) => {
        const m = p.gapped || p.modifierKey ? undefined : methodsByKey.get(p.key);
        if (m && !vocab.has(p.key)) {
          vocab.set(p.key, methodVocab(m, o.methodsById));
          methodIds.add(p.key);
        }
      });
  // In key order, so the same corpus always yields the same vocabulary.
  const phrasesInOrder = [...stats.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [key, s] of phrasesInOrder) {
    if (datasetKeys.has(key) || methodIds.has(key)) continue;
    const task = taskOf(key, s);
    if (task && task !== 'discovered') vocab.set(key, { kind: 'Task', id: `task:${task.id}`, name: task.name, aliases: [...task.aliases] });
    else if (task === 'discovered') vocab.set(key, { kind: 'Task', id: `task:${key}`, name: '', aliases: [] });
    else if (s.words >= 2 && s.standalone > 0 && lexicalised(key, s) && !taskModel(key, s) && !DATASET_CUES.has(s.head) && s.docs.length >= minDf && s.docs.length <= maxDf && isTerm(key, s))
      vocab.set(key, { kind: 'Concept', id: `concept:${key}`, name: '', aliases: [] });
  }
  // A longer phrase found in exactly the papers of a shorter one inside it says nothing more.
  // Only phrases with the same paper set can be such pairs, so compare within those groups.
  const bySignature = new Map<string, string[]>();
  for (const key of vocab.keys()) {
    const st = stats.get(key);
    if (!st || methodIds.has(key)) continue;
    const signature = st.docs.join(',');
    (bySignature.get(signature) ?? bySignature.set(signature, []).get(signature)!).push(key);
  }
  for (const group of bySignature.values()) {
    if (group.length < 2) continue;
    for (const key of group)
      if (!o.tasksByKey.has(key) && !methodIds.has(key) && group.some((other) => other.length < key.length && key.includes(other))) vocab.delete(key);
  }
  // Paradigms named by their modifier: "multi-task learning" is also meant by "multi-task model".
  // Only where the modifier mostly means the paradigm: "generative" or "distributed" before a noun
  // is far more often something else ("generative model", "distributed representations").
  const modifierUse = new Map<string, { total: number; learning: number }>();
  for (let i = 0; i < docs.length; i++)
    phrases.each(i, (p) => {
      const modifierKey = p.modifierKey;
      if (!modifierKey) return;
      const m = modifierUse.get(modifierKey) ?? { total: 0, learning: 0 };
      m.total++;
      if (p.head === 'learning') m.learning++;
      modifierUse.set(modifierKey, m);
    });
  const paradigms = new Map<string, string>();
  for (const [key, v] of vocab) {
    const s = stats.get(key);
    if (v.kind !== 'Concept' || !s || s.words !== 2 || s.head !== 'learning' || s.adjectival * 2 < s.total) continue;
    const modifier = key.slice(0, -'learning'.length);
    const use = modifierUse.get(modifier);
    if (use && use.learning >= 0.3 * use.total) paradigms.set(modifier, key);
  }
  // Acronyms defined once in the corpus stand for their long form in every paper.
  const shortForms = new Map<string, Set<string>>();
  for (const d of docs) for (const [short, def] of d.extraction.acronyms) (shortForms.get(short) ?? shortForms.set(short, new Set()).get(short)!).add(def.key);
  const globalAcronyms = new Map<string, string>();
  for (const [short, keys] of shortForms) if (keys.size === 1 && vocab.has([...keys][0]!)) globalAcronyms.set(short, [...keys][0]!);

  docs.forEach((d, i) => {
    const add = (key: string, p: Span, confidence: number, surfaceCounts: boolean) => {
      const v = vocab.get(key);
      if (!v) return;
      if (!entities.has(v.id)) entities.set(v.id, { id: v.id, kind: v.kind, name: v.name, aliases: v.aliases, confidence: 1, partOf: [], ...(v.parent ? { parent: v.parent } : {}) });
      const ev = evidenceOf(d, p);
      if (surfaceCounts) names.add(v.id, ev.surface);
      links.add(d.id, v.id, v.kind === 'Task' ? 'ADDRESSES' : 'MENTIONS', ev, confidence);
    };
    // Each span links to the most specific concept naming it: "natural language processing", not
    // also "language processing" inside it. A gapped reading ("graph neural networks" in "graph
    // convolutional neural networks") links only where no concept names the span as written.
    const plain: PhraseOccurrence[] = [];
    // Occurrences of a paradigm's modifier ("multi-task" in "multi-task model"), with the paradigm.
    const byParadigm: [string, PhraseOccurrence][] = [];
    phrases.each(i, (p) => {
      const modifierKey = p.modifierKey;
      if (!modifierKey && vocab.has(p.key)) plain.push(p.occurrence());
      const paradigm = modifierKey ? paradigms.get(modifierKey) : undefined;
      if (paradigm) byParadigm.push([paradigm, p.occurrence()]);
    });
    // A curated task or method of two words or more inside a longer phrase is still named: a paper
    // on "statistical machine translation" (a method) addresses machine translation, one on "3D
    // human pose estimation" human pose estimation too. One word inside a longer curated name of its
    // kind is not ("summarization" in "video summarization" is not text summarization).
    const curatedKind = (key: string) => (o.tasksByKey.has(key) ? 'task' : methodIds.has(key) ? 'method' : undefined);
    const covered = (p: PhraseOccurrence) =>
      plain.some((q) => {
        if (q.gapped || q.field !== p.field || q.start > p.start || q.end < p.end || q.end - q.start <= p.end - p.start) return false;
        const kind = curatedKind(p.key);
        return !kind || (p.words < 2 && kind === curatedKind(q.key));
      });
    const named = new Set(plain.filter((p) => !p.gapped).map((p) => `${p.field}:${p.start}:${p.end}`));
    for (const p of plain) {
      if (covered(p) || (p.gapped && named.has(`${p.field}:${p.start}:${p.end}`))) continue;
      add(p.key, p, p.gapped ? 0.8 : 1, !p.gapped && !p.viaAcronym);
    }
    for (const [paradigm, p] of byParadigm) add(paradigm, p, 0.6, false);
    for (const n of d.extraction.names) {
      const bare = /[A-Z]s$/.test(n.text) ? n.text.slice(0, -1) : n.text;
      const key = d.extraction.acronyms.has(bare) ? undefined : globalAcronyms.get(bare);
      if (key && n.spelled !== undefined && n.spelled !== key) continue;
      if (key) add(key, n, 0.8, false);
    }
  });
}

/** Lowercase a phrase for display, keeping acronyms and names with inner capitals ("3D", "BERT"). */
export function displayPhrase(s: string): string {
  return s
    .split(' ')
    .map((w) => (/[A-Z].*[A-Z]|[0-9]/.test(w.slice(1)) || /^[A-Z]{2,}/.test(w) ? w : w.toLowerCase()))
    .join(' ');
}

const methodEntityId = (m: MethodEntry) => `concept:${methodPhraseKey(m.name)}`;

function methodVocab(m: MethodEntry, byId: ReadonlyMap<string, MethodEntry> | undefined) {
  const parent = m.parent ? byId?.get(m.parent) : undefined;
  return { kind: 'Concept' as const, id: methodEntityId(m), name: m.name, aliases: [...m.aliases, ...m.acronyms], ...(parent ? { parent: methodEntityId(parent) } : {}) };
}

/**
 * Each curated concept carries the names of all its broader concepts, nearest first, so "papers on
 * any kind of reinforcement learning" is one lookup (`$name IN c.ancestors`) even where no paper
 * names an intermediate concept (and so no node holds it).
 */
export function addAncestors(entities: Map<string, Entity>, byId: ReadonlyMap<string, MethodEntry> | undefined): void {
  if (!byId) return;
  for (const e of entities.values()) {
    if (!e.parent) continue;
    const m = [...byId.values()].find((x) => methodEntityId(x) === e.id);
    const names: string[] = [];
    for (let p = m?.parent ? byId.get(m.parent) : undefined; p; p = p.parent ? byId.get(p.parent) : undefined) names.push(p.name);
    e.ancestors = names;
  }
}
