/** Filter by kind and by minimum degree, each with the counts it leaves visible. */
import type { Counts } from '../state/filters.ts';

interface Props {
  counts: Counts;
  hiddenKinds: string[];
  minDegree: number;
  maxDegree: number;
  onToggleKind(kind: string): void;
  onMinDegree(value: number): void;
}

export function Filters({ counts, hiddenKinds, minDegree, maxDegree, onToggleKind, onMinDegree }: Props) {
  return (
    <section className="panel filters" aria-labelledby="filters-title">
      <h2 id="filters-title">Filters</h2>
      <p className="visible-count" aria-live="polite" data-testid="visible-count">
        Showing <strong>{counts.visible}</strong> of {counts.total} nodes
      </p>
      <fieldset>
        <legend>Kinds</legend>
        {counts.byKind.map((k) => (
          <label key={k.kind} className="check">
            <input type="checkbox" checked={!hiddenKinds.includes(k.kind)} onChange={() => onToggleKind(k.kind)} disabled={k.total === 0} />
            <span className={`kind-dot kind-${k.kind}`} aria-hidden="true" />
            {k.kind}
            <span className="count" data-testid={`count-${k.kind}`}>
              {k.visible}/{k.total}
            </span>
          </label>
        ))}
      </fieldset>
      <label className="degree">
        Minimum degree: <output>{minDegree}</output>
        <input type="range" min={0} max={Math.max(maxDegree, 1)} value={minDegree} onChange={(e) => onMinDegree(Number(e.target.value))} />
      </label>
    </section>
  );
}
