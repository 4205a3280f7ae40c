/**
 * The map view's Sigma controllers: clicks (a disc opens its cluster, a node is selected), zooming
 * into a disc until it fills the view opens it, the camera flies to what was opened or chosen, and
 * the fixed extent keeps the camera from jumping as clusters open.
 */
import { useRegisterEvents, useSigma } from '@react-sigma/core';
import { useEffect, type RefObject } from 'react';
import type { MapTop } from '../../model/map.ts';
import { clusterOfKey } from './map-graph.ts';
import type { MapLook } from './map-look.ts';

interface Props {
  top: MapTop;
  onOpen(cluster: string): void;
  onSelect(node: string | null): void;
  /** A region to bring into view (a cluster's disc, or around a node), with a nonce so it can be asked again. */
  focus: { x: number; y: number; r: number; nonce: number } | null;
}

export function MapControllers({ top, onOpen, onSelect, focus }: Props) {
  const sigma = useSigma();
  const register = useRegisterEvents();
  useEffect(() => {
    sigma.setCustomBBox({ x: top.bbox.x, y: top.bbox.y });
    sigma.refresh();
  }, [sigma, top]);
  useEffect(() => {
    register({
      clickNode: ({ node }) => {
        const cluster = clusterOfKey(node);
        if (cluster) onOpen(cluster);
        else onSelect(node);
      },
      clickStage: () => onSelect(null),
      enterNode: () => (sigma.getContainer().style.cursor = 'pointer'),
      leaveNode: () => (sigma.getContainer().style.cursor = ''),
    });
  }, [sigma, register, onOpen, onSelect]);
  // Zooming into a disc opens it once it fills most of the view.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const { width, height } = sigma.getDimensions();
      const centre = sigma.viewportToGraph({ x: width / 2, y: height / 2 });
      const graph = sigma.getGraph();
      graph.forEachNode((key, a) => {
        const cluster = clusterOfKey(key);
        if (!cluster || Math.hypot((a.x as number) - centre.x, (a.y as number) - centre.y) > (a.size as number)) return;
        if (screenRadius(sigma, a.x as number, a.y as number, a.size as number) > 0.45 * Math.min(width, height)) onOpen(cluster);
      });
    };
    const onCamera = () => {
      clearTimeout(timer);
      timer = setTimeout(check, 300);
    };
    sigma.getCamera().on('updated', onCamera);
    return () => {
      clearTimeout(timer);
      sigma.getCamera().off('updated', onCamera);
    };
  }, [sigma, onOpen]);
  useEffect(() => {
    if (!focus) return;
    const { width, height } = sigma.getDimensions();
    const camera = sigma.getCamera();
    const target = sigma.viewportToFramedGraph(sigma.graphToViewport({ x: focus.x, y: focus.y }));
    // The region asked for fills 80% of the shorter side of the view.
    const ratio = camera.getState().ratio * (screenRadius(sigma, focus.x, focus.y, focus.r) / (0.4 * Math.min(width, height)));
    camera.animate({ x: target.x, y: target.y, ratio }, { duration: 350 });
  }, [sigma, focus]);
  return null;
}

function screenRadius(sigma: ReturnType<typeof useSigma>, x: number, y: number, r: number): number {
  const c = sigma.graphToViewport({ x, y });
  const e = sigma.graphToViewport({ x: x + r, y });
  return Math.hypot(e.x - c.x, e.y - c.y);
}

/**
 * Hands the look (selection, filters, highlight) to the reducers, which read it from `into`, and
 * redraws. Sigma's settings stay the same object: new settings would make a new Sigma.
 */
export function LookController({ look, into }: { look: MapLook; into: RefObject<MapLook> }) {
  const sigma = useSigma();
  useEffect(() => {
    into.current = look;
    sigma.refresh();
  }, [sigma, look, into]);
  return null;
}
