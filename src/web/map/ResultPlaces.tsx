/** Where a Cypher result lies on the map: lit on it, or inside clusters not opened yet, each one click away. */
import type Graph from 'graphology';
import type { MapHighlight } from './map-highlight.ts';
import { clusterOfKey } from './map-graph.ts';

interface Props {
  graph: Graph;
  highlight: MapHighlight;
  onOpen(cluster: string): void;
}

export function ResultPlaces({ graph, highlight, onOpen }: Props) {
  const discs = [...highlight.discs].sort((a, b) => b[1].length - a[1].length);
  return (
    <section className="panel result-places" aria-label="Result on the map">
      <h2>Result on the map</h2>
      <p className="meta" data-testid="result-on-map">
        {highlight.nodes.size} lit on the map{discs.length ? ` · ${discs.reduce((s, [, ids]) => s + ids.length, 0)} in ${discs.length} unopened cluster${discs.length === 1 ? '' : 's'}` : ''}
        {highlight.elsewhere.length ? ` · ${highlight.elsewhere.length} not on this map` : ''}
        {highlight.pending.length ? ` · looking up ${highlight.pending.length}…` : ''}
      </p>
      {discs.length > 0 && (
        <ul className="result-discs">
          {discs.slice(0, 12).map(([key, ids]) => (
            <li key={key}>
              <button type="button" className="link" data-cluster={clusterOfKey(key)} onClick={() => onOpen(clusterOfKey(key)!)}>
                Open {String(graph.getNodeAttribute(key, 'label'))}
              </button>{' '}
              <span className="muted">({ids.length})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
