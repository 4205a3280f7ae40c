/** The one-screen summary of a snapshot: what was read, skipped, found and clustered. */
import type { PaperGraph } from '../assemble/graph.ts';
import { EDGE_TYPES, NODE_KINDS, type GraphAttributes } from '../model/schema.ts';

/** What the summary needs: counts and the graph's attributes, which a streamed snapshot gives without the graph. */
export interface SnapshotTotals {
  kinds: Map<string, number>;
  types: Map<string, number>;
  attributes: Partial<GraphAttributes>;
  /** Papers that list references, references outside the corpus, papers owned (when counted). */
  papers?: PaperTotals;
}

interface PaperTotals {
  listed: number;
  outside: number;
  owned: number;
}

function paperTotals(g: PaperGraph): PaperTotals {
  const t = { listed: 0, outside: 0, owned: 0 };
  g.forEachNode((_, a) => {
    if (a.kind !== 'Paper') return;
    if (a.owned === true) t.owned++;
    if (a.referenceCount === undefined) return;
    t.listed++;
    t.outside += a.referencesOutside ?? 0;
  });
  return t;
}

function countBy<T extends string>(keys: Iterable<T>): Map<T, number> {
  const m = new Map<T, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

export function summarise(g: PaperGraph, extra: { snapshot?: string } = {}): string {
  return summariseTotals({ kinds: countBy(g.mapNodes((_, a) => a.kind)), types: countBy(g.mapEdges((_, a) => a.type)), attributes: g.getAttributes(), papers: paperTotals(g) }, extra);
}

export function summariseTotals({ kinds, types, attributes, papers: paperCounts }: SnapshotTotals, extra: { snapshot?: string } = {}): string {
  const ingest = attributes.ingest;
  const clusters = attributes.clusters ?? [];
  const lines: string[] = [];
  const papers = kinds.get('Paper') ?? 0;
  const took = ingest ? ` in ${(ingest.durationMs / 1000).toFixed(1)} s` : '';
  lines.push(`papers      ${papers.toLocaleString('en-US')}${ingest ? ` (${ingest.papersRead.toLocaleString('en-US')} records read from ${ingest.inputs.length} input${ingest.inputs.length === 1 ? '' : 's'})` : ''}${took}`);
  if (ingest) {
    lines.push(`skipped     ${ingest.skipped.length}`);
    for (const s of ingest.skipped.slice(0, 8)) lines.push(`  ${s.where}: ${s.reason}`);
    if (ingest.skipped.length > 8) lines.push(`  ... and ${ingest.skipped.length - 8} more`);
  }
  const entityKinds = NODE_KINDS.filter((k) => k !== 'Paper' && kinds.get(k));
  lines.push(`entities    ${entityKinds.map((k) => `${kinds.get(k)!.toLocaleString('en-US')} ${k}`).join(', ') || 'none'}`);
  lines.push(`links       ${EDGE_TYPES.filter((t) => types.get(t)).map((t) => `${types.get(t)!.toLocaleString('en-US')} ${t}`).join(', ') || 'none'}`);
  lines.push(...citationsAndLibrary(attributes, types.get('CITES') ?? 0, paperCounts));
  lines.push(`clusters    ${clusters.length}`);
  for (const c of clusters.slice(0, 12)) lines.push(`  ${String(c.id).padStart(3)}  ${String(c.size).padStart(6)} nodes  ${c.label}`);
  if (clusters.length > 12) lines.push(`  ... and ${clusters.length - 12} more`);
  if (extra.snapshot) lines.push(`snapshot    ${extra.snapshot}`);
  return `${lines.join('\n')}\n`;
}

/** Lines only for a corpus that has references, or a library. */
function citationsAndLibrary(attributes: Partial<GraphAttributes>, cites: number, papers: PaperTotals | undefined): string[] {
  const lines: string[] = [];
  if (papers?.listed) lines.push(`citations   ${cites.toLocaleString('en-US')} CITES within the corpus; ${papers.outside.toLocaleString('en-US')} references to papers outside it (${papers.listed.toLocaleString('en-US')} papers list references)`);
  else if (cites) lines.push(`citations   ${cites.toLocaleString('en-US')} CITES within the corpus`);
  const library = attributes.library;
  if (library) lines.push(`library     ${library.entries} entries, ${library.matched} found in the corpus${papers ? ` (${papers.owned} papers marked owned)` : ''}`);
  return lines;
}
