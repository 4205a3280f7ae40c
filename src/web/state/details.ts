/**
 * What the details panel says about a node, computed from the graph alone (pure, no UI):
 * a paper's entities and similar papers, an entity's papers with evidence, the benchmarks those
 * papers share, PART_OF links, co-occurring concepts.
 */
import { isLinkEdge, type EdgeType, type Evidence } from '../../model/schema.ts';
import { type SnapshotGraph, otherEnd } from './graph-types.ts';

export interface NodeRef {
  id: string;
  name: string;
  kind: string;
}

export interface EvidenceLink extends NodeRef {
  type: EdgeType;
  evidence: Evidence[];
}

export interface Ranked extends NodeRef {
  /** How many papers (or shared entities) support the ranking. */
  count: number;
  /** Names of what is shared, for the line under the item. */
  via: string[];
  score: number;
}

/** The paper's own experiments (or the paper that made the dataset): what "sharing a benchmark" counts. */
const EVALUATION = new Set<EdgeType>(['EVALUATED_ON', 'INTRODUCES']);
/** Any link to a dataset, the weaker USES (training data, named in passing) included. */
const ANY_DATASET_LINK = new Set<EdgeType>(['EVALUATED_ON', 'INTRODUCES', 'USES']);
const PAPER_TO_ENTITY = new Set<EdgeType>(['EVALUATED_ON', 'INTRODUCES', 'USES', 'ADDRESSES', 'MENTIONS']);
const EVAL_KINDS = new Set(['Dataset', 'Benchmark']);

export function nodeRef(graph: SnapshotGraph, id: string): NodeRef {
  const a = graph.getNodeAttributes(id);
  return { id, name: a.name, kind: a.kind };
}

/** Links between `node` and its neighbours, optionally restricted to some edge types. */
export function links(graph: SnapshotGraph, node: string, types: Set<EdgeType> = PAPER_TO_ENTITY): EvidenceLink[] {
  const out: EvidenceLink[] = [];
  graph.forEachEdge(node, (_e, a, s, t) => {
    if (!types.has(a.type) || !isLinkEdge(a)) return;
    const other = otherEnd(s, t, node);
    out.push({ ...nodeRef(graph, other), type: a.type, evidence: a.evidence });
  });
  return out.sort((x, y) => x.name.localeCompare(y.name));
}

/** A paper's entities grouped by kind, in the panel's order. */
export function paperEntities(graph: SnapshotGraph, paper: string): Array<{ kind: string; items: EvidenceLink[] }> {
  const groups = new Map<string, EvidenceLink[]>();
  for (const l of links(graph, paper)) {
    if (l.kind === 'Paper') continue;
    const key = l.kind;
    const seen = groups.get(key) ?? [];
    if (!seen.some((x) => x.id === l.id)) seen.push(l);
    groups.set(key, seen);
  }
  return ['Benchmark', 'Dataset', 'Task', 'Concept']
    .concat([...groups.keys()].filter((k) => !['Benchmark', 'Dataset', 'Task', 'Concept'].includes(k)))
    .filter((k) => groups.has(k))
    .map((kind) => ({ kind, items: groups.get(kind)! }));
}

/** Papers linked to an entity (evaluated on it, introducing it, addressing or mentioning it). */
export function entityPapers(graph: SnapshotGraph, entity: string): EvidenceLink[] {
  return links(graph, entity).filter((l) => l.kind === 'Paper');
}

function entityPaperIds(graph: SnapshotGraph, entity: string, types: Set<EdgeType>): string[] {
  const out = new Set<string>();
  graph.forEachEdge(entity, (_e, a, s, t) => {
    const other = otherEnd(s, t, entity);
    if (types.has(a.type) && graph.getNodeAttribute(other, 'kind') === 'Paper') out.add(other);
  });
  return [...out];
}

function paperEntityIds(graph: SnapshotGraph, paper: string, types: Set<EdgeType>, kinds?: Set<string>): string[] {
  const out = new Set<string>();
  graph.forEachEdge(paper, (_e, a, s, t) => {
    const other = otherEnd(s, t, paper);
    const kind = graph.getNodeAttribute(other, 'kind');
    if (types.has(a.type) && kind !== 'Paper' && (!kinds || kinds.has(kind))) out.add(other);
  });
  return [...out];
}

function rank(graph: SnapshotGraph, tally: Map<string, { score: number; via: Set<string> }>, limit: number): Ranked[] {
  return [...tally.entries()]
    .map(([id, t]) => ({ ...nodeRef(graph, id), count: t.via.size, via: [...t.via].sort(), score: t.score }))
    .sort((a, b) => b.score - a.score || b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, limit);
}

