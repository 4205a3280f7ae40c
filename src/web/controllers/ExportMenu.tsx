/** Export buttons over the map: PNG of the current view, GEXF of the graph the view holds. */
import { useSigma } from '@react-sigma/core';
import { useState } from 'react';
import { download } from '../export/download.ts';
import { exportPng } from '../export/png.ts';

/** `gexf`: the view's graph as GEXF, made only when asked for. */
export function ExportMenu({ gexf }: { gexf(): string }) {
  const sigma = useSigma();
  const [error, setError] = useState<string | null>(null);
  const png = () => {
    exportPng(sigma, sigma.getContainer().parentElement?.querySelector('.cluster-labels') ?? null)
      .then((blob) => download(blob, 'papergraph.png'))
      .catch((err: Error) => setError(err.message));
  };
  const saveGexf = () => download(new Blob([gexf()], { type: 'application/xml' }), 'papergraph.gexf');
  return (
    <div className="map-tools" role="toolbar" aria-label="Export">
      <button type="button" onClick={png}>
        Export PNG
      </button>
      <button type="button" onClick={saveGexf}>
        Export GEXF
      </button>
      {error && <span role="alert">{error}</span>}
    </div>
  );
}
