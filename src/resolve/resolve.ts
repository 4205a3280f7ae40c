/**
 * Resolve: from every paper's mentions to entities with stable ids, one node per thing however it
 * is spelled, and to the links that carry their evidence. This is where the corpus decides what a
 * concept is: a phrase becomes one when several papers share it (curated methods and tasks link
 * wherever a paper names them).
 */
import { nameKey } from '../extract/name-key.ts';
import type { GazetteerDataset } from '../model/gazetteer.ts';
import { resolveDatasets } from './datasets.ts';
import { addAncestors, displayPhrase, resolvePhrases, type ConceptOptions } from './concepts.ts';
import type { PhraseStore } from '../extract/phrase-columns.ts';
import { LinkTable, Names, type Entity, type ResolveInput, type Resolved } from './links.ts';

export { slug, type Entity, type Link, type Resolved, type ResolveInput } from './links.ts';

export interface ResolveOptions extends ConceptOptions {
  datasets: ReadonlyMap<string, GazetteerDataset>;
  /** Papers a phrase must appear in to become a concept. Default: max(2, N/2000). */
  minConceptDf?: number;
  maxEvidence?: number;
}

/** `phrases` holds paper i's phrase occurrences for docs[i]. */
export function resolve(docs: readonly ResolveInput[], phrases: PhraseStore, options: ResolveOptions): Resolved {
  // Three sentences answer "why is this paper linked to COCO?"; more only grow the snapshot.
  const maxEvidence = options.maxEvidence ?? 3;
  const entities = new Map<string, Entity>();
  const links = new LinkTable(maxEvidence);
  const names = new Names();
  resolveDatasets(docs, options, entities, links, names);
  resolvePhrases(docs, phrases, options, entities, links, names);
  addAncestors(entities, options.methodsById);
  for (const e of entities.values()) {
    const ranked = names.ranked(e.id);
    if ((e.kind === 'Concept' || e.kind === 'Task') && !e.name) e.name = displayPhrase(ranked[0] ?? e.name);
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
