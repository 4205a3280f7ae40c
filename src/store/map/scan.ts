/**
 * The map stage's one pass over a written snapshot: every knowledge node and its outgoing links go
 * to the bucket of its top-level cluster; what the overview needs across clusters (entity sharing,
 * similarity and citations between clusters, adoption of datasets) is counted on the way. Held in
 * memory: one cluster number per node, entity attributes, and the counters.
 */
import { ClusterLinks } from '../../analyze/cluster-links.ts';
import type { ClusterInfo, EntityNodeAttributes } from '../../model/schema.ts';
import type { SnapshotEdge, SnapshotNode, SnapshotSource } from '../snapshot-stream.ts';
import { Buckets } from './buckets.ts';

export const KNOWLEDGE = new Set(['Paper', 'Dataset', 'Benchmark', 'Task', 'Concept']);
const ENTITY_LINKS = new Set(['EVALUATED_ON', 'INTRODUCES', 'USES', 'ADDRESSES', 'MENTIONS']);
const ADOPTION_LINKS = new Set(['EVALUATED_ON', 'INTRODUCES']);

export type BucketEntry = ['n', SnapshotNode] | ['e', SnapshotEdge];

export interface AdoptionCount {
  years: Map<number, number>;
  total: number;
  first: { id: string; year: number } | null;
}

export interface Scan {
  clusters: ClusterInfo[];
  buckets: Buckets<BucketEntry>;
  entities: Map<string, EntityNodeAttributes>;
  topLinks: ClusterLinks;
  adoption: Map<string, AdoptionCount>;
  papers: number;
  /** Per field: the sum of its nodes' positions, its nodes and its papers (for its centre and size). */
  fields: Map<number, { x: number; y: number; n: number; papers: number }>;
}

export async function scanSnapshot(source: SnapshotSource, tmp: string, onProgress?: (at: number) => void): Promise<Scan> {
  const fieldOf = new Map<string, number>();
  const yearOf = new Map<string, number>();
  const scan: Scan = { clusters: [], buckets: new Buckets(tmp), entities: new Map(), topLinks: new ClusterLinks(), adoption: new Map(), papers: 0, fields: new Map() };
  await source.read({
    header: (h) => void (scan.clusters = h.attributes.clusters ?? []),
    async nodes(batch, at) {
      for (const n of batch) {
        const a = n.attributes!;
        if (!KNOWLEDGE.has(a.kind) || typeof a.cluster !== 'number' || a.cluster < 0) continue;
        fieldOf.set(n.key, a.cluster);
        const f = scan.fields.get(a.cluster) ?? scan.fields.set(a.cluster, { x: 0, y: 0, n: 0, papers: 0 }).get(a.cluster)!;
        f.x += a.x;
        f.y += a.y;
        f.n++;
        if (a.kind === 'Paper') {
          f.papers++;
          scan.papers++;
          if (typeof a.year === 'number') yearOf.set(n.key, a.year);
        } else scan.entities.set(n.key, a);
        scan.buckets.add(a.cluster, ['n', n]);
      }
      await scan.buckets.flushFull();
      onProgress?.(at);
    },
    async edges(batch, at) {
      for (const e of batch) {
        const from = fieldOf.get(e.source);
        const to = fieldOf.get(e.target);
        if (from === undefined || to === undefined) continue;
        scan.buckets.add(from, ['e', e]);
        const type = e.attributes!.type;
        const entity = scan.entities.get(e.target);
        if (entity && ENTITY_LINKS.has(type)) scan.topLinks.addEntity(e.target, entity.name, String(from));
        else if ((type === 'SIMILAR_TO' || type === 'CITES') && from !== to) scan.topLinks.addPair(String(from), String(to), type === 'SIMILAR_TO' ? e.attributes!.score : 1);
        if (entity && ADOPTION_LINKS.has(type) && (entity.kind === 'Dataset' || entity.kind === 'Benchmark')) countAdoption(scan.adoption, e.target, e.source, yearOf.get(e.source));
      }
      await scan.buckets.flushFull();
      onProgress?.(at);
    },
  });
  await scan.buckets.flushAll();
  return scan;
}

function countAdoption(adoption: Map<string, AdoptionCount>, entity: string, paper: string, year: number | undefined): void {
  const a = adoption.get(entity) ?? adoption.set(entity, { years: new Map(), total: 0, first: null }).get(entity)!;
  a.total++;
  if (year === undefined) return;
  a.years.set(year, (a.years.get(year) ?? 0) + 1);
  if (!a.first || year < a.first.year || (year === a.first.year && paper < a.first.id)) a.first = { id: paper, year };
}
