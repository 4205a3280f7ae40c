/** Details of a paper: abstract with mentions, its entities, cluster, similar papers, shared benchmarks. */
import { useMemo } from 'react';
import type { PaperNodeAttributes } from '../../model/schema.ts';
import { paperCitations } from '../state/citations.ts';
import { clusterLabel, paperEntities, papersSharingBenchmark, similarPapers } from '../state/details.ts';
import type { SnapshotGraph } from '../state/graph-types.ts';
import { segmentAbstract } from '../state/mentions.ts';
import { Abstract } from './Abstract.tsx';
import { NodeLink } from './NodeLink.tsx';
import { RankedList } from './RankedList.tsx';

const PLURAL: Record<string, string> = { Benchmark: 'Benchmarks', Dataset: 'Datasets', Task: 'Tasks', Concept: 'Concepts' };

export function PaperDetails({ graph, id, onSelect }: { graph: SnapshotGraph; id: string; onSelect(id: string): void }) {
  const a = graph.getNodeAttributes(id) as PaperNodeAttributes;
  const segments = useMemo(() => segmentAbstract(graph, id), [graph, id]);
  const groups = useMemo(() => paperEntities(graph, id), [graph, id]);
  const similar = useMemo(() => similarPapers(graph, id), [graph, id]);
  const sharing = useMemo(() => papersSharingBenchmark(graph, id), [graph, id]);
  const sharingWeakly = useMemo(() => papersSharingBenchmark(graph, id, 20, true), [graph, id]);
  const citations = useMemo(() => paperCitations(graph, id), [graph, id]);
  const cluster = clusterLabel(graph, a.cluster);
  const authors = a.authors?.length ? a.authors.slice(0, 3).join(', ') + (a.authors.length > 3 ? ' et al.' : '') : null;
  const meta = [a.year, authors, a.venue].filter(Boolean);
  return (
    <>
      {meta.length > 0 && <p className="meta">{meta.join(' · ')}</p>}
      {a.url && (
        <p className="meta">
          <a href={a.url} target="_blank" rel="noreferrer noopener">
            {a.arxivId ? `arXiv:${a.arxivId}` : a.url}
          </a>
        </p>
      )}
      {cluster && <p className="meta">Cluster: {cluster}</p>}
      {a.owned && <p className="owned-badge">In my library</p>}
      <h3>Abstract</h3>
      <Abstract segments={segments} onSelect={onSelect} />
      {groups.map((g) => (
        <section key={g.kind}>
          <h3>{PLURAL[g.kind] ?? g.kind}</h3>
          <ul className="chips" aria-label={PLURAL[g.kind] ?? g.kind}>
            {g.items.map((l) => (
              <li key={l.id}>
                <NodeLink node={l} onSelect={onSelect} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section>
        <h3>Papers sharing a benchmark with this one</h3>
        <RankedList items={sharing} onSelect={onSelect} label="Papers sharing a benchmark with this one" unit="shared benchmark" />
        {sharingWeakly.length > 0 && (
          <>
            <h4>Also naming the same datasets (used for training, or named in passing)</h4>
            <RankedList items={sharingWeakly} onSelect={onSelect} label="Papers sharing a dataset through weaker links" unit="shared dataset" />
          </>
        )}
      </section>
      <section>
        <h3>Most similar papers</h3>
        <RankedList items={similar} onSelect={onSelect} label="Most similar papers" unit="shared entity" />
      </section>
      {citations && <Citations citations={citations} onSelect={onSelect} />}
    </>
  );
}

function Citations({ citations, onSelect }: { citations: NonNullable<ReturnType<typeof paperCitations>>; onSelect(id: string): void }) {
  const list = (items: typeof citations.cites, label: string) =>
    items.length ? (
      <ul className="citations" aria-label={label}>
        {items.map((n) => (
          <li key={n.id}>
            <NodeLink node={n} onSelect={onSelect} />
          </li>
        ))}
      </ul>
    ) : (
      <p className="muted">None in this corpus.</p>
    );
  return (
    <>
      <section>
        <h3>Cites ({citations.cites.length})</h3>
        {list(citations.cites, 'Cites')}
        {citations.outside ? <p className="muted">and {citations.outside} {citations.outside === 1 ? 'paper' : 'papers'} outside this corpus</p> : null}
      </section>
      <section>
        <h3>Cited by ({citations.citedBy.length})</h3>
        {list(citations.citedBy, 'Cited by')}
      </section>
    </>
  );
}
