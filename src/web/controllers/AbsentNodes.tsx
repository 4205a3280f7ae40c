/**
 * Result nodes the map does not hold (a Neo4j Cluster node, say), drawn as HTML markers over the
 * canvas where they would sit: near their neighbours on the map. They are part of the highlight
 * overlay, not of the graph, so no filter, search or export ever sees them.
 */
import { useSigma } from '@react-sigma/core';
import { useEffect, useRef } from 'react';
import type { AbsentNode } from '../state/highlight.ts';

interface Props {
  nodes: readonly AbsentNode[];
  onSelect(node: string): void;
}

export function AbsentNodes({ nodes, onSelect }: Props) {
  const sigma = useSigma();
  const layer = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const place = () => {
      const root = layer.current;
      if (!root) return;
      for (const el of Array.from(root.children) as HTMLElement[]) {
        const n = nodes[Number(el.dataset.index)];
        if (!n) continue;
        const p = sigma.graphToViewport({ x: n.x, y: n.y });
        el.style.transform = `translate(${Math.round(p.x)}px, ${Math.round(p.y)}px)`;
      }
    };
    sigma.on('afterRender', place);
    place();
    return () => {
      sigma.off('afterRender', place);
    };
  }, [sigma, nodes]);

  if (!nodes.length) return null;
  return (
    <div className="absent-nodes" ref={layer}>
      {nodes.map((n, i) => (
        <button key={n.id} type="button" data-index={i} className="absent-node" title={`${n.label}: not on this map`} onClick={() => onSelect(n.id)}>
          <span className="dot" aria-hidden="true" />
          {n.name}
        </button>
      ))}
    </div>
  );
}
