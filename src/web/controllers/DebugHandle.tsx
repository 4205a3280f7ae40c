/**
 * Exposes the Sigma instance and graph as `window.papergraph`, a documented handle for scripted use
 * (the e2e tests and the benchmark read counts and drive the camera through it).
 */
import { useSigma } from '@react-sigma/core';
import { useEffect } from 'react';
import type { SnapshotGraph } from '../state/graph-types.ts';

declare global {
  interface Window {
    papergraph?: { sigma: ReturnType<typeof useSigma>; graph: SnapshotGraph; firstRenderMs?: number };
  }
}

export function DebugHandle({ graph }: { graph: SnapshotGraph }) {
  const sigma = useSigma();
  useEffect(() => {
    performance.mark('papergraph:sigma-ready');
    const handle: NonNullable<Window['papergraph']> = { sigma, graph };
    window.papergraph = handle;
    // Sigma drew in its constructor; a refresh a sibling controller scheduled (state from the URL)
    // runs in an earlier animation frame callback than this one, so this frame shows the full view.
    const frame = requestAnimationFrame(() => {
      handle.firstRenderMs = performance.now();
      document.documentElement.dataset.rendered = 'true';
    });
    return () => {
      cancelAnimationFrame(frame);
      if (window.papergraph === handle) delete window.papergraph;
    };
  }, [sigma, graph]);
  return null;
}
