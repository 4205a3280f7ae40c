/** The one-screen summary of a snapshot: what was read, skipped, found and clustered. */
import type { PaperGraph } from '../assemble/graph.ts';
import { EDGE_TYPES, NODE_KINDS } from '../model/schema.ts';

function countBy<T extends string>(keys: Iterable<T>): Map<T, number> {
  const m = new Map<T, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

export function summarise(g: PaperGraph, extra: { snapshot?: string } = {}): string {
  const kinds = countBy(g.mapNodes((_, a) => a.kind));
  const types = countBy(g.mapEdges((_, a) => a.type));
  const ingest = g.getAttribute('ingest');
  const clusters = g.getAttribute('clusters') ?? [];
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
  lines.push(...citationsAndLibrary(g, types.get('CITES') ?? 0));
  lines.push(`clusters    ${clusters.length}`);
  for (const c of clusters.slice(0, 12)) lines.push(`  ${String(c.id).padStart(3)}  ${String(c.size).padStart(6)} nodes  ${c.label}`);
  if (clusters.length > 12) lines.push(`  ... and ${clusters.length - 12} more`);
  if (extra.snapshot) lines.push(`snapshot    ${extra.snapshot}`);
  return `${lines.join('\n')}\n`;
}

/** Lines only for a corpus that has references, or a library. */
function citationsAndLibrary(g: PaperGraph, cites: number): string[] {
  let listed = 0;
  let outside = 0;
  g.forEachNode((_, a) => {
    if (a.kind !== 'Paper' || a.referenceCount === undefined) return;
    listed++;
    outside += a.referencesOutside ?? 0;
  });
  const lines: string[] = [];
  if (listed) lines.push(`citations   ${cites.toLocaleString('en-US')} CITES within the corpus; ${outside.toLocaleString('en-US')} references to papers outside it (${listed.toLocaleString('en-US')} papers list references)`);
  const library = g.getAttribute('library');
  if (library) {
    const owned = g.filterNodes((_, a) => a.kind === 'Paper' && a.owned === true).length;
    lines.push(`library     ${library.entries} entries, ${library.matched} found in the corpus (${owned} papers marked owned)`);
  }
  return lines;
}
