/** Search over the whole field from the first second: every paper and entity, loaded or not, from the server or a published site's static index. */
import { useEffect, useState } from 'react';
import type { MapSearchHit } from '../../model/map.ts';
import type { MapSource } from './map-data.ts';

export function MapSearchBox({ source, onChoose }: { source: MapSource; onChoose(hit: MapSearchHit): void }) {
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<MapSearchHit[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (q.trim().length < 2) return setHits([]);
    let live = true;
    const timer = setTimeout(() => {
      source
        .search(q.trim())
        .then((h) => live && (setHits(h), setError(null)))
        .catch((err: Error) => live && setError(err.message));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, source]);
  return (
    <div className="search" role="search">
      <input type="search" aria-label="Search the whole field" placeholder="Search every paper, dataset, task…" value={q} onChange={(e) => setQ(e.target.value)} />
      {error && <p className="error">{error}</p>}
      {hits.length > 0 && (
        <ul className="search-results" aria-label="Search results">
          {hits.map((h) => (
            <li key={h.id}>
              <button
                type="button"
                className="link"
                onClick={() => {
                  setHits([]);
                  onChoose(h);
                }}
              >
                <span className={`kind kind-${h.kind}`}>{h.kind}</span> {h.name}
                {h.year ? ` (${h.year})` : ''}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
