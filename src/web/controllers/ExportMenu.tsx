/** Export buttons over the map: PNG of the current view, GEXF of the whole graph. */
import { useSigma } from '@react-sigma/core';
import { useState } from 'react';
import type { SnapshotGraph } from '../state/graph-types.ts';
import { download } from '../export/download.ts';
import { toGexf } from '../export/gexf.ts';
import { exportPng } from '../export/png.ts';

export function ExportMenu({ graph, colors }: { graph: SnapshotGraph; colors: Map<number, string> }) {
  const sigma = useSigma();
  const [error, setError] = useState<string | null>(null);
  const png = () => {
    exportPng(sigma, sigma.getContainer().parentElement?.querySelector('.cluster-labels') ?? null)
      .then((blob) => download(blob, 'papergraph.png'))
      .catch((err: Error) => setError(err.message));
  };
  const gexf = () => download(new Blob([toGexf(graph, colors)], { type: 'application/xml' }), 'papergraph.gexf');
  return (
    <div className="map-tools" role="toolbar" aria-label="Export">
      <button type="button" onClick={png}>
        Export PNG
      </button>
      <button type="button" onClick={gexf}>
        Export GEXF
      </button>
      {error && <span role="alert">{error}</span>}
    </div>
  );
}
