/**
 * Appearance through Sigma's reducers, never by editing the graph: cluster colours, labels, filters
 * (hidden), and the hovered or selected node's neighbourhood in front with the rest faded. The sets
 * the reducers consult are computed once per state change, so each reducer call is a lookup.
 */
import { useSetSettings, useSigma } from '@react-sigma/core';
import { useEffect, useMemo } from 'react';
import type { NodeDisplayData, EdgeDisplayData } from 'sigma/types';
import type { SnapshotGraph } from '../state/graph-types.ts';
import { FADED_NODE } from '../state/palette.ts';

interface Props {
  graph: SnapshotGraph;
  colors: Map<number, string>;
  visible: Set<string> | null;
  hovered: string | null;
  selected: string | null;
  /** Nodes to emphasise besides the focus (e.g. Cypher results); null when none. */
  highlighted?: Set<string> | null;
}

const MAX_LABEL = 48;
const shortLabel = (name: string) => (name.length > MAX_LABEL ? `${name.slice(0, MAX_LABEL - 1)}…` : name);

export function ReducersController({ graph, colors, visible, hovered, selected, highlighted = null }: Props) {
  const sigma = useSigma();
  const setSettings = useSetSettings();
  const focus = hovered ?? selected;
  const neighbourhood = useMemo(() => {
    if (!focus || !graph.hasNode(focus)) return null;
    const set = new Set<string>(graph.neighbors(focus));
    set.add(focus);
    return set;
  }, [graph, focus]);

  useEffect(() => {
    const labelNeighbours = neighbourhood !== null && neighbourhood.size <= 40;
    const nodeReducer = (node: string, data: Record<string, unknown>): Partial<NodeDisplayData> => {
      const res: Partial<NodeDisplayData> = { ...(data as Partial<NodeDisplayData>) };
      res.label = shortLabel(data.name as string);
      res.color = colors.get(data.cluster as number) ?? '#888';
      if (visible && !visible.has(node)) {
        res.hidden = true;
        return res;
      }
      const emphasised = highlighted?.has(node) ?? false;
      if (neighbourhood && !neighbourhood.has(node) && !emphasised) {
        res.color = FADED_NODE;
        res.label = '';
        res.zIndex = 0;
      } else if (neighbourhood || emphasised) {
        res.zIndex = 1;
        if (labelNeighbours || emphasised) res.forceLabel = true;
      }
      if (highlighted && !emphasised && !neighbourhood) {
        res.color = FADED_NODE;
        res.label = '';
      }
      if (node === selected || node === hovered || emphasised) {
        res.highlighted = true;
        res.zIndex = 2;
      }
      return res;
    };
    const edgeReducer = (edge: string, data: Record<string, unknown>): Partial<EdgeDisplayData> => {
      if (!visible && !neighbourhood && !highlighted) return data as Partial<EdgeDisplayData>;
      const [s, t] = graph.extremities(edge);
      if (visible && (!visible.has(s) || !visible.has(t))) return { ...(data as Partial<EdgeDisplayData>), hidden: true };
      if (neighbourhood && s !== focus && t !== focus) {
        if (!(highlighted?.has(s) && highlighted.has(t))) return { ...(data as Partial<EdgeDisplayData>), hidden: true };
      }
      if (highlighted && !neighbourhood && !(highlighted.has(s) && highlighted.has(t))) return { ...(data as Partial<EdgeDisplayData>), hidden: true };
      return { ...(data as Partial<EdgeDisplayData>), color: '#8a919c', size: 1.5, zIndex: 1 };
    };
    setSettings({ nodeReducer, edgeReducer });
  }, [sigma, setSettings, graph, colors, visible, neighbourhood, focus, hovered, selected, highlighted]);
  return null;
}
