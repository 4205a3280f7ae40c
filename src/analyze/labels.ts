/**
 * Cluster labels from each cluster's most distinctive entities, scored with class-based TF-IDF
 * (Grootendorst, "BERTopic", 2022): how often a cluster's papers use an entity, against how often
 * the whole corpus does.
 */
import type { PaperGraph } from '../assemble/graph.ts';

const LABEL_KINDS = new Set(['Dataset', 'Benchmark', 'Task', 'Concept']);

export interface ClusterTerms {
  cluster: number;
  size: number;
  papers: number;
  top: string[];
}

export function clusterTerms(g: PaperGraph, topN = 5): ClusterTerms[] {
  const papersIn = new Map<number, number>();
  const sizes = new Map<number, number>();
  const tf = new Map<number, Map<string, number>>();
  const total = new Map<string, number>();
  g.forEachNode((id, a) => {
    sizes.set(a.cluster, (sizes.get(a.cluster) ?? 0) + 1);
    if (a.kind !== 'Paper') return;
    papersIn.set(a.cluster, (papersIn.get(a.cluster) ?? 0) + 1);
    const counts = tf.get(a.cluster) ?? tf.set(a.cluster, new Map()).get(a.cluster)!;
    g.forEachOutNeighbor(id, (e, ea) => {
      if (!LABEL_KINDS.has(ea.kind)) return;
      counts.set(e, (counts.get(e) ?? 0) + 1);
      total.set(e, (total.get(e) ?? 0) + 1);
    });
  });
  const clusters = [...sizes.keys()].filter((c) => c >= 0).sort((a, b) => a - b);
  const avgPapers = [...papersIn.values()].reduce((s, x) => s + x, 0) / Math.max(1, papersIn.size);
  return clusters.map((c) => {
    const counts = tf.get(c) ?? new Map<string, number>();
    const n = papersIn.get(c) ?? 0;
    const scored = [...counts.entries()]
      // An entity only one paper uses says little about a cluster of many.
      .filter(([, k]) => k >= 2 || n <= 3)
      .map(([e, k]) => [e, (k / Math.max(1, n)) * Math.log(1 + avgPapers / total.get(e)!)] as const)
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    // "stochastic gradient descent · stochastic gradient · gradient descent" says one thing three
    // times: skip a term that a chosen one contains, or that contains a chosen one.
    const top: string[] = [];
    for (const [e] of scored) {
      const name = g.getNodeAttribute(e, 'name');
      const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
      if (top.some((t) => { const k = t.toLowerCase().replace(/[^a-z0-9]/g, ''); return k.includes(key) || key.includes(k); })) continue;
      top.push(name);
      if (top.length === topN) break;
    }
    return { cluster: c, size: sizes.get(c)!, papers: n, top };
  });
}

/** "multi-task learning · GLUE · passage ranking": the top three terms, or a plain fallback. */
export function labelOf(terms: ClusterTerms, isOther: boolean): string {
  if (isOther) return 'Unclustered';
  return terms.top.length ? terms.top.slice(0, 3).join(' · ') : `Cluster ${terms.cluster + 1}`;
}
