/**
 * The benchmark's baseline: bare Sigma with default settings drawing the same snapshot as the
 * explorer, exposing the same `window.papergraph` handle so one script measures both.
 *
 * A graph may carry a `benchView` attribute (the map view's benchmark sets it): the container size,
 * extent and camera of the page it was taken from, with sizes in graph units as the map view draws
 * them, so that bare Sigma draws the same picture and only the pages' own work differs.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import './bare-sigma.css';

interface BenchView {
  size: { width: number; height: number };
  bbox: { x: [number, number]; y: [number, number] };
  camera: { x: number; y: number; ratio: number; angle: number };
}

const started = performance.now();
const response = await fetch('graph.json');
const graph = Graph.from(await response.json());
const view = graph.getAttribute('benchView') as BenchView | undefined;
const container = document.getElementById('sigma')!;
if (view) Object.assign(container.style, { right: 'auto', bottom: 'auto', width: `${view.size.width}px`, height: `${view.size.height}px` });
const sigma = new Sigma(graph, container, view ? { itemSizesReference: 'positions', zoomToSizeRatioFunction: (r: number) => r } : {});
if (view) {
  sigma.setCustomBBox(view.bbox);
  sigma.getCamera().setState(view.camera);
}
const handle: { sigma: Sigma; graph: Graph; firstRenderMs?: number; startedMs: number } = { sigma, graph, startedMs: started };
(window as unknown as { papergraph: typeof handle }).papergraph = handle;
// The constructor draws synchronously; measured at the next animation frame, as the explorer is.
requestAnimationFrame(() => {
  handle.firstRenderMs = performance.now();
  document.documentElement.dataset.rendered = 'true';
});