/**
 * Entities of the given kinds that the papers of `entity` are also linked to, ranked by how many of
 * those papers share them (for a benchmark: the other benchmarks its papers share; for a concept:
 * the concepts that co-occur with it).
 */
export function coLinkedEntities(graph: SnapshotGraph, entity: string, kinds: Set<string>, types: Set<EdgeType>, limit = 15): Ranked[] {
  const tally = new Map<string, { score: number; via: Set<string> }>();
  for (const paper of entityPaperIds(graph, entity, types)) {
    const paperName = graph.getNodeAttribute(paper, 'name');
    for (const other of paperEntityIds(graph, paper, types, kinds)) {
      if (other === entity) continue;
      const t = tally.get(other) ?? { score: 0, via: new Set<string>() };
      t.score++;
      t.via.add(paperName);
      tally.set(other, t);
    }
  }
  return rank(graph, tally, limit);
}

export function sharedBenchmarks(graph: SnapshotGraph, entity: string, limit = 15): Ranked[] {
  return coLinkedEntities(graph, entity, EVAL_KINDS, EVALUATION, limit);
}

export function coOccurringConcepts(graph: SnapshotGraph, entity: string, limit = 15): Ranked[] {
  return coLinkedEntities(graph, entity, new Set(['Concept', 'Task']), PAPER_TO_ENTITY, limit);
}

/** PART_OF in both directions: what this belongs to (QNLI -> GLUE) and what belongs to it. */
export function partOf(graph: SnapshotGraph, node: string): { parents: NodeRef[]; parts: NodeRef[] } {
  const parents: NodeRef[] = [];
  const parts: NodeRef[] = [];
  graph.forEachEdge(node, (_e, a, s, t) => {
    if (a.type !== 'PART_OF') return;
    if (s === node) parents.push(nodeRef(graph, t));
    else parts.push(nodeRef(graph, s));
  });
  const byName = (a: NodeRef, b: NodeRef) => a.name.localeCompare(b.name);
  return { parents: parents.sort(byName), parts: parts.sort(byName) };
}

/**
 * The papers ingest found similar to `paper` (its SIMILAR_TO edges, either direction), by their
 * score, each with the entities the two share: the explorer shows the similarity ingest computed,
 * never a second one of its own.
 */
export function similarPapers(graph: SnapshotGraph, paper: string, limit = 10): Ranked[] {
  const mine = new Set(paperEntityIds(graph, paper, PAPER_TO_ENTITY));
  const out: Ranked[] = [];
  graph.forEachEdge(paper, (_e, a, s, t) => {
    if (a.type !== 'SIMILAR_TO') return;
    const other = otherEnd(s, t, paper);
    const via = paperEntityIds(graph, other, PAPER_TO_ENTITY)
      .filter((e) => mine.has(e))
      .map((e) => graph.getNodeAttribute(e, 'name'))
      .sort();
    out.push({ ...nodeRef(graph, other), count: via.length, via, score: a.score });
  });
  return out.sort((x, y) => y.score - x.score || x.name.localeCompare(y.name)).slice(0, limit);
}

/**
 * Papers evaluated on (or introducing) a dataset or benchmark this paper is evaluated on. With
 * `weak`, the other papers that share a dataset only through a USES link on either side (one
 * trains on it, or names it in passing), apart from those already sharing it as an evaluation.
 */
export function papersSharingBenchmark(graph: SnapshotGraph, paper: string, limit = 20, weak = false): Ranked[] {
  const tally = new Map<string, { score: number; via: Set<string> }>();
  const strong = new Set<string>();
  const types = weak ? ANY_DATASET_LINK : EVALUATION;
  if (weak) for (const r of papersSharingBenchmark(graph, paper, Infinity)) strong.add(r.id);
  for (const entity of paperEntityIds(graph, paper, types, EVAL_KINDS)) {
    const name = graph.getNodeAttribute(entity, 'name');
    for (const other of entityPaperIds(graph, entity, types)) {
      if (other === paper || strong.has(other)) continue;
      const t = tally.get(other) ?? { score: 0, via: new Set<string>() };
      t.score++;
      t.via.add(name);
      tally.set(other, t);
    }
  }
  return rank(graph, tally, limit);
}

export function clusterLabel(graph: SnapshotGraph, cluster: number): string | null {
  const c = graph.getAttribute('clusters').find((x) => x.id === cluster);
  return c ? c.label : null;
}
