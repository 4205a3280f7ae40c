/**
 * Resolve: from every paper's mentions to entities with stable ids, one node per thing however it
 * is spelled, and to the links that carry their evidence. This is where the corpus decides what a
 * concept is: a phrase becomes one when several papers share it.
 */
import type { EdgeType, EntityKind, Evidence } from '../model/schema.ts';
import type { Mention } from '../model/mention.ts';
import type { DocExtraction, Span } from '../extract/document.ts';
import { nameKey } from '../extract/name-index.ts';
import { DATASET_CUES, TASK_HEADS } from '../extract/vocabulary.ts';
import type { GazetteerDataset, GazetteerTask } from '../model/gazetteer.ts';

export interface ResolveInput {
  id: string;
  title: string;
  abstract: string;
  extraction: DocExtraction;
}

export interface ResolveOptions {
  datasets: ReadonlyMap<string, GazetteerDataset>;
  /** Task gazetteer by phrase key of each name and alias. */
  tasksByKey: ReadonlyMap<string, GazetteerTask>;
  /** Papers a phrase must appear in to become a concept. Default: max(2, N/2000). */
  minConceptDf?: number;
  maxEvidence?: number;
}

export interface Entity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  confidence: number;
  /** Suite ids this dataset belongs to (entity ids). */
  partOf: string[];
}

export interface Link {
  paper: string;
  entity: string;
  type: Extract<EdgeType, 'EVALUATED_ON' | 'INTRODUCES' | 'ADDRESSES' | 'MENTIONS'>;
  evidence: Evidence[];
  confidence: number;
  weight: number;
}

export interface Resolved {
  entities: Map<string, Entity>;
  links: Link[];
}

