/** The cluster legend: label, size and colour of each cluster; its checkboxes filter the map. */
import type { ClusterInfo } from '../../model/schema.ts';

interface Props {
  clusters: ClusterInfo[];
  colors: Map<number, string>;
  hiddenClusters: number[];
  onToggle(cluster: number): void;
  onOnly(cluster: number): void;
  onAll(): void;
}

/** The scores behind a label, one term a line: what the legend's tooltip shows. */
export function labelTooltip(c: ClusterInfo): string {
  if (!c.terms?.length) return c.top.join(', ');
  return ['Label terms, scored against the other clusters (log-likelihood G² × kind weight):', ...c.terms.map((t) => `${t.name} (${t.kind}): ${t.score} · ${t.papers} papers`)].join('\n');
}

export function Legend({ clusters, colors, hiddenClusters, onToggle, onOnly, onAll }: Props) {
  if (!clusters.length) return null;
  return (
    <section className="panel legend" aria-labelledby="legend-title">
      <h2 id="legend-title">Clusters</h2>
      <ul>
        {clusters.map((c) => (
          <li key={c.id}>
            <label className="check" title={labelTooltip(c)}>
              <input type="checkbox" checked={!hiddenClusters.includes(c.id)} onChange={() => onToggle(c.id)} />
              <span className="swatch" style={{ background: colors.get(c.id) }} aria-hidden="true" />
              <span className="cluster-name">{c.label}</span>
              <span className="count">{c.size}</span>
            </label>
            <button type="button" className="link small" onClick={() => onOnly(c.id)} aria-label={`Show only cluster ${c.label}`}>
              only
            </button>
          </li>
        ))}
      </ul>
      {hiddenClusters.length > 0 && (
        <button type="button" className="link" onClick={onAll}>
          Show all clusters
        </button>
      )}
    </section>
  );
}
