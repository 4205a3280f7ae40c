/**
 * Cluster labels from each cluster's most distinctive terms. A term is scored against the other
 * clusters with Dunning's log-likelihood ratio (G², "Accurate methods for the statistics of surprise
 * and coincidence", 1993): how much likelier its papers are inside the cluster than outside. Terms
 * under-represented in the cluster score nothing. Curated entities (datasets, benchmarks, tasks,
 * gazetteer concepts) are preferred over phrases discovered from the corpus, and a discovered phrase
 * of everyday words or filler nouns ("upper bound", "own right", "input-output pairs") is never a label.
 */
import type { PaperGraph } from '../assemble/graph.ts';
import type { ClusterTerm } from '../model/schema.ts';
import { isEverydayPhrase } from '../extract/lexicon.ts';
import { FILLER_NOUNS } from '../extract/vocabulary.ts';
import { METHOD_ENTRIES, TASK_ENTRIES } from '../extract/gazetteer.ts';
import { methodPhraseKey } from '../extract/method-gazetteer.ts';

const LABEL_KINDS = new Set(['Dataset', 'Benchmark', 'Task', 'Concept']);

export interface ClusterTerms {
  cluster: number;
  size: number;
  papers: number;
  top: string[];
  terms: ClusterTerm[];
}

/** Ids of the curated tasks and concepts (gazetteer entries), as resolve names them. */
const CURATED = new Set([...TASK_ENTRIES.map((t) => `task:${t.id}`), ...METHOD_ENTRIES.map((m) => `concept:${methodPhraseKey(m.name)}`)]);

/** How much a kind of term is trusted as a label: discovered phrases and names count for less. */
function kindWeight(a: { kind: string; confidence?: number }, id: string): number {
  if (a.kind === 'Concept') return CURATED.has(id) ? 1 : 0.5;
  if (a.kind === 'Task') return CURATED.has(id) ? 1 : 0.7;
  return (a.confidence ?? 1) < 1 ? 0.7 : 1;
}

/** G² of a papers of n inside the cluster against b papers of m outside, signed by direction. */
export function logLikelihood(a: number, n: number, b: number, m: number): number {
  const total = a + b;
  if (total === 0 || n === 0) return 0;
  const e1 = (n * total) / (n + m);
  const e2 = (m * total) / (n + m);
  const g2 = 2 * ((a > 0 ? a * Math.log(a / e1) : 0) + (b > 0 ? b * Math.log(b / e2) : 0));
  return a / n > (m > 0 ? b / m : 0) ? g2 : 0;
}

/**
 * What clusterTerms reads of a graph: every node with its kind and cluster, each paper's
 * out-neighbours, and a term's kind, name and confidence. A PaperGraph is one; the map's hierarchy
 * passes a view of a field with its parts as clusters, so as not to copy the field into a graph.
 */
export interface TermGraph {
  forEachNode(callback: (id: string, a: { kind: string; cluster: number }) => void): void;
  forEachOutNeighbor(id: string, callback: (neighbour: string, a: { kind: string }) => void): void;
  getNodeAttributes(id: string): { kind: string; name: string; confidence?: number };
}

export function clusterTerms(g: PaperGraph | TermGraph, topN = 5): ClusterTerms[] {
  const papersIn = new Map<number, number>();
  const sizes = new Map<number, number>();
  const tf = new Map<number, Map<string, number>>();
  const total = new Map<string, number>();
  let allPapers = 0;
  const graph = g as TermGraph;
  graph.forEachNode((id, a) => {
    sizes.set(a.cluster, (sizes.get(a.cluster) ?? 0) + 1);
    if (a.kind !== 'Paper') return;
    allPapers++;
    papersIn.set(a.cluster, (papersIn.get(a.cluster) ?? 0) + 1);
    const counts = tf.get(a.cluster) ?? tf.set(a.cluster, new Map()).get(a.cluster)!;
    const seen = new Set<string>();
    graph.forEachOutNeighbor(id, (e, ea) => {
      if (!LABEL_KINDS.has(ea.kind) || seen.has(e)) return;
      seen.add(e);
      counts.set(e, (counts.get(e) ?? 0) + 1);
      total.set(e, (total.get(e) ?? 0) + 1);
    });
  });
  const clusters = [...sizes.keys()].filter((c) => c >= 0).sort((a, b) => a - b);
  return clusters.map((c) => {
    const counts = tf.get(c) ?? new Map<string, number>();
    const n = papersIn.get(c) ?? 0;
    const scored: ClusterTerm[] = [];
    for (const [e, k] of counts) {
      // An entity only one paper uses says little about a cluster of many.
      if (k < 2 && n > 3) continue;
      const a = graph.getNodeAttributes(e);
      const weight = kindWeight(a, e);
      if (weight < 1 && a.kind === 'Concept' && isEverydayPhrase(a.name, FILLER_NOUNS)) continue;
      const score = logLikelihood(k, n, total.get(e)! - k, allPapers - n) * weight;
      if (score > 0) scored.push({ name: a.name, kind: a.kind, score: Math.round(score * 100) / 100, papers: k });
    }
    scored.sort((x, y) => y.score - x.score || (x.name < y.name ? -1 : 1));
    // "stochastic gradient descent · stochastic gradient · gradient descent" says one thing three
    // times: skip a term that a chosen one contains, or that contains a chosen one.
    const terms: ClusterTerm[] = [];
    const keyOf = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
    for (const t of scored) {
      const key = keyOf(t.name);
      if (terms.some((x) => keyOf(x.name).includes(key) || key.includes(keyOf(x.name)))) continue;
      terms.push(t);
      if (terms.length === topN) break;
    }
    return { cluster: c, size: sizes.get(c)!, papers: n, top: terms.map((t) => t.name), terms };
  });
}

/** "multi-task learning · GLUE · passage ranking": the top three terms, or a plain fallback. */
export function labelOf(terms: ClusterTerms, isOther: boolean): string {
  if (isOther) return 'Unclustered';
  return terms.top.length ? terms.top.slice(0, 3).join(' · ') : `Cluster ${terms.cluster + 1}`;
}
