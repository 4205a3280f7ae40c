/**
 * Links between clusters for a map's overview: two clusters are related by the entities their
 * papers share (each shared entity counts the smaller of the two clusters' paper counts, damped
 * by how many clusters share it, so "neural network" does not tie every cluster to every other),
 * plus similarity and citations between their papers. Only each cluster's strongest links are
 * kept, so the overview shows structure rather than a hairball.
 */
import type { MapLink } from '../model/map.ts';

export class ClusterLinks {
  private readonly byEntity = new Map<string, { name: string; groups: Map<string, number> }>();
  private readonly direct = new Map<string, number>();

  /** One paper of `group` links to the entity. */
  addEntity(entity: string, name: string, group: string): void {
    const e = this.byEntity.get(entity) ?? this.byEntity.set(entity, { name, groups: new Map() }).get(entity)!;
    e.groups.set(group, (e.groups.get(group) ?? 0) + 1);
  }

  /** A paper of `a` is similar to, or cites, a paper of `b`. */
  addPair(a: string, b: string, weight: number): void {
    if (a === b) return;
    const key = a < b ? `${a}\t${b}` : `${b}\t${a}`;
    this.direct.set(key, (this.direct.get(key) ?? 0) + weight);
  }

  /** The strongest `perCluster` links of each cluster, strongest first. */
  links(perCluster = 4): MapLink[] {
    const weight = new Map<string, number>(this.direct);
    const shared = new Map<string, { name: string; w: number }[]>();
    for (const { name, groups } of this.byEntity.values()) {
      if (groups.size < 2) continue;
      const damp = 1 / Math.log2(1 + groups.size);
      const list = [...groups].sort((x, y) => (x[0] < y[0] ? -1 : 1));
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++) {
          const key = `${list[i]![0]}\t${list[j]![0]}`;
          const w = Math.min(list[i]![1], list[j]![1]) * damp;
          weight.set(key, (weight.get(key) ?? 0) + w);
          (shared.get(key) ?? shared.set(key, []).get(key)!).push({ name, w });
        }
    }
    const all = [...weight].map(([key, w]) => {
      const [a, b] = key.split('\t') as [string, string];
      const names = (shared.get(key) ?? []).sort((x, y) => y.w - x.w || (x.name < y.name ? -1 : 1)).slice(0, 5).map((s) => s.name);
      return { a, b, weight: Math.round(w * 100) / 100, shared: names };
    });
    all.sort((x, y) => y.weight - x.weight || (x.a + x.b < y.a + y.b ? -1 : 1));
    const kept = new Map<string, number>();
    return all.filter((l) => {
      const ka = kept.get(l.a) ?? 0;
      const kb = kept.get(l.b) ?? 0;
      if (ka >= perCluster && kb >= perCluster) return false;
      kept.set(l.a, ka + 1);
      kept.set(l.b, kb + 1);
      return true;
    });
  }
}
