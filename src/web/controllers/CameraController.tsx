/**
 * Keeps the camera and the view in step: restores the camera from the URL, reports moves (the caller
 * debounces them into the URL), follows back/forward, and flies to a node the user chose in search.
 */
import { useSigma } from '@react-sigma/core';
import { useEffect, useRef } from 'react';
import type { CameraView } from '../state/view.ts';

interface Props {
  camera: CameraView | null;
  /** A node to fly to; `nonce` changes on every request so choosing the same node twice still flies. */
  flyTo: { node: string; nonce: number } | null;
  /** Nodes to bring into view together (a query result); the layout stays, only the camera moves. */
  fitTo?: ReadonlySet<string> | null;
  onCamera(view: CameraView): void;
}

const same = (a: CameraView | null, b: CameraView | null) =>
  !!a && !!b && Math.abs(a.x - b.x) < 1e-4 && Math.abs(a.y - b.y) < 1e-4 && Math.abs(a.ratio - b.ratio) < 1e-4;

export function CameraController({ camera, flyTo, fitTo = null, onCamera }: Props) {
  const sigma = useSigma();
  const reported = useRef<CameraView | null>(null);

  // A camera in the view that we did not report ourselves came from the URL (load or back/forward).
  useEffect(() => {
    if (!camera || same(camera, reported.current)) return;
    reported.current = camera;
    sigma.getCamera().setState(camera);
  }, [sigma, camera]);

  useEffect(() => {
    const cam = sigma.getCamera();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdated = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const { x, y, ratio } = cam.getState();
        reported.current = { x, y, ratio };
        onCamera({ x, y, ratio });
      }, 250);
    };
    cam.on('updated', onUpdated);
    return () => {
      clearTimeout(timer);
      cam.off('updated', onUpdated);
    };
  }, [sigma, onCamera]);

  useEffect(() => {
    if (!flyTo) return;
    const graph = sigma.getGraph();
    if (!graph.hasNode(flyTo.node)) return;
    // From the graph's own coordinates: the display cache may hold un-normalised values while a
    // refresh is scheduled (a selection just changed the reducers).
    const { x, y } = graph.getNodeAttributes(flyTo.node) as { x: number; y: number };
    const target = sigma.viewportToFramedGraph(sigma.graphToViewport({ x, y }));
    const cam = sigma.getCamera();
    void cam.animate({ x: target.x, y: target.y, ratio: Math.min(cam.getState().ratio, 0.4) }, { duration: 400 });
  }, [sigma, flyTo]);
  useEffect(() => {
    if (!fitTo || fitTo.size === 0) return;
    const graph = sigma.getGraph();
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const node of fitTo) {
      if (!graph.hasNode(node)) continue;
      const { x, y } = graph.getNodeAttributes(node) as { x: number; y: number };
      const p = sigma.viewportToFramedGraph(sigma.graphToViewport({ x, y }));
      [minX, minY, maxX, maxY] = [Math.min(minX, p.x), Math.min(minY, p.y), Math.max(maxX, p.x), Math.max(maxY, p.y)];
    }
    if (!Number.isFinite(minX)) return;
    const ratio = Math.min(Math.max(Math.max(maxX - minX, maxY - minY) * 1.4, 0.08), 1);
    void sigma.getCamera().animate({ x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio }, { duration: 400 });
  }, [sigma, fitTo]);
  return null;
}
