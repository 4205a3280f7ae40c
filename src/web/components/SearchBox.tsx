/**
 * Type-ahead search (ARIA combobox): arrows move through the hits, Enter chooses, Escape closes.
 * Choosing a hit selects the node and flies the camera to it.
 */
import { useId, useMemo, useState } from 'react';
import type { NodeSearch } from '../state/search-index.ts';

interface Props {
  index: NodeSearch;
  query: string;
  onQuery(value: string): void;
  onChoose(node: string): void;
}

export function SearchBox({ index, query, onQuery, onChoose }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const hits = useMemo(() => index.search(query, 12), [index, query]);
  const expanded = open && hits.length > 0;

  const choose = (node: string) => {
    setOpen(false);
    onChoose(node);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, hits.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && expanded) {
      e.preventDefault();
      const hit = hits[active];
      if (hit) choose(hit.id);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  return (
    <div className="search">
      <label htmlFor={`${id}-input`} className="visually-hidden">
        Search papers, datasets, benchmarks, tasks and concepts
      </label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        placeholder="Search papers, benchmarks, concepts…"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-activedescendant={expanded ? `${id}-hit-${active}` : undefined}
        value={query}
        onChange={(e) => {
          onQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      <ul id={`${id}-list`} role="listbox" aria-label="Search results" className="search-hits" hidden={!expanded}>
        {hits.map((h, i) => (
          <li
            key={h.id}
            id={`${id}-hit-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(h.id)}
          >
            <span className={`kind kind-${h.kind}`}>{h.kind}</span> {h.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
