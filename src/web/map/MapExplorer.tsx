/**
 * The level-of-detail explorer: it opens on the fields of the map, each a disc sized by its papers
 * and linked to related fields; clicking or zooming into a disc loads that cluster's next level
 * only (areas, topics, then papers and their entities) while the rest of the field stays around it
 * in summary. Search reaches every paper through the server; the view is kept in the URL.
 */
import { SigmaContainer } from '@react-sigma/core';
import Graph from 'graphology';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { clusterPath, type Adoption, type MapCluster, type MapClusterFile, type MapSearchHit, type MapTop } from '../../model/map.ts';
import { DetailsPanel } from '../components/DetailsPanel.tsx';
import { DebugHandle } from '../controllers/DebugHandle.tsx';
import { ResizeController } from '../controllers/ResizeController.tsx';
import { ZoomControls } from '../controllers/ZoomControls.tsx';
import { SIGMA_SETTINGS } from '../controllers/sigma-settings.ts';
import type { SnapshotGraph } from '../state/graph-types.ts';
import { AdoptionChart } from './AdoptionChart.tsx';
import { LabelLayer } from './LabelLayer.tsx';
import { MapControllers } from './MapControllers.tsx';
import { MapSearchBox } from './MapSearchBox.tsx';
import type { MapSource } from './map-data.ts';
import { fillMapGraph } from './map-graph.ts';
import { readMapUrl, writeMapUrl } from './map-url.ts';
import { YearFilter } from './YearFilter.tsx';

// Sizes are in map units, so a disc covers the region its children fill at every zoom; labels are
// drawn by LabelLayer, which never lets two overlap.
const MAP_SETTINGS = { ...SIGMA_SETTINGS, renderLabels: false, itemSizesReference: 'positions' as const, zoomToSizeRatioFunction: (r: number) => r, minCameraRatio: 0.0005, maxCameraRatio: 2 };

type Focus = { x: number; y: number; r: number; nonce: number };

export function MapExplorer({ top, source }: { top: MapTop; source: MapSource }) {
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
    for (const id of initial.open) void openPath(id);
    if (initial.node) select(initial.node);
    // Only the URL the page was opened with.
  }, []);
  useEffect(() => {
    fillMapGraph(graph, { top, files, open: new Set(open), years });
    // Read by the benchmark, to split the time to open a cluster into its file, this fill and the frame.
    performance.mark('papergraph:map-filled');
    setVersion((v) => v + 1);
  }, [graph, top, files, open, years]);
  useEffect(() => writeMapUrl({ open, node: selected, years }), [open, selected, years]);
  useEffect(() => {
    setAdoption(null);
    if (!selected || !graph.hasNode(selected)) return;
    const kind = graph.getNodeAttribute(selected, 'kind');
    if (kind === 'Dataset' || kind === 'Benchmark') source.adoption(selected).then(setAdoption, () => setAdoption(null));
  }, [selected, graph, source, version]);

  const focused = open.length ? files.get(open[open.length - 1]!)?.cluster : undefined;
  const trail = focused ? clusterPath(focused.id).map((id) => files.get(id)?.cluster).filter((c): c is MapCluster => !!c) : [];
  const settings = useMemo(() => ({ ...MAP_SETTINGS, nodeReducer: (node: string, a: Record<string, unknown>) => (node === selected ? { ...a, highlighted: true, zIndex: 2 } : a) }), [selected]);
  return (
    <div className="explorer map-view">
      <header className="topbar">
        <h1 className="brand">papergraph</h1>
        <MapSearchBox source={source} onChoose={(hit) => void goTo(hit)} />
        <span className="summary" data-testid="map-summary">
          {top.papers.toLocaleString('en')} papers in {top.clusters.length} fields · {graph.filterNodes((_, a) => a.kind === 'Paper').length} papers loaded
        </span>
      </header>
      <nav className="sidebar" aria-label="Map levels and filters">
        <section className="panel" aria-label="Where you are">
          <h2>Where you are</h2>
          <ol className="trail">
            <li>
              <button type="button" className="link" onClick={() => (setOpen([]), setFocus({ x: (top.bbox.x[0] + top.bbox.x[1]) / 2, y: (top.bbox.y[0] + top.bbox.y[1]) / 2, r: Math.max(top.bbox.x[1] - top.bbox.x[0], top.bbox.y[1] - top.bbox.y[0]) / 2, nonce: Date.now() }))}>
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
            <button type="button" onClick={() => closeCluster(focused.id)}>
              Up one level
            </button>
          )}
        </section>
        {top.years && <YearFilter bounds={top.years} value={years} onChange={setYears} />}
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
          <LabelLayer selected={selected} />
          <ResizeController />
          <ZoomControls />
          <DebugHandle graph={graph as unknown as SnapshotGraph} />
        </SigmaContainer>
      </main>
      <DetailsPanel key={version} graph={graph as unknown as SnapshotGraph} selected={selected && graph.hasNode(selected) && graph.getNodeAttribute(selected, 'kind') !== 'Cluster' ? selected : null} onSelect={select} />
    </div>
  );
}

