/**
 * Each cluster's label at its centre, as HTML text over the canvas (so a label is text, selectable
 * and safe). Positions follow the camera on every render; a label that would overlap a larger
 * cluster's label moves just beside its centre, or hides when no place there is free, and all of them hide while the camera moves. The room they take is
 * kept from Sigma's node labels (label-space.ts), so no label is drawn over another.
 */
import { useSigma } from '@react-sigma/core';
import { useEffect, useMemo, useRef } from 'react';
import { drawDiscNodeLabel } from 'sigma/rendering';
import type { SnapshotGraph } from '../state/graph-types.ts';
import { LabelSpace, labelOutside, placeNear, type Box } from './label-space.ts';

interface Props {
  graph: SnapshotGraph;
  colors: Map<number, string>;
  hiddenClusters: number[];
  /** A node is hovered or selected: the labels step back so its neighbourhood reads clearly. */
  dimmed: boolean;
}

interface Centre {
  id: number;
  label: string;
  x: number;
  y: number;
  size: number;
}

/** Space kept free around a cluster label, in pixels. */
const LABEL_MARGIN = 6;
/** Clusters smaller than this get no label on the map (the legend still lists them). */
const MIN_LABELLED_SIZE = 3;

export function clusterCentres(graph: SnapshotGraph): Centre[] {
  const acc = new Map<number, { x: number; y: number; n: number }>();
  graph.forEachNode((_, a) => {
    const c = acc.get(a.cluster) ?? { x: 0, y: 0, n: 0 };
    c.x += a.x;
    c.y += a.y;
    c.n++;
    acc.set(a.cluster, c);
  });
  const labels = new Map((graph.getAttribute('clusters') ?? []).map((c) => [c.id, c.label]));
  return [...acc.entries()]
    .map(([id, c]) => ({ id, label: labels.get(id) ?? `cluster ${id}`, x: c.x / c.n, y: c.y / c.n, size: c.n }))
    .sort((a, b) => b.size - a.size);
}

export function ClusterLabels({ graph, colors, hiddenClusters, dimmed }: Props) {
  const sigma = useSigma();
  const centres = useMemo(() => clusterCentres(graph), [graph]);
  const layer = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Label sizes are measured once: measuring on every frame would force a layout per frame.
    const sizes = new Map<number, { w: number; h: number }>();
    const space = new LabelSpace();
    sigma.setSetting('defaultDrawNodeLabel', labelOutside(space, drawDiscNodeLabel));
    const place = () => {
      const root = layer.current;
      if (!root) return;
      const placed: Box[] = [];
      for (const el of Array.from(root.children) as HTMLElement[]) {
        const index = Number(el.dataset.index);
        const c = centres[index];
        if (!c || c.size < MIN_LABELLED_SIZE || hiddenClusters.includes(c.id)) {
          el.hidden = true;
          continue;
        }
        let size = sizes.get(index);
        if (!size) {
          el.hidden = false;
          size = { w: el.offsetWidth, h: el.offsetHeight };
          sizes.set(index, size);
        }
        const p = sigma.graphToViewport({ x: c.x, y: c.y });
        // A cluster whose centre is off screen gets no label; one near the edge is kept inside the map.
        const { width, height } = sigma.getDimensions();
        if (p.x < 0 || p.y < 0 || p.x > width || p.y > height) {
          el.hidden = true;
          continue;
        }
        const box = placeNear(p, size, { width, height }, placed, LABEL_MARGIN);
        el.hidden = !box;
        if (!box) continue;
        placed.push(box);
        el.style.transform = `translate(${Math.round(box.l)}px, ${Math.round(box.t)}px)`;
      }
      // Node labels were drawn before the cluster labels moved: draw them again around the new room.
      if (space.take(placed)) sigma.scheduleRender();
    };
    const newFrame = () => space.newFrame();
    sigma.on('beforeRender', newFrame);
    sigma.on('afterRender', place);
    place();
    return () => {
      sigma.off('beforeRender', newFrame);
      sigma.off('afterRender', place);
      space.take([]);
    };
  }, [sigma, centres, hiddenClusters]);

  return (
    <div className={dimmed ? 'cluster-labels dimmed' : 'cluster-labels'} ref={layer} aria-hidden="true">
      {centres.map((c, i) => (
        <div key={c.id} data-index={i} className="cluster-label" style={{ color: colors.get(c.id) }}>
          {c.label}
        </div>
      ))}
    </div>
  );
}
