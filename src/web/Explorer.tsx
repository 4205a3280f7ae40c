/**
 * The explorer once a graph is loaded: search and filters on the left, the map with its controller
 * children in the middle, details on the right. Derived data (colours, search index, visible set,
 * counts) is computed here once per change and handed down.
 */
import { SigmaContainer } from '@react-sigma/core';
import { useCallback, useMemo, useState } from 'react';
import { CameraController } from './controllers/CameraController.tsx';
import { ClusterLabels } from './controllers/ClusterLabels.tsx';
import { DebugHandle } from './controllers/DebugHandle.tsx';
import { EventsController } from './controllers/EventsController.tsx';
import { ExportMenu } from './controllers/ExportMenu.tsx';
import { ReducersController, createReducers } from './controllers/ReducersController.tsx';
import { ResizeController } from './controllers/ResizeController.tsx';
import { SIGMA_SETTINGS } from './controllers/sigma-settings.ts';
import { ZoomControls } from './controllers/ZoomControls.tsx';
import { DetailsPanel } from './components/DetailsPanel.tsx';
import { Filters } from './components/Filters.tsx';
import { Legend } from './components/Legend.tsx';
import { LibraryPanel } from './components/LibraryPanel.tsx';
import { SearchBox } from './components/SearchBox.tsx';
import type { CypherResult } from '../model/api.ts';
import { ConsolePanel } from './console/ConsolePanel.tsx';
import { toGexf } from './export/gexf.ts';
import { highlightResult, noHighlight, type HighlightState } from './state/highlight.ts';
import { AbsentNodes } from './controllers/AbsentNodes.tsx';
import { countVisible, maxDegree, visibleNodes } from './state/filters.ts';
import type { SnapshotGraph } from './state/graph-types.ts';
import { clusterColors } from './state/palette.ts';
import { buildSearch } from './state/search-index.ts';
import { hasLibrary, restrictToLibrary, type LibraryView } from './state/library.ts';
import { useUrlView } from './state/use-url-view.ts';
import type { CameraView } from './state/view.ts';

/** `snapshotUrl`: where the graph came from, for the built-in Cypher engine when no Neo4j is configured. */
export function Explorer({ graph, snapshotUrl = 'graph.json' }: { graph: SnapshotGraph; snapshotUrl?: string }) {
  useState(() => performance.mark('papergraph:explorer-start'));
  const [view, dispatch] = useUrlView();
  const [hovered, setHovered] = useState<string | null>(null);
  const [flyTo, setFlyTo] = useState<{ node: string; nonce: number } | null>(null);
  const [consoleOpen, setConsoleOpen] = useState(false);
  const [highlight, setHighlight] = useState<HighlightState>(noHighlight);
  const [libraryView, setLibraryView] = useState<LibraryView>('all');

  const colors = useMemo(() => clusterColors(graph), [graph]);
  const reducers = useMemo(() => createReducers(graph, colors), [graph, colors]);
  const settings = useMemo(() => ({ ...SIGMA_SETTINGS, nodeReducer: reducers.nodeReducer, edgeReducer: reducers.edgeReducer }), [reducers]);
  const search = useMemo(() => buildSearch(graph), [graph]);
  const degreeMax = useMemo(() => maxDegree(graph), [graph]);
  const clusters = useMemo(() => graph.getAttribute('clusters') ?? [], [graph]);
  const visible = useMemo(
    () => restrictToLibrary(graph, visibleNodes(graph, { hiddenKinds: view.hiddenKinds, hiddenClusters: view.hiddenClusters, minDegree: view.minDegree }), libraryView),
    [graph, view.hiddenKinds, view.hiddenClusters, view.minDegree, libraryView],
  );
  const counts = useMemo(() => countVisible(graph, visible), [graph, visible]);

  const select = useCallback((node: string | null) => dispatch({ type: 'select', node }), [dispatch]);
  const selectAndFly = useCallback(
    (node: string | null) => {
      dispatch({ type: 'select', node });
      if (node) setFlyTo({ node, nonce: Date.now() });
    },
    [dispatch],
  );
  // A Cypher result is an overlay: the data graph is only read, so clearing it leaves nothing behind.
  const onResult = useCallback((result: CypherResult | null) => setHighlight(highlightResult(graph, result)), [graph]);
  const gexf = useCallback(() => toGexf(graph, (a) => colors.get(a.cluster) ?? '#888888'), [graph, colors]);
  const onCamera = useCallback((value: CameraView) => dispatch({ type: 'camera', value }), [dispatch]);

  return (
    <div className={consoleOpen ? 'explorer with-console' : 'explorer'}>
      <header className="topbar">
        <h1 className="brand">papergraph</h1>
        <SearchBox index={search} query={view.query} onQuery={(value) => dispatch({ type: 'query', value })} onChoose={selectAndFly} />
        <button type="button" className="toggle-console" aria-expanded={consoleOpen} aria-controls="cypher-console" onClick={() => setConsoleOpen((o) => !o)}>
          Cypher console
        </button>
        <span className="summary" data-testid="paper-count">
          {counts.byKind.find((k) => k.kind === 'Paper')?.visible ?? 0} papers shown
        </span>
      </header>
      <nav className="sidebar" aria-label="Filters and clusters">
        <Filters
          counts={counts}
          hiddenKinds={view.hiddenKinds}
          minDegree={view.minDegree}
          maxDegree={degreeMax}
          onToggleKind={(kind) => dispatch({ type: 'toggleKind', kind })}
          onMinDegree={(value) => dispatch({ type: 'minDegree', value })}
        />
        {hasLibrary(graph) && <LibraryPanel graph={graph} view={libraryView} onView={setLibraryView} onSelect={selectAndFly} />}
        <Legend
          clusters={clusters}
          colors={colors}
          hiddenClusters={view.hiddenClusters}
          onToggle={(cluster) => dispatch({ type: 'toggleCluster', cluster })}
          onOnly={(cluster) => dispatch({ type: 'showOnlyCluster', cluster, all: clusters.map((c) => c.id) })}
          onAll={() => dispatch({ type: 'showAllClusters' })}
        />
      </nav>
      <main className="map" aria-label="Graph map">
        <SigmaContainer graph={graph} settings={settings} className="sigma">
          <ReducersController graph={graph} reducers={reducers} colors={colors} visible={visible} hovered={hovered} selected={view.selected} highlighted={highlight} />
          <EventsController onHover={setHovered} onSelect={select} />
          <CameraController camera={view.camera} flyTo={flyTo} fitTo={highlight?.nodes ?? null} onCamera={onCamera} />
          <ClusterLabels graph={graph} colors={colors} hiddenClusters={view.hiddenClusters} dimmed={!!(hovered ?? view.selected) || highlight !== null} />
          <AbsentNodes nodes={highlight?.absent ?? []} onSelect={selectAndFly} />
          <ResizeController />
          <ZoomControls />
          <ExportMenu gexf={gexf} />
          <DebugHandle graph={graph} />
        </SigmaContainer>
      </main>
      {consoleOpen && (
        <div className="console-area" id="cypher-console">
          <ConsolePanel onResult={onResult} onSelect={selectAndFly} snapshotUrl={snapshotUrl} />
        </div>
      )}
      <DetailsPanel graph={graph} selected={view.selected} onSelect={select} />
    </div>
  );
}
