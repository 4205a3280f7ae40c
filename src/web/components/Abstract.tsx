/** A paper's abstract with every linked mention highlighted; a mention selects its entity. */
import type { Segment } from '../state/mentions.ts';

export function Abstract({ segments, onSelect }: { segments: Segment[]; onSelect(id: string): void }) {
  if (!segments.length) return <p className="muted">No abstract.</p>;
  return (
    <p className="abstract">
      {segments.map((s, i) =>
        'entity' in s ? (
          <button key={i} type="button" className={`mention kind-${s.kind}`} title={`${s.kind}: ${s.name}`} onClick={() => onSelect(s.entity)}>
            {s.text}
          </button>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </p>
  );
}
