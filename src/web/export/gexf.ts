/**
 * The graph as GEXF for Gephi: positions, sizes and cluster colours as viz attributes; lists and
 * evidence flattened to strings, since GEXF attributes are scalar.
 */
import { write } from 'graphology-gexf/browser';
import type { SnapshotGraph } from '../state/graph-types.ts';
import { isLinkEdge } from '../../model/schema.ts';

export function toGexf(graph: SnapshotGraph, colors: Map<number, string>): string {
  return write(graph, {
    formatNode: (_key, a) => ({
      label: a.name,
      viz: { x: a.x, y: a.y, size: a.size, color: colors.get(a.cluster) ?? '#888888' },
      attributes: {
        kind: a.kind,
        cluster: a.cluster,
        ...('aliases' in a ? { aliases: a.aliases.join('; ') } : {}),
        ...(a.kind === 'Paper' ? { abstract: a.abstract, year: a.year ?? '', url: a.url ?? '' } : {}),
      },
    }),
    formatEdge: (_key, a) => ({
      attributes: {
        type: a.type,
        evidence: isLinkEdge(a) ? a.evidence.map((e) => e.sentence).join(' | ') : '',
      },
    }),
  });
}
