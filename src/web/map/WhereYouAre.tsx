/** The map's trail: the whole field, then each opened cluster down to the one in view, and the way back up. */
import type { MapCluster } from '../../model/map.ts';

interface Props {
  trail: MapCluster[];
  onWhole(): void;
  onUp(cluster: string): void;
}

export function WhereYouAre({ trail, onWhole, onUp }: Props) {
  const focused = trail[trail.length - 1];
  return (
    <section className="panel" aria-label="Where you are">
      <h2>Where you are</h2>
      <ol className="trail">
        <li>
          <button type="button" className="link" onClick={onWhole}>
            The whole field
          </button>
        </li>
        {trail.map((c) => (
          <li key={c.id} data-cluster={c.id}>
            {c.label} <span className="muted">({c.papers} papers)</span>
          </li>
        ))}
      </ol>
      {focused && (
        <button type="button" onClick={() => onUp(focused.id)}>
          Up one level
        </button>
      )}
    </section>
  );
}
