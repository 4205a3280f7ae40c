/** React hook: fetch + parse the snapshot, exposing loading progress, the graph or the error. */
import { useEffect, useState } from 'react';
import type { SnapshotGraph } from './graph-types.ts';
import { type LoadProgress, fetchSnapshotText } from './load-snapshot.ts';
import { parseSnapshot } from './snapshot.ts';

export type SnapshotState =
  | { phase: 'loading'; progress: LoadProgress | null }
  | { phase: 'error'; message: string }
  | { phase: 'ready'; graph: SnapshotGraph };

export function useSnapshot(url: string): SnapshotState {
  const [state, setState] = useState<SnapshotState>({ phase: 'loading', progress: null });
  useEffect(() => {
    let cancelled = false;
    fetchSnapshotText(url, (progress) => !cancelled && setState({ phase: 'loading', progress }))
      .then((text) => {
        if (cancelled) return;
        // Marks for the benchmark's breakdown of the time to first render.
        performance.mark('papergraph:fetched');
        const result = parseSnapshot(text, url);
        performance.mark('papergraph:parsed');
        setState(result.ok ? { phase: 'ready', graph: result.graph } : { phase: 'error', message: result.error });
      })
      .catch((err: Error) => !cancelled && setState({ phase: 'error', message: err.message }));
    return () => {
      cancelled = true;
    };
  }, [url]);
  return state;
}
