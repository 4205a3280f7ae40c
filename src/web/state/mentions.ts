/**
 * Splits a paper's abstract into plain text and linked mentions, from the evidence offsets its
 * edges carry (field 'abstract'). Overlapping mentions keep the longer one; offsets that do not
 * match the text (a stale snapshot) are dropped rather than highlighting the wrong words.
 */
import type { SnapshotGraph } from './graph-types.ts';
import { otherEnd } from './graph-types.ts';
import { isLinkEdge } from '../../model/schema.ts';

export type Segment = { text: string } | { text: string; entity: string; kind: string; name: string };

interface Mark {
  start: number;
  end: number;
  entity: string;
}

export function abstractMarks(graph: SnapshotGraph, paper: string): Mark[] {
  const text = graph.getNodeAttributes(paper).kind === 'Paper' ? (graph.getNodeAttribute(paper, 'abstract' as never) as string) : '';
  const marks: Mark[] = [];
  graph.forEachEdge(paper, (_e, a, s, t) => {
    if (!isLinkEdge(a)) return;
    const entity = otherEnd(s, t, paper);
    for (const ev of a.evidence) {
      if (ev.field !== 'abstract') continue;
      if (ev.start < 0 || ev.end > text.length || text.slice(ev.start, ev.end) !== ev.surface) continue;
      marks.push({ start: ev.start, end: ev.end, entity });
    }
  });
  marks.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: Mark[] = [];
  for (const m of marks) {
    const last = kept[kept.length - 1];
    if (last && m.start < last.end) {
      if (m.end - m.start > last.end - last.start) kept[kept.length - 1] = m;
      continue;
    }
    kept.push(m);
  }
  return kept;
}

export function segmentAbstract(graph: SnapshotGraph, paper: string): Segment[] {
  const text = (graph.getNodeAttribute(paper, 'abstract' as never) as string | undefined) ?? '';
  const out: Segment[] = [];
  let at = 0;
  for (const m of abstractMarks(graph, paper)) {
    if (m.start < at) continue;
    if (m.start > at) out.push({ text: text.slice(at, m.start) });
    const a = graph.getNodeAttributes(m.entity);
    out.push({ text: text.slice(m.start, m.end), entity: m.entity, kind: a.kind, name: a.name });
    at = m.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** The sentence of an evidence, split around the mention so the UI can emphasise it. */
export function splitSentence(sentence: string, surface: string): [before: string, mention: string, after: string] {
  const i = sentence.indexOf(surface);
  if (i < 0) return [sentence, '', ''];
  return [sentence.slice(0, i), surface, sentence.slice(i + surface.length)];
}
