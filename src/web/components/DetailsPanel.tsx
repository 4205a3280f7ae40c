/** The details panel for the selected node, or a short hint when nothing is selected. */
import type { SnapshotGraph } from '../state/graph-types.ts';
import { EntityDetails } from './EntityDetails.tsx';
import { PaperDetails } from './PaperDetails.tsx';

interface Props {
  graph: SnapshotGraph;
  selected: string | null;
  onSelect(id: string | null): void;
}

export function DetailsPanel({ graph, selected, onSelect }: Props) {
  if (!selected || !graph.hasNode(selected)) {
    return (
      <aside className="details" aria-label="Details">
        <p className="muted">
          {selected ? `“${selected}” is not in this graph.` : 'Click a node or search to see its details, evidence and the papers sharing its benchmarks.'}
        </p>
      </aside>
    );
  }
  const a = graph.getNodeAttributes(selected);
  return (
    <aside className="details" aria-labelledby="details-title">
      <div className="details-head">
        <span className={`kind kind-${a.kind}`}>{a.kind}</span>
        <button type="button" className="link" onClick={() => onSelect(null)} aria-label="Close details">
          ✕
        </button>
      </div>
      <h2 id="details-title">{a.name}</h2>
      {a.kind === 'Paper' ? <PaperDetails graph={graph} id={selected} onSelect={onSelect} /> : <EntityDetails graph={graph} id={selected} onSelect={onSelect} />}
    </aside>
  );
}
