/**
 * Incremental ingest's analysis: papers added to an analysed graph are folded into it instead of
 * re-running Louvain and the layout, so every existing node keeps its cluster and its position
 * (a re-run would renumber clusters and move the whole map). A new node joins the cluster its
 * placed neighbours weigh most (link weights as in the knowledge view, similarity by score) and
 * sits among those neighbours, jittered by a seeded random offset. The cost: clusters never
 * re-form around the new papers; a full ingest does that.
 */
import type { PaperGraph } from '../assemble/graph.ts';
import { LINK_WEIGHT } from './communities.ts';
import { seededRandom } from './rng.ts';
import { sizeOf } from './analyze.ts';

type Vote = { weight: number; x: number; y: number; n: number };

/** Places every node in `added` (graph keys not yet analysed), in the order given. */
export function foldIn(g: PaperGraph, added: readonly string[], seed = 42): void {
  const rand = seededRandom(seed + 2);
  const isNew = new Set(added);
  const placed = new Set(g.filterNodes((id) => !isNew.has(id)));
  let pending = [...added];
  // Nodes linked only to other new nodes wait until those are placed; a few rounds reach them all.
  for (let round = 0; round < 4 && pending.length; round++) {
    const next: string[] = [];
    for (const id of pending) {
      const votes = new Map<number, Vote>();
      g.forEachEdge(id, (_, a, s, t) => {
        const other = s === id ? t : s;
        if (!placed.has(other)) return;
        const w = a.type === 'SIMILAR_TO' ? 2 * a.score : (LINK_WEIGHT[a.type] ?? 0.1);
        const o = g.getNodeAttributes(other);
        const v = votes.get(o.cluster) ?? votes.set(o.cluster, { weight: 0, x: 0, y: 0, n: 0 }).get(o.cluster)!;
        v.weight += w;
        v.x += o.x;
        v.y += o.y;
        v.n++;
      });
      const best = [...votes.entries()].sort((p, q) => q[1].weight - p[1].weight || p[0] - q[0])[0];
      if (!best) {
        next.push(id);
        continue;
      }
      const [cluster, v] = best;
      const jitter = () => Math.round((rand() - 0.5) * 400) / 100;
      g.mergeNodeAttributes(id, { cluster, x: Math.round((v.x / v.n) * 100) / 100 + jitter(), y: Math.round((v.y / v.n) * 100) / 100 + jitter(), size: sizeOf(g.degree(id)) });
      placed.add(id);
    }
    pending = next;
  }
  // Nothing links these to the map: they join the pooled "other" cluster (or the last), at its centre.
  const clusters = g.getAttribute('clusters');
  const other = clusters.at(-1)?.id ?? 0;
  const members = g.filterNodes((id, a) => placed.has(id) && a.cluster === other).map((id) => g.getNodeAttributes(id));
  const cx = members.reduce((s, a) => s + a.x, 0) / Math.max(1, members.length);
  const cy = members.reduce((s, a) => s + a.y, 0) / Math.max(1, members.length);
  for (const id of pending) g.mergeNodeAttributes(id, { cluster: other, x: Math.round((cx + (rand() - 0.5) * 8) * 100) / 100, y: Math.round((cy + (rand() - 0.5) * 8) * 100) / 100, size: sizeOf(g.degree(id)) });
  const sizes = new Map<number, number>();
  g.forEachNode((_, a) => void sizes.set(a.cluster, (sizes.get(a.cluster) ?? 0) + 1));
  g.setAttribute('clusters', clusters.map((c) => ({ ...c, size: sizes.get(c.id) ?? c.size })));
}
