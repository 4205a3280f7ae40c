/** Loads the snapshot and shows the explorer, or the loading / empty / error state. */
import { Explorer } from './Explorer.tsx';
import { countPapers } from './state/snapshot.ts';
import { useSnapshot } from './state/use-snapshot.ts';
import { EmptyCorpus, LoadError, Loading } from './components/StatusScreen.tsx';

/** Where the snapshot is served from, relative to the page (papergraph serve answers here). */
export const SNAPSHOT_URL = 'graph.json';

export function App({ snapshotUrl = SNAPSHOT_URL }: { snapshotUrl?: string }) {
  const state = useSnapshot(snapshotUrl);
  if (state.phase === 'loading') return <Loading progress={state.progress} />;
  if (state.phase === 'error') return <LoadError message={state.message} />;
  if (countPapers(state.graph) === 0) return <EmptyCorpus />;
  return <Explorer graph={state.graph} snapshotUrl={snapshotUrl} />;
}
