/**
 * The level-of-detail explorer: it opens on the fields of the map, each a disc sized by its papers
 * and linked to related fields; clicking or zooming into a disc loads that cluster's next level
 * only (areas, topics, then papers and their entities) while the rest of the field stays around it
 * in summary. Search reaches every paper (through the server, or a published site's static
 * index); the view is kept in the URL.
 */
import { SigmaContainer } from '@react-sigma/core';
import Graph from 'graphology';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { clusterPath, type Adoption, type MapCluster, type MapClusterFile, type MapSearchHit, type MapTop } from '../../model/map.ts';
import type { CypherResult } from '../../model/api.ts';
import { DetailsPanel } from '../components/DetailsPanel.tsx';
import { Filters } from '../components/Filters.tsx';
import { DebugHandle } from '../controllers/DebugHandle.tsx';
import { ExportMenu } from '../controllers/ExportMenu.tsx';
import { ResizeController } from '../controllers/ResizeController.tsx';
import { ZoomControls } from '../controllers/ZoomControls.tsx';
import { SIGMA_SETTINGS } from '../controllers/sigma-settings.ts';
import { maxDegree } from '../state/filters.ts';
import type { SnapshotGraph } from '../state/graph-types.ts';
import { AdoptionChart } from './AdoptionChart.tsx';
import { LabelLayer } from './LabelLayer.tsx';
import { LookController, MapControllers } from './MapControllers.tsx';
import { MapSearchBox } from './MapSearchBox.tsx';
import type { MapSource } from './map-data.ts';
import { mapGexf } from './map-gexf.ts';
import { fillMapGraph } from './map-graph.ts';
import { mapHighlight } from './map-highlight.ts';
import { countOnMap, reduceMapEdge, reduceMapNode, visibleOnMap, type MapLook } from './map-look.ts';
import { readMapUrl, writeMapUrl } from './map-url.ts';
import { ResultPlaces } from './ResultPlaces.tsx';
import { useResultPlaces } from './use-result-places.ts';
import { WhereYouAre } from './WhereYouAre.tsx';

// The console (CodeMirror and the engine client) loads when it is first opened, so it costs the
// map's first paint nothing.
const ConsolePanel = lazy(() => import('../console/ConsolePanel.tsx').then((m) => ({ default: m.ConsolePanel })));
import { YearFilter } from './YearFilter.tsx';

// Sizes are in map units, so a disc covers the region its children fill at every zoom; labels are
// drawn by LabelLayer, which never lets two overlap.
const MAP_SETTINGS = { ...SIGMA_SETTINGS, renderLabels: false, itemSizesReference: 'positions' as const, zoomToSizeRatioFunction: (r: number) => r, minCameraRatio: 0.0005, maxCameraRatio: 2 };

type Focus = { x: number; y: number; r: number; nonce: number };

