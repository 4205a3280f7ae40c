/** The year filter: papers published outside the range are left off the map, and cluster discs shrink to what remains. */
import { useEffect, useState } from 'react';

interface Props {
  bounds: [number, number];
  value: [number, number] | null;
  onChange(value: [number, number] | null): void;
}

export function YearFilter({ bounds, value, onChange }: Props) {
  const [from, setFrom] = useState(String(value?.[0] ?? bounds[0]));
  const [to, setTo] = useState(String(value?.[1] ?? bounds[1]));
  useEffect(() => {
    setFrom(String(value?.[0] ?? bounds[0]));
    setTo(String(value?.[1] ?? bounds[1]));
  }, [value, bounds]);
  const apply = (f: string, t: string) => {
    const a = Number(f);
    const b = Number(t);
    if (!Number.isInteger(a) || !Number.isInteger(b) || a > b) return;
    onChange(a <= bounds[0] && b >= bounds[1] ? null : [a, b]);
  };
  return (
    <section className="panel" aria-label="Years">
      <h2>Years</h2>
      <label>
        From <input type="number" aria-label="From year" min={bounds[0]} max={bounds[1]} value={from} onChange={(e) => setFrom(e.target.value)} onBlur={() => apply(from, to)} onKeyDown={(e) => e.key === 'Enter' && apply(from, to)} />
      </label>{' '}
      <label>
        to <input type="number" aria-label="To year" min={bounds[0]} max={bounds[1]} value={to} onChange={(e) => setTo(e.target.value)} onBlur={() => apply(from, to)} onKeyDown={(e) => e.key === 'Enter' && apply(from, to)} />
      </label>
      {value && (
        <button type="button" className="link" onClick={() => onChange(null)}>
          all years
        </button>
      )}
    </section>
  );
}
