/**
 * Build: papers, entities and links into one graphology graph with the schema of DESIGN.md.
 * Positions, clusters and sizes are filled in by analyze; here they start at zero.
 */
import Graph from 'graphology';
import { SCHEMA_VERSION } from '../model/schema.ts';
import { slug, type Resolved } from '../resolve/resolve.ts';
import { displayAuthorName, normaliseAuthorName } from '../readers/authors.ts';
import { addCitations } from './citations.ts';
import type { IdentifiedPaper } from '../model/paper.ts';
import type { PaperGraph } from './paper-graph.ts';

export type { PaperGraph } from './paper-graph.ts';

const placed = { cluster: -1, x: 0, y: 0, size: 1 };

export function buildGraph(papers: readonly IdentifiedPaper[], resolved: Resolved): PaperGraph {
  const g: PaperGraph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
  g.replaceAttributes({ schemaVersion: SCHEMA_VERSION, generator: 'papergraph', clusters: [] });
  for (const { id, record: r, sources } of papers) {
    g.addNode(id, {
      kind: 'Paper',
      name: r.title,
      abstract: r.abstract,
      ...(r.year !== undefined ? { year: r.year } : {}),
      ...(r.authors?.length ? { authors: r.authors } : {}),
      ...(r.arxivId ? { arxivId: r.arxivId } : {}),
      ...(r.doi ? { doi: r.doi } : {}),
      ...(r.url ? { url: r.url } : {}),
      ...(r.venue ? { venue: r.venue } : {}),
      sources,
      ...placed,
    });
  }
  // Sorted so that the same input always gives the same node order, hence the same snapshot.
  for (const e of [...resolved.entities.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    g.addNode(e.id, { kind: e.kind, name: e.name, aliases: e.aliases, ...(e.confidence < 1 ? { confidence: e.confidence } : {}), ...(e.parent ? { parent: e.parent, ancestors: e.ancestors ?? [] } : {}), ...placed });
  }
  for (const e of resolved.entities.values())
    for (const suite of e.partOf) g.mergeEdgeWithKey(`PART_OF:${e.id}->${suite}`, e.id, suite, { type: 'PART_OF' });
  const links = [...resolved.links].sort((a, b) => (a.paper === b.paper ? (a.entity < b.entity ? -1 : 1) : a.paper < b.paper ? -1 : 1));
  for (const l of links)
    g.addEdgeWithKey(`${l.type}:${l.paper}->${l.entity}`, l.paper, l.entity, {
      type: l.type,
      evidence: l.evidence,
      weight: l.weight,
      ...(l.confidence < 1 ? { confidence: l.confidence } : {}),
    });
  addMetadataNodes(g, papers);
  addCitations(g, papers);
  return g;
}

/** Authors, categories and venues, where a source carries them. */
function addMetadataNodes(g: PaperGraph, papers: readonly IdentifiedPaper[]): void {
  const node = (id: string, kind: 'Author' | 'Category' | 'Venue', name: string) => {
    if (!g.hasNode(id)) g.addNode(id, { kind, name, aliases: [], ...placed });
    return id;
  };
  for (const { id, record: r } of papers) {
    for (const a of r.authors ?? []) {
      // "Hinton, Geoffrey E." and "Geoffrey Hinton" are one Author node.
      const key = slug(normaliseAuthorName(a));
      if (key) g.mergeEdgeWithKey(`AUTHORED_BY:${id}->author:${key}`, id, node(`author:${key}`, 'Author', displayAuthorName(a)), { type: 'AUTHORED_BY' });
    }
    for (const c of r.categories ?? []) g.mergeEdgeWithKey(`IN_CATEGORY:${id}->category:${c.toLowerCase()}`, id, node(`category:${c.toLowerCase()}`, 'Category', c), { type: 'IN_CATEGORY' });
    if (r.venue) {
      const v = slug(r.venue);
      if (v) g.mergeEdgeWithKey(`PUBLISHED_IN:${id}->venue:${v}`, id, node(`venue:${v}`, 'Venue', r.venue), { type: 'PUBLISHED_IN' });
    }
  }
}