/** `snapshotUrl`: the snapshot the console's built-in engine reads when no Neo4j is configured. */
export function MapExplorer({ top, source, snapshotUrl = 'graph.json' }: { top: MapTop; source: MapSource; snapshotUrl?: string }) {
  const initial = useMemo(() => readMapUrl(window.location.search), []);
  const graph = useMemo(() => {
    const g = new Graph({ type: 'directed', multi: false });
    // The details panel names a paper's field from the graph's cluster list, as in the whole-graph view.
    g.replaceAttributes({ schemaVersion: 1, generator: 'papergraph', clusters: top.clusters.map((c) => ({ id: Number(c.id), label: c.label, size: c.papers, top: c.top, color: c.color })) });
    return g;
  }, [top]);
  const [files, setFiles] = useState<ReadonlyMap<string, MapClusterFile>>(new Map());
  const [open, setOpen] = useState<string[]>([]);
  const [selected, setSelected] = useState<string | null>(initial.node);
  const [years, setYears] = useState<[number, number] | null>(initial.years);
  const [focus, setFocus] = useState<Focus | null>(null);
  const [version, setVersion] = useState(0);
  const [adoption, setAdoption] = useState<Adoption | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [consoleOpen, setConsoleOpen] = useState(false);
  const [result, setResult] = useState<CypherResult | null>(null);
  const [hiddenKinds, setHiddenKinds] = useState<string[]>(initial.hiddenKinds);
  const [minDegree, setMinDegree] = useState(0);
  const located = useResultPlaces(graph, result, source);

  /** Opens a cluster and every cluster above it, fetching only their files. */
  const openPath = useCallback(
    async (id: string): Promise<MapCluster | null> => {
      const path = clusterPath(id);
      try {
        const loaded = await Promise.all(path.map((c) => source.cluster(c)));
        setFiles((m) => new Map([...m, ...loaded.map((f) => [f.cluster.id, f] as const)]));
        setOpen((o) => [...o.filter((x) => !path.includes(x)), ...path]);
        return loaded[loaded.length - 1]!.cluster;
      } catch (err) {
        setError((err as Error).message);
        return null;
      }
    },
    [source],
  );
  const openCluster = useCallback(
    async (id: string) => {
      const c = await openPath(id);
      if (c) setFocus({ x: c.x, y: c.y, r: c.r, nonce: Date.now() });
    },
    [openPath],
  );
  const closeCluster = useCallback((id: string) => {
    setOpen((o) => o.filter((x) => x !== id && !x.startsWith(`${id}.`)));
    const c = files.get(id)?.cluster;
    if (c) setFocus({ x: c.x, y: c.y, r: c.r * 1.6, nonce: Date.now() });
  }, [files]);
  const goTo = useCallback(
    async (hit: Pick<MapSearchHit, 'id' | 'leaf'>) => {
      const leaf = await openPath(hit.leaf);
      setSelected(hit.id);
      if (leaf) setFocus({ x: leaf.x, y: leaf.y, r: leaf.r, nonce: Date.now() });
    },
    [openPath],
  );
  const select = useCallback(
    (id: string | null) => {
      if (!id || graph.hasNode(id)) return setSelected(id);
      source.locate(id).then((hit) => (hit ? goTo(hit) : setError(`${id} is not on the map`)), (err: Error) => setError(err.message));
    },
    [graph, source, goTo],
  );

  useEffect(() => {
    // A link opens on what it shows: the deepest cluster it opened, or its node.
    const deepest = initial.open[initial.open.length - 1];
    for (const id of initial.open) void (id === deepest && !initial.node ? openCluster(id) : openPath(id));
    if (initial.node) select(initial.node);
    // Only the URL the page was opened with.
  }, []);
  useEffect(() => {
    fillMapGraph(graph, { top, files, open: new Set(open), years });
    // Read by the benchmark, to split the time to open a cluster into its file, this fill and the frame.
    performance.mark('papergraph:map-filled');
    setVersion((v) => v + 1);
  }, [graph, top, files, open, years]);
  useEffect(() => writeMapUrl({ open, node: selected, years, hiddenKinds }), [open, selected, years, hiddenKinds]);
  // Derived from what is loaded, so each waits for the graph to be refilled (`version`).
  const highlight = useMemo(() => mapHighlight(graph, result, located), [graph, result, located, version]);
  const visible = useMemo(() => visibleOnMap(graph, hiddenKinds, minDegree), [graph, hiddenKinds, minDegree, version]);
  const counts = useMemo(() => countOnMap(graph, visible), [graph, visible, version]);
  const degreeMax = useMemo(() => maxDegree(graph as unknown as SnapshotGraph), [graph, version]);
  const look = useMemo(() => ({ selected, visible, highlight }), [selected, visible, highlight]);
  const lookRef = useRef<MapLook>(look);
  const settings = useMemo(
    () => ({ ...MAP_SETTINGS, nodeReducer: (n: string, a: Record<string, unknown>) => reduceMapNode(lookRef.current, n, a), edgeReducer: (e: string, a: Record<string, unknown>) => reduceMapEdge(graph, lookRef.current, e, a) }),
    [graph],
  );
  const toggleKind = (kind: string) => setHiddenKinds((k) => (k.includes(kind) ? k.filter((x) => x !== kind) : [...k, kind]));
  useEffect(() => {
    setAdoption(null);
    if (!selected || !graph.hasNode(selected)) return;
    const kind = graph.getNodeAttribute(selected, 'kind');
    if (kind === 'Dataset' || kind === 'Benchmark') source.adoption(selected).then(setAdoption, () => setAdoption(null));
  }, [selected, graph, source, version]);

  const focused = open.length ? files.get(open[open.length - 1]!)?.cluster : undefined;
  const trail = focused ? clusterPath(focused.id).map((id) => files.get(id)?.cluster).filter((c): c is MapCluster => !!c) : [];
  const backToWhole = () => (setOpen([]), setFocus({ ...wholeField(top), nonce: Date.now() }));
  return (
    <div className={consoleOpen ? 'explorer map-view with-console' : 'explorer map-view'}>
      <header className="topbar">
        <h1 className="brand">papergraph</h1>
        <MapSearchBox source={source} onChoose={(hit) => void goTo(hit)} />
        <button type="button" className="toggle-console" aria-expanded={consoleOpen} aria-controls="cypher-console" onClick={() => setConsoleOpen((o) => !o)}>
          Cypher console
        </button>
        <span className="summary" data-testid="map-summary">
          {top.papers.toLocaleString('en')} papers in {top.clusters.length} fields · {graph.filterNodes((_, a) => a.kind === 'Paper').length} papers loaded
        </span>
      </header>
      <nav className="sidebar" aria-label="Map levels and filters">
        <WhereYouAre trail={trail} onWhole={backToWhole} onUp={closeCluster} />
        {highlight && <ResultPlaces graph={graph} highlight={highlight} onOpen={(id) => void openCluster(id)} />}
        {top.years && <YearFilter bounds={top.years} value={years} onChange={setYears} />}
        <Filters counts={counts} hiddenKinds={hiddenKinds} minDegree={minDegree} maxDegree={degreeMax} onToggleKind={toggleKind} onMinDegree={setMinDegree} />
        {adoption && selected && (
          <section className="panel" aria-label="Adoption">
            <AdoptionChart adoption={adoption} onOpen={(id) => select(id)} />
          </section>
        )}
        {error && <p className="error" role="alert">{error}</p>}
      </nav>
      <main className="map" aria-label="Graph map">
        <SigmaContainer graph={graph} settings={settings} className="sigma">
          <MapControllers top={top} onOpen={(id) => void openCluster(id)} onSelect={select} focus={focus} />
          <LookController look={look} into={lookRef} />
          <LabelLayer selected={selected} highlight={highlight} />
          <ResizeController />
          <ZoomControls />
          <ExportMenu gexf={() => mapGexf(graph)} />
          <DebugHandle graph={graph as unknown as SnapshotGraph} />
        </SigmaContainer>
      </main>
      {consoleOpen && (
        <div className="console-area" id="cypher-console">
          <Suspense fallback={<p className="hint">Loading the console…</p>}>
            <ConsolePanel onResult={setResult} onSelect={select} snapshotUrl={snapshotUrl} />
          </Suspense>
        </div>
      )}
      <DetailsPanel key={version} graph={graph as unknown as SnapshotGraph} selected={selected && graph.hasNode(selected) && graph.getNodeAttribute(selected, 'kind') !== 'Cluster' ? selected : null} onSelect={select} />
    </div>
  );
}

/** The camera's target for the whole field: the top level's extent. */
function wholeField(top: MapTop) {
  return { x: (top.bbox.x[0] + top.bbox.x[1]) / 2, y: (top.bbox.y[0] + top.bbox.y[1]) / 2, r: Math.max(top.bbox.x[1] - top.bbox.x[0], top.bbox.y[1] - top.bbox.y[0]) / 2 };
}