export function slug(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function evidenceOf(doc: ResolveInput, s: Span | Mention): Evidence {
  if ('sentence' in s) return { field: s.field, start: s.start, end: s.end, surface: s.surface, sentence: s.sentence };
  const text = s.field === 'title' ? doc.title : doc.abstract;
  return { field: s.field, start: s.start, end: s.end, surface: text.slice(s.start, s.end), sentence: text.slice(s.sentenceStart, s.sentenceEnd) };
}

/** Accumulates links so each (paper, entity) pair is one edge with all its evidence. */
class LinkTable {
  private readonly byPair = new Map<string, Link>();
  constructor(private readonly maxEvidence: number) {}
  add(paper: string, entity: string, type: Link['type'], evidence: Evidence, confidence: number): void {
    const key = `${paper}\u0000${entity}`;
    let link = this.byPair.get(key);
    if (!link) {
      link = { paper, entity, type, evidence: [], confidence, weight: 0 };
      this.byPair.set(key, link);
    }
    if (type === 'INTRODUCES') link.type = 'INTRODUCES';
    link.confidence = Math.max(link.confidence, confidence);
    link.weight++;
    const dup = link.evidence.some((e) => e.field === evidence.field && e.start < evidence.end && evidence.start < e.end);
    if (!dup && link.evidence.length < this.maxEvidence) link.evidence.push(evidence);
  }
  values(): Link[] {
    return [...this.byPair.values()];
  }
}

/** Counts surface forms so an entity is named the way papers most often write it. */
class Names {
  private readonly counts = new Map<string, Map<string, number>>();
  add(id: string, surface: string): void {
    const m = this.counts.get(id) ?? new Map<string, number>();
    m.set(surface, (m.get(surface) ?? 0) + 1);
    this.counts.set(id, m);
  }
  ranked(id: string): string[] {
    return [...(this.counts.get(id) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([s]) => s);
  }
}

const datasetEntityId = (kind: EntityKind, s: string) => `${kind.toLowerCase()}:${s}`;
const gazetteerKind = (g: GazetteerDataset): EntityKind => (g.kind === 'benchmark' ? 'Benchmark' : 'Dataset');

export function resolve(docs: readonly ResolveInput[], options: ResolveOptions): Resolved {
  // Three sentences answer "why is this paper linked to COCO?"; more only grow the snapshot.
  const maxEvidence = options.maxEvidence ?? 3;
  const entities = new Map<string, Entity>();
  const links = new LinkTable(maxEvidence);
  const names = new Names();
  resolveDatasets(docs, options, entities, links, names);
  resolvePhrases(docs, options, entities, links, names);
  for (const e of entities.values()) {
    const ranked = names.ranked(e.id);
    if (e.kind === 'Concept' || (e.kind === 'Task' && !e.name)) e.name = displayPhrase(ranked[0] ?? e.name);
    const seen = new Set([nameKey(e.name)]);
    const aliases: string[] = [];
    for (const a of [...e.aliases, ...ranked]) {
      const k = nameKey(a);
      if (!seen.has(k)) {
        seen.add(k);
        aliases.push(a);
      }
    }
    e.aliases = aliases;
  }
  return { entities, links: links.values() };
}

function resolveDatasets(docs: readonly ResolveInput[], o: ResolveOptions, entities: Map<string, Entity>, links: LinkTable, names: Names): void {
  const addGazetteer = (g: GazetteerDataset): string => {
    const id = datasetEntityId(gazetteerKind(g), g.id);
    if (!entities.has(id)) {
      entities.set(id, { id, kind: gazetteerKind(g), name: g.name, aliases: [...g.aliases], confidence: 1, partOf: [] });
      for (const suiteId of g.partOf) {
        const suite = o.datasets.get(suiteId);
        if (suite) entities.get(id)!.partOf.push(addGazetteer(suite));
      }
    }
    return id;
  };
  // Names recognised from context in one paper are recognised in every other paper that writes them.
  const coined = new Map<string, { kind: EntityKind; confidence: number }>();
  // A short form some paper defines as something else ("generative adversarial networks (GAN)")
  // is not a dataset name anywhere.
  const definedElsewhere = new Set(docs.flatMap((d) => [...d.extraction.acronyms.keys()]));
  for (const d of docs)
    for (const m of d.extraction.datasets)
      if (!m.gazetteerId && !definedElsewhere.has(m.surface)) {
        const prev = coined.get(m.surface);
        if (!prev || prev.confidence < m.confidence) coined.set(m.surface, { kind: m.kind, confidence: m.confidence });
      }
  const coinedIds = new Map<string, string>();
  // Spellings that differ only in case or punctuation ("HumSet", "Humset") share one node.
  const idBySlug = new Map<string, string>();
  for (const [surface, c] of [...coined.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const key = slug(surface) || nameKey(surface);
    const id = idBySlug.get(key) ?? datasetEntityId(c.kind, key);
    idBySlug.set(key, id);
    coinedIds.set(surface, id);
    if (!entities.has(id)) entities.set(id, { id, kind: c.kind, name: surface, aliases: [], confidence: c.confidence, partOf: [] });
    else entities.get(id)!.confidence = Math.max(entities.get(id)!.confidence, c.confidence);
  }
  for (const d of docs) {
    const seenHere = new Set<string>();
    const link = (m: Mention) => {
      const id = m.gazetteerId ? addGazetteer(o.datasets.get(m.gazetteerId)!) : coinedIds.get(m.surface)!;
      seenHere.add(m.surface);
      names.add(id, m.surface);
      links.add(d.id, id, m.role ?? 'EVALUATED_ON', evidenceOf(d, m), m.confidence);
    };
    for (const m of d.extraction.datasets) if (m.gazetteerId ? o.datasets.has(m.gazetteerId) : coinedIds.has(m.surface)) link(m);
    for (const n of d.extraction.names) {
      const c = coined.get(n.text);
      if (!c || seenHere.has(n.text)) continue;
      const id = coinedIds.get(n.text)!;
      names.add(id, n.text);
      links.add(d.id, id, 'EVALUATED_ON', evidenceOf(d, n), Math.min(0.7, c.confidence));
    }
  }
}

interface PhraseStats {
  docs: Set<number>;
  /** Occurrences where the phrase stands alone; one never standing alone is only part of longer terms. */
  standalone: number;
  adjectival: number;
  total: number;
  head: string;
  words: number;
}

function resolvePhrases(docs: readonly ResolveInput[], o: ResolveOptions, entities: Map<string, Entity>, links: LinkTable, names: Names): void {
  const minDf = o.minConceptDf ?? Math.max(2, Math.round(docs.length / 2000));
  // In a large corpus a phrase in over half the papers is background, not a concept; a handful of
  // papers is too few to say so.
  const maxDf = docs.length >= 50 ? docs.length * 0.5 : Infinity;
  const datasetKeys = new Set<string>();
  for (const e of entities.values()) for (const n of [e.name, ...e.aliases]) datasetKeys.add(nameKey(n));

  // Document frequency of every plain phrase (no gaps, modifiers or acronyms: those only link).
  const stats = new Map<string, PhraseStats>();
  docs.forEach((d, i) => {
    for (const p of d.extraction.phrases) {
      if (p.gapped || p.modifierKey || p.viaAcronym || p.words < 1) continue;
      let s = stats.get(p.key);
      if (!s) stats.set(p.key, (s = { docs: new Set(), standalone: 0, adjectival: 0, total: 0, head: p.head, words: p.words }));
      s.docs.add(i);
      s.total++;
      if (p.standalone) s.standalone++;
      if (p.adjectival) s.adjectival++;
    }
  });

  const taskOf = (key: string, s: PhraseStats | undefined): GazetteerTask | 'discovered' | undefined => {
    const g = o.tasksByKey.get(key);
    if (g) return g;
    if (s && s.words >= 2 && TASK_HEADS.has(s.head) && s.docs.size >= minDf) return 'discovered';
    return undefined;
  };

  // The vocabulary: gazetteer tasks, shared task phrases, shared multi-word concept phrases.
  const vocab = new Map<string, { kind: EntityKind; id: string; name: string; aliases: string[] }>();
  // In key order, so the same corpus always yields the same vocabulary.
  const phrasesInOrder = [...stats.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [key, s] of phrasesInOrder) {
    if (datasetKeys.has(key)) continue;
    const task = taskOf(key, s);
    if (task && task !== 'discovered') vocab.set(key, { kind: 'Task', id: `task:${task.id}`, name: task.name, aliases: [...task.aliases] });
    else if (task === 'discovered') vocab.set(key, { kind: 'Task', id: `task:${key}`, name: '', aliases: [] });
    else if (s.words >= 2 && s.standalone > 0 && !DATASET_CUES.has(s.head) && s.docs.size >= minDf && s.docs.size <= maxDf)
      vocab.set(key, { kind: 'Concept', id: `concept:${key}`, name: '', aliases: [] });
  }
  // A longer phrase found in exactly the papers of a shorter one inside it says nothing more.
  // Only phrases with the same paper set can be such pairs, so compare within those groups.
  const bySignature = new Map<string, string[]>();
  for (const key of vocab.keys()) {
    const signature = [...stats.get(key)!.docs].join(',');
    (bySignature.get(signature) ?? bySignature.set(signature, []).get(signature)!).push(key);
  }
  for (const group of bySignature.values()) {
    if (group.length < 2) continue;
    for (const key of group)
      if (!o.tasksByKey.has(key) && group.some((other) => other.length < key.length && key.includes(other))) vocab.delete(key);
  }
  // Paradigms named by their modifier: "multi-task learning" is also meant by "multi-task model".
  // Only where the modifier mostly means the paradigm: "generative" or "distributed" before a noun
  // is far more often something else ("generative model", "distributed representations").
  const modifierUse = new Map<string, { total: number; learning: number }>();
  for (const d of docs)
    for (const p of d.extraction.phrases)
      if (p.modifierKey) {
        const m = modifierUse.get(p.modifierKey) ?? { total: 0, learning: 0 };
        m.total++;
        if (p.head === 'learning') m.learning++;
        modifierUse.set(p.modifierKey, m);
      }
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

  docs.forEach((d) => {
    const add = (key: string, p: Span, confidence: number, surfaceCounts: boolean) => {
      const v = vocab.get(key);
      if (!v) return;
      if (!entities.has(v.id)) entities.set(v.id, { id: v.id, kind: v.kind, name: v.name, aliases: v.aliases, confidence: 1, partOf: [] });
      const ev = evidenceOf(d, p);
      if (surfaceCounts) names.add(v.id, ev.surface);
      links.add(d.id, v.id, v.kind === 'Task' ? 'ADDRESSES' : 'MENTIONS', ev, confidence);
    };
    // Each span links to the most specific concept naming it: "natural language processing", not
    // also "language processing" inside it. A gapped reading ("graph neural networks" in "graph
    // convolutional neural networks") links only where no concept names the span as written.
    const plain = d.extraction.phrases.filter((p) => !p.modifierKey && vocab.has(p.key));
    const covered = (p: Span) => plain.some((q) => !q.gapped && q.field === p.field && q.start <= p.start && q.end >= p.end && q.end - q.start > p.end - p.start);
    const named = new Set(plain.filter((p) => !p.gapped).map((p) => `${p.field}:${p.start}:${p.end}`));
    for (const p of plain) {
      if (covered(p) || (p.gapped && named.has(`${p.field}:${p.start}:${p.end}`))) continue;
      add(p.key, p, p.gapped ? 0.8 : 1, !p.gapped && !p.viaAcronym);
    }
    for (const p of d.extraction.phrases) {
      const paradigm = p.modifierKey ? paradigms.get(p.modifierKey) : undefined;
      if (paradigm) add(paradigm, p, 0.6, false);
    }
    for (const n of d.extraction.names) {
      const bare = /[A-Z]s$/.test(n.text) ? n.text.slice(0, -1) : n.text;
      const key = d.extraction.acronyms.has(bare) ? undefined : globalAcronyms.get(bare);
      if (key) add(key, n, 0.8, false);
    }
  });
}

/** Lowercase a phrase for display, keeping acronyms and names with inner capitals ("3D", "BERT"). */
function displayPhrase(s: string): string {
  return s
    .split(' ')
    .map((w) => (/[A-Z].*[A-Z]|[0-9]/.test(w.slice(1)) || /^[A-Z]{2,}/.test(w) ? w : w.toLowerCase()))
    .join(' ');
}
