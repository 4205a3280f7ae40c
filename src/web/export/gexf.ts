/**
 * The graph as GEXF for Gephi: positions, sizes and colours as viz attributes; lists and evidence
 * flattened to strings, since GEXF attributes are scalar.
 */
import { write } from 'graphology-gexf/browser';
import type { SnapshotGraph } from '../state/graph-types.ts';
import { isLinkEdge, type NodeAttributes } from '../../model/schema.ts';

/** `colorOf`: a node's colour (the whole graph colours by cluster, the map keeps a colour per node). */
export function toGexf(graph: SnapshotGraph, colorOf: (a: NodeAttributes) => string): string {
  return write(graph, {
    formatNode: (_key, a) => ({
      label: a.name,
      viz: { x: a.x, y: a.y, size: a.size, color: colorOf(a) },
      attributes: {
        kind: a.kind,
        cluster: a.cluster,
        ...('aliases' in a ? { aliases: a.aliases.join('; ') } : {}),
        ...(a.kind === 'Paper' ? { abstract: a.abstract, year: a.year ?? '', url: a.url ?? '' } : {}),
        // A map disc stands for a whole cluster: how many papers it holds.
        ...('papers' in a ? { papers: Number(a.papers) } : {}),
      },
    }),
    formatEdge: (_key, a) => ({
      attributes: {
        type: a.type,
        evidence: isLinkEdge(a) ? a.evidence.map((e) => e.sentence).join(' | ') : '',
        ...('shared' in a && Array.isArray(a.shared) ? { shared: a.shared.join('; ') } : {}),
      },
    }),
  });
}
