/** A ranked list of nodes with what they share ("via"). */
import type { Ranked } from '../state/details.ts';
import { NodeLink } from './NodeLink.tsx';

export function RankedList({ items, onSelect, label, unit }: { items: Ranked[]; onSelect(id: string): void; label: string; unit: string }) {
  if (!items.length) return <p className="muted">None.</p>;
  return (
    <ol className="ranked-list" aria-label={label}>
      {items.map((r) => (
        <li key={r.id}>
          <NodeLink node={r} onSelect={onSelect} />
          <span className="via">
            {r.count} {r.count === 1 ? unit : `${unit}s`.replace(/ys$/, 'ies')}: {r.via.slice(0, 4).join(', ')}
            {r.via.length > 4 ? ', …' : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}
