/**
 * Details of an entity. Dataset or benchmark: its papers with evidence, the other benchmarks those
 * papers share, PART_OF links; papers that only use or name it, apart. Task or concept: its papers,
 * the concepts that co-occur with it and, for a curated concept, what it is a kind of.
 */
import { useMemo } from 'react';
import { coOccurringConcepts, entityPapers, nodeRef, partOf, sharedBenchmarks } from '../state/details.ts';
import type { SnapshotGraph } from '../state/graph-types.ts';
import { EvidenceList } from './EvidenceList.tsx';
import { NodeLink } from './NodeLink.tsx';
import { RankedList } from './RankedList.tsx';

export function EntityDetails({ graph, id, onSelect }: { graph: SnapshotGraph; id: string; onSelect(id: string): void }) {
  const a = graph.getNodeAttributes(id);
  const evaluative = a.kind === 'Dataset' || a.kind === 'Benchmark';
  const papers = useMemo(() => entityPapers(graph, id), [graph, id]);
  const ranked = useMemo(() => (evaluative ? sharedBenchmarks(graph, id) : coOccurringConcepts(graph, id)), [graph, id, evaluative]);
  const parts = useMemo(() => partOf(graph, id), [graph, id]);
  const aliases = 'aliases' in a ? a.aliases.filter((x) => x !== a.name) : [];
  const strong = papers.filter((p) => p.type !== 'USES');
  const weak = papers.filter((p) => p.type === 'USES');
  const paperCount = new Set(strong.map((p) => p.id)).size;
  const parent = 'parent' in a && a.parent && graph.hasNode(a.parent) ? nodeRef(graph, a.parent) : null;
  const ancestors = 'ancestors' in a && a.ancestors ? a.ancestors : [];
  return (
    <>
      {aliases.length > 0 && <p className="meta">Also known as: {aliases.join(', ')}</p>}
      {ancestors.length > 0 && (
        <p className="meta">
          A kind of: {parent ? <NodeLink node={parent} onSelect={onSelect} /> : ancestors[0]}
          {ancestors.length > 1 && ` › ${ancestors.slice(1).join(' › ')}`}
        </p>
      )}
      {(parts.parents.length > 0 || parts.parts.length > 0) && (
        <section>
          {parts.parents.length > 0 && (
            <p>
              Part of:{' '}
              {parts.parents.map((p) => (
                <NodeLink key={p.id} node={p} onSelect={onSelect} />
              ))}
            </p>
          )}
          {parts.parts.length > 0 && (
            <>
              <h3>Parts</h3>
              <ul className="chips" aria-label="Parts">
                {parts.parts.map((p) => (
                  <li key={p.id}>
                    <NodeLink node={p} onSelect={onSelect} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      <section>
        <h3>
          {evaluative ? `Papers evaluated on or introducing ${a.name}` : `Papers on ${a.name}`} ({paperCount})
        </h3>
        <EvidenceList items={strong} onSelect={onSelect} label={`Papers linked to ${a.name}`} />
      </section>
      {weak.length > 0 && (
        <section>
          <h3>
            Papers that use or name {a.name} without evaluating on it ({new Set(weak.map((p) => p.id)).size})
          </h3>
          <EvidenceList items={weak} onSelect={onSelect} label={`Papers using or naming ${a.name}`} />
        </section>
      )}
      <section>
        <h3>{evaluative ? 'Other benchmarks these papers share' : 'Co-occurring concepts'}</h3>
        <RankedList items={ranked} onSelect={onSelect} label={evaluative ? 'Other benchmarks these papers share' : 'Co-occurring concepts'} unit="paper" />
      </section>
    </>
  );
}
