/**
 * Picks the view: the level-of-detail map when the snapshot has one and it is large (or the URL
 * asks for it with `?map=1`), the whole graph otherwise (`?map=0` forces it). Then loads what that
 * view needs and shows it, or the loading / empty / error state.
 */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { MapTop } from '../model/map.ts';
import { MapExplorer } from './map/MapExplorer.tsx';
import { MapSource } from './map/map-data.ts';
import { countPapers } from './state/snapshot.ts';
import { useSnapshot } from './state/use-snapshot.ts';
import { EmptyCorpus, LoadError, Loading } from './components/StatusScreen.tsx';

/** Where the snapshot is served from, relative to the page (papergraph serve answers here). */
export const SNAPSHOT_URL = 'graph.json';

/** Above this many papers the whole graph is more than Sigma draws smoothly: the map view opens instead. */
export const MAP_VIEW_PAPERS = 5_000;

// The whole-graph explorer (with its Cypher console and editor) is fetched only when that view is
// chosen, so the map view starts without evaluating it; the fetch starts as the snapshot does.
let explorerModule: Promise<typeof import('./Explorer.tsx')> | undefined;
const loadExplorer = () => (explorerModule ??= import('./Explorer.tsx'));
const Explorer = lazy(() => loadExplorer().then((m) => ({ default: m.Explorer })));

export function App({ snapshotUrl = SNAPSHOT_URL }: { snapshotUrl?: string }) {
  const asked = useMemo(() => new URLSearchParams(window.location.search).get('map'), []);
  const source = useMemo(() => new MapSource(), []);
  const [top, setTop] = useState<MapTop | null | undefined>(asked === '0' ? null : undefined);
  useEffect(() => {
    if (asked === '0') return;
    source.top().then(setTop, () => setTop(null));
  }, [asked, source]);
  if (top === undefined) return <Loading progress={null} />;
  if (top && (asked === '1' || top.papers > MAP_VIEW_PAPERS)) return top.papers === 0 ? <EmptyCorpus /> : <MapExplorer top={top} source={source} snapshotUrl={snapshotUrl} />;
  return <WholeGraph snapshotUrl={snapshotUrl} />;
}

function WholeGraph({ snapshotUrl }: { snapshotUrl: string }) {
  const state = useSnapshot(snapshotUrl);
  useEffect(() => void loadExplorer(), []);
  if (state.phase === 'loading') return <Loading progress={state.progress} />;
  if (state.phase === 'error') return <LoadError message={state.message} />;
  if (countPapers(state.graph) === 0) return <EmptyCorpus />;
  return (
    <Suspense fallback={<Loading progress={null} />}>
      <Explorer graph={state.graph} snapshotUrl={snapshotUrl} />
    </Suspense>
  );
}
