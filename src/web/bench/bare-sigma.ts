/**
 * The benchmark's baseline: bare Sigma with default settings drawing the same snapshot as the
 * explorer, exposing the same `window.papergraph` handle so one script measures both.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import './bare-sigma.css';

const started = performance.now();
const response = await fetch('graph.json');
const graph = Graph.from(await response.json());
const sigma = new Sigma(graph, document.getElementById('sigma')!);
const handle: { sigma: Sigma; graph: Graph; firstRenderMs?: number; startedMs: number } = { sigma, graph, startedMs: started };
(window as unknown as { papergraph: typeof handle }).papergraph = handle;
// The constructor draws synchronously; measured at the next animation frame, as the explorer is.
requestAnimationFrame(() => {
  handle.firstRenderMs = performance.now();
  document.documentElement.dataset.rendered = 'true';
});
