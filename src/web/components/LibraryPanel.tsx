/** The user's library: owned and new papers shown apart, and what is new on the library's benchmarks. */
import { useMemo } from 'react';
import type { SnapshotGraph } from '../state/graph-types.ts';
import { type LibraryView, libraryCounts, newPapersSharingBenchmark } from '../state/library.ts';
import { RankedList } from './RankedList.tsx';

interface Props {
  graph: SnapshotGraph;
  view: LibraryView;
  onView(view: LibraryView): void;
  onSelect(id: string): void;
}

export function LibraryPanel({ graph, view, onView, onSelect }: Props) {
  const counts = useMemo(() => libraryCounts(graph), [graph]);
  const fresh = useMemo(() => newPapersSharingBenchmark(graph), [graph]);
  const options: Array<[LibraryView, string]> = [
    ['all', `All papers (${counts.owned + counts.new})`],
    ['owned', `My library (${counts.owned})`],
    ['new', `New to me (${counts.new})`],
  ];
  return (
    <section className="panel library" aria-labelledby="library-title">
      <h2 id="library-title">My library</h2>
      <fieldset>
        <legend>Show</legend>
        {options.map(([value, label]) => (
          <label key={value} className="check">
            <input type="radio" name="library-view" value={value} checked={view === value} onChange={() => onView(value)} />
            {label}
          </label>
        ))}
      </fieldset>
      <h3>New papers sharing a benchmark with my library</h3>
      <RankedList items={fresh} onSelect={onSelect} label="New papers sharing a benchmark with my library" unit="shared benchmark" />
    </section>
  );
}
