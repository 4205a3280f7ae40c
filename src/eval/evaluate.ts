/**
 * Extraction quality against a gold file in the format of ../shared/gold/seed-gold.json:
 * paper-to-dataset/benchmark precision, recall and F1; per-concept coverage; junk concept nodes.
 */
import type { PaperGraph } from '../assemble/graph.ts';

export interface GoldFile {
  papers: { title: string; datasets: { name: string; surface: string[] }[]; optional: string[] }[];
  concepts: { name: string; papers: string[]; optional: string[] }[];
  junk_concepts: string[];
}

export interface PaperScore {
  title: string;
  missing: string[];
  wrong: string[];
}

export interface ConceptScore {
  name: string;
  /** Node covering the most gold papers. */
  node?: string;
  linked: number;
  total: number;
  missingPapers: string[];
}

export interface Evaluation {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
  papers: PaperScore[];
  concepts: ConceptScore[];
  junk: string[];
  /** Gold titles not found in the snapshot. */
  unmatchedTitles: string[];
}

/** Gold's matching rule: ignore case, spaces and hyphens. */
const norm = (s: string) => s.toLowerCase().replace(/[\s\-‐–]+/g, '');
const DATASET_KINDS = new Set(['Dataset', 'Benchmark']);
const CONCEPT_KINDS = new Set(['Concept', 'Task']);

function namesOf(g: PaperGraph, node: string): Set<string> {
  const a = g.getNodeAttributes(node);
  return new Set([a.name, ...('aliases' in a ? a.aliases : [])].map(norm));
}

export function evaluate(g: PaperGraph, gold: GoldFile): Evaluation {
  const byTitle = new Map<string, string>();
  g.forEachNode((id, a) => {
    if (a.kind === 'Paper') byTitle.set(a.name, id);
  });
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const papers: PaperScore[] = [];
  const unmatchedTitles: string[] = [];
  for (const gp of gold.papers) {
    const id = byTitle.get(gp.title);
    if (!id) {
      unmatchedTitles.push(gp.title);
      fn += gp.datasets.length;
      continue;
    }
    const predicted = g.outNeighbors(id).filter((n) => DATASET_KINDS.has(g.getNodeAttribute(n, 'kind')));
    const goldNames = gp.datasets.map((d) => new Set([d.name, ...d.surface].map(norm)));
    const optional = new Set(gp.optional.map(norm));
    const matched = new Set<number>();
    const wrong: string[] = [];
    for (const n of predicted) {
      const names = namesOf(g, n);
      const hit = goldNames.findIndex((gn) => [...gn].some((x) => names.has(x)));
      if (hit >= 0) {
        if (!matched.has(hit)) tp++;
        matched.add(hit);
      } else if (![...optional].some((x) => names.has(x))) {
        fp++;
        wrong.push(g.getNodeAttribute(n, 'name'));
      }
    }
    const missing = gp.datasets.filter((_, i) => !matched.has(i)).map((d) => d.name);
    fn += missing.length;
    if (missing.length || wrong.length) papers.push({ title: gp.title, missing, wrong });
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;

  const concepts: ConceptScore[] = gold.concepts.map((c) => {
    const target = norm(c.name);
    const nodes = g.filterNodes((n, a) => CONCEPT_KINDS.has(a.kind) && namesOf(g, n).has(target));
    let best: ConceptScore = { name: c.name, linked: 0, total: c.papers.length, missingPapers: [...c.papers] };
    for (const node of nodes) {
      const missingPapers = c.papers.filter((t) => {
        const p = byTitle.get(t);
        return !p || !g.hasEdge(p, node);
      });
      const linked = c.papers.length - missingPapers.length;
      if (linked > best.linked || !best.node) best = { name: c.name, node, linked, total: c.papers.length, missingPapers };
    }
    return best;
  });
  const junkNames = new Set(gold.junk_concepts.map(norm));
  const junk = g.filterNodes((_, a) => a.kind !== 'Paper' && junkNames.has(norm(a.name)));
  return { precision, recall, f1, tp, fp, fn, papers, concepts, junk, unmatchedTitles };
}

export function formatEvaluation(e: Evaluation): string {
  const pct = (x: number) => x.toFixed(3);
  const lines = [
    `datasets/benchmarks  precision ${pct(e.precision)}  recall ${pct(e.recall)}  F1 ${pct(e.f1)}  (tp ${e.tp}, fp ${e.fp}, fn ${e.fn})`,
    '',
    'concept                      papers linked   share   node',
    ...e.concepts.map((c) => `${c.name.padEnd(28)} ${`${c.linked}/${c.total}`.padStart(13)}   ${pct(c.linked / Math.max(1, c.total))}   ${c.node ?? '(none)'}`),
    '',
    `junk concept nodes: ${e.junk.length ? e.junk.join(', ') : 'none'}`,
  ];
  if (e.unmatchedTitles.length) lines.push(`gold titles missing from the snapshot: ${e.unmatchedTitles.join(' | ')}`);
  for (const p of e.papers) lines.push(`  ${p.title.slice(0, 70)}: ${p.missing.length ? `missing ${p.missing.join(', ')}` : ''}${p.wrong.length ? ` wrong ${p.wrong.join(', ')}` : ''}`);
  for (const c of e.concepts) if (c.missingPapers.length) lines.push(`  ${c.name} not linked: ${c.missingPapers.map((t) => t.slice(0, 50)).join(' | ')}`);
  return lines.join('\n');
}
