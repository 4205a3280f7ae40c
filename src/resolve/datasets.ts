/**
 * Datasets and benchmarks across the corpus: gazetteer entries with their suites, and names found
 * from context in one paper, recognised again in every other paper that writes them.
 */
import type { EntityKind } from '../model/schema.ts';
import type { Mention } from '../model/mention.ts';
import { nameKey } from '../extract/name-key.ts';
import type { GazetteerDataset } from '../model/gazetteer.ts';
import { evidenceOf, slug, type Entity, type LinkTable, type Names, type ResolveInput } from './links.ts';

const datasetEntityId = (kind: EntityKind, s: string) => `${kind.toLowerCase()}:${s}`;
const gazetteerKind = (g: GazetteerDataset): EntityKind => (g.kind === 'benchmark' ? 'Benchmark' : 'Dataset');

export function resolveDatasets(docs: readonly ResolveInput[], o: { datasets: ReadonlyMap<string, GazetteerDataset> }, entities: Map<string, Entity>, links: LinkTable, names: Names): void {
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
  // An edition ("PASCAL VOC 2011") is a node of its own, part of its entry's node.
  const addEdition = (g: GazetteerDataset, year: string): string => {
    const id = `${datasetEntityId(gazetteerKind(g), g.id)}-${year}`;
    if (!entities.has(id)) entities.set(id, { id, kind: gazetteerKind(g), name: `${g.name} ${year}`, aliases: [], confidence: 1, partOf: [addGazetteer(g)] });
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
      const g = m.gazetteerId ? o.datasets.get(m.gazetteerId)! : undefined;
      const id = g ? (m.edition ? addEdition(g, m.edition) : addGazetteer(g)) : coinedIds.get(m.surface)!;
      seenHere.add(m.surface);
      names.add(id, m.surface);
      links.add(d.id, id, m.role ?? 'USES', evidenceOf(d, m), m.confidence);
    };
    for (const m of d.extraction.datasets) if (m.gazetteerId ? o.datasets.has(m.gazetteerId) : coinedIds.has(m.surface)) link(m);
    for (const n of d.extraction.names) {
      const c = coined.get(n.text);
      if (!c || seenHere.has(n.text)) continue;
      const id = coinedIds.get(n.text)!;
      names.add(id, n.text);
      links.add(d.id, id, n.role, evidenceOf(d, n), Math.min(0.7, c.confidence));
    }
  }
}
