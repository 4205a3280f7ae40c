/**
 * Extraction quality against a gold file in the format of ../shared/gold/seed-gold.json:
 * paper-to-dataset/benchmark precision, recall and F1; per-concept coverage; junk concept nodes.
 */
import type { PaperGraph } from '../assemble/graph.ts';
import { isLinkEdge } from '../model/schema.ts';
import { nameKey } from '../extract/name-key.ts';

export interface GoldFile {
  papers: { title: string; datasets: { name: string; surface: string[] }[]; optional: string[] }[];
  concepts: { name: string; papers: string[]; optional: string[] }[];
  junk_concepts: string[];
}

export interface Extra {
  name: string;
  type: string;
  confidence: number;
  sentence: string;
}

export interface PaperScore {
  title: string;
  missing: string[];
  wrong: string[];
  /** The links behind `wrong`, with their type and evidence, so each extra can be read. */
  extras: Extra[];
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
  /** Predicted dataset/benchmark links of the gold papers, by relationship type. */
  byType: Record<string, number>;
}

/**
 * Gold's matching rule (ignore case, spaces and hyphens), with the extractor's own name key, which
 * also ignores apostrophes and accents ("WMT’14" = "WMT14").
 */
const norm = (s: string) => nameKey(s);
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
  const byType: Record<string, number> = {};
  for (const gp of gold.papers) {
    const id = byTitle.get(gp.title);
    if (!id) {
      unmatchedTitles.push(gp.title);
      fn += gp.datasets.length;
      continue;
    }
    const predicted = g.outNeighbors(id).filter((n) => DATASET_KINDS.has(g.getNodeAttribute(n, 'kind')));
    const extras: Extra[] = [];
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
        const e = g.getEdgeAttributes(g.edge(id, n)!);
        const link = isLinkEdge(e) ? e : undefined;
        extras.push({ name: g.getNodeAttribute(n, 'name'), type: e.type, confidence: link?.confidence ?? 1, sentence: link?.evidence[0]?.sentence ?? '' });
      }
      const type = g.getEdgeAttribute(g.edge(id, n)!, 'type');
      byType[type] = (byType[type] ?? 0) + 1;
    }
    const missing = gp.datasets.filter((_, i) => !matched.has(i)).map((d) => d.name);
    fn += missing.length;
    if (missing.length || wrong.length) papers.push({ title: gp.title, missing, wrong, extras });
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
  return { precision, recall, f1, tp, fp, fn, papers, concepts, junk, unmatchedTitles, byType };
}

/** FNV-1a of a title: a fixed split that needs no list of papers. */
function titleHash(title: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < title.length; i++) h = Math.imul(h ^ title.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export type Half = 'dev' | 'held-out';

/**
 * One half of a gold file: papers whose title hashes even (dev, the half one reads while working)
 * or odd (held-out, scored only at the end). Concepts keep only their papers of that half.
 */
export function splitGold(gold: GoldFile, half: Half): GoldFile {
  const inHalf = (title: string) => (titleHash(title) % 2 === 0) === (half === 'dev');
  return {
    papers: gold.papers.filter((p) => inHalf(p.title)),
    concepts: gold.concepts.map((c) => ({ ...c, papers: c.papers.filter(inHalf) })).filter((c) => c.papers.length > 0),
    junk_concepts: gold.junk_concepts,
  };
}

/** The same report for any corpus and gold file: the scores, then every miss and every extra. */
export function formatEvaluation(e: Evaluation): string {
  const pct = (x: number) => x.toFixed(3);
  const linked = e.concepts.reduce((n, c) => n + c.linked, 0);
  const total = e.concepts.reduce((n, c) => n + c.total, 0);
  const lines = [
    `datasets/benchmarks  precision ${pct(e.precision)}  recall ${pct(e.recall)}  F1 ${pct(e.f1)}  (tp ${e.tp}, fp ${e.fp}, fn ${e.fn})`,
    `links by type        ${Object.entries(e.byType).sort().map(([t, n]) => `${t} ${n}`).join(', ') || 'none'}`,
    '',
    'concept                      papers linked   share   node',
    ...e.concepts.map((c) => `${c.name.padEnd(28)} ${`${c.linked}/${c.total}`.padStart(13)}   ${pct(c.linked / Math.max(1, c.total))}   ${c.node ?? '(none)'}`),
    `${'all concepts'.padEnd(28)} ${`${linked}/${total}`.padStart(13)}   ${pct(linked / Math.max(1, total))}`,
    '',
    `junk concept nodes: ${e.junk.length ? e.junk.join(', ') : 'none'}`,
  ];
  if (e.unmatchedTitles.length) lines.push(`gold titles missing from the snapshot: ${e.unmatchedTitles.join(' | ')}`);
  const misses = e.papers.flatMap((p) => p.missing.map((m) => `  ${p.title.slice(0, 60)}: ${m}`));
  lines.push('', `misses (${misses.length}): gold datasets not linked`, ...misses);
  const extras = e.papers.flatMap((p) => p.extras.map((x) => `  ${p.title.slice(0, 60)}: ${x.name} [${x.type} ${x.confidence}] «${x.sentence.slice(0, 160)}»`));
  lines.push('', `extras (${extras.length}): linked, not in gold (read each: gold may lack it)`, ...extras);
  const conceptMisses = e.concepts.filter((c) => c.missingPapers.length);
  lines.push('', `concept misses (${conceptMisses.reduce((n, c) => n + c.missingPapers.length, 0)})`);
  for (const c of conceptMisses) lines.push(`  ${c.name} not linked: ${c.missingPapers.map((t) => t.slice(0, 50)).join(' | ')}`);
  return lines.join('\n');
}
