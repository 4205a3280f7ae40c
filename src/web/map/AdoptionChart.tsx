/** A dataset's or benchmark's adoption across the whole field: papers per year evaluated on it, and its first paper. */
import type { Adoption } from '../../model/map.ts';

export function AdoptionChart({ adoption, onOpen }: { adoption: Adoption; onOpen(id: string): void }) {
  if (adoption.years.length === 0) return <p className="meta">No dated paper evaluates on it.</p>;
  const from = adoption.years[0]![0];
  const to = adoption.years[adoption.years.length - 1]![0];
  const counts = new Map(adoption.years);
  const max = Math.max(...counts.values());
  const span = to - from + 1;
  const bar = Math.max(3, Math.min(14, Math.floor(240 / span)));
  return (
    <figure className="adoption" aria-label={`Adoption of ${adoption.name}`}>
      <figcaption>
        Adoption: {adoption.total} paper{adoption.total === 1 ? '' : 's'} evaluated on it, {from}–{to}
      </figcaption>
      <svg width={span * bar} height={64} role="img" aria-label={`papers per year, ${from} to ${to}`}>
        {Array.from({ length: span }, (_, i) => {
          const n = counts.get(from + i) ?? 0;
          const h = n === 0 ? 0 : Math.max(2, Math.round((n / max) * 56));
          return (
            <rect key={i} data-year={from + i} data-papers={n} x={i * bar} y={60 - h} width={bar - 1} height={h} fill="#4e79a7">
              <title>{`${from + i}: ${n}`}</title>
            </rect>
          );
        })}
        <line x1={0} x2={span * bar} y1={60.5} y2={60.5} stroke="#8d99ae" />
      </svg>
      {adoption.first && (
        <p className="meta" data-testid="first-paper">
          First paper ({adoption.first.year}):{' '}
          <button type="button" className="link" onClick={() => onOpen(adoption.first!.id)}>
            {adoption.first.name}
          </button>
        </p>
      )}
    </figure>
  );
}
