/**
 * Appearance through Sigma's reducers, never by editing the graph: cluster colours, labels, filters
 * (hidden), the hovered or selected node's neighbourhood in front with the rest faded, and any
 * highlighted set (Cypher results). The reducers are given to Sigma at creation and read the current
 * state from a ref; each state change then asks Sigma for the cheapest refresh that is still correct: moving
 * the focus from one node to another only re-reduces the two neighbourhoods (a partial refresh),
 * everything else re-reduces the whole graph.
 */
import { useSigma } from '@react-sigma/core';
import { useEffect, useMemo } from 'react';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { SnapshotGraph } from '../state/graph-types.ts';
import { FADED_NODE } from '../state/palette.ts';
import type { HighlightState } from '../state/highlight.ts';

interface Props {
  graph: SnapshotGraph;
  reducers: Reducers;
  colors: Map<number, string>;
  visible: Set<string> | null;
  hovered: string | null;
  selected: string | null;
  /** Nodes and relationships to emphasise besides the focus (Cypher results); null when none. */
  highlighted?: HighlightState;
}

export interface ReducerState {
  colors: Map<number, string>;
  visible: Set<string> | null;
  focus: string | null;
  neighbourhood: Set<string> | null;
  highlighted: HighlightState;
}

const MAX_LABEL = 34;
const LABELLED_NEIGHBOURHOOD = 40;
const LIT_EDGE = '#6b7380';
const shortLabel = (name: string) => (name.length > MAX_LABEL ? `${name.slice(0, MAX_LABEL - 1)}…` : name);

export interface Reducers {
  state: { current: ReducerState };
  nodeReducer(node: string, data: Record<string, unknown>): Partial<NodeDisplayData>;
  edgeReducer(edge: string, data: Record<string, unknown>): Partial<EdgeDisplayData>;
}

/**
 * The reducers, created with the graph and handed to Sigma in its initial settings, so that the
 * first render is already the styled one (installing them later would cost a second full pass).
 */
export function createReducers(graph: SnapshotGraph, colors: Map<number, string>): Reducers {
  const state = { current: { colors, visible: null, focus: null, neighbourhood: null, highlighted: null } as ReducerState };
  const nodeReducer = (node: string, data: Record<string, unknown>): Partial<NodeDisplayData> => {
    const { colors, visible, focus, neighbourhood, highlighted } = state.current;
    const res: Partial<NodeDisplayData> = { ...(data as Partial<NodeDisplayData>) };
    res.label = shortLabel(data.name as string);
    res.color = colors.get(data.cluster as number) ?? '#888';
    const emphasised = highlighted?.nodes.has(node) ?? false;
    // A query's answer shows through the filters: the user asked for exactly these nodes.
    if (visible && !visible.has(node) && !emphasised) {
      res.hidden = true;
      return res;
    }
    if (!neighbourhood && !highlighted) return res;
    if (!emphasised && !neighbourhood?.has(node)) {
      res.color = FADED_NODE;
      res.label = '';
      res.zIndex = 0;
      return res;
    }
    res.zIndex = 1;
    if (emphasised || (neighbourhood && neighbourhood.size <= LABELLED_NEIGHBOURHOOD)) res.forceLabel = true;
    if (node === focus || emphasised) {
      res.highlighted = true;
      res.zIndex = 2;
    }
    return res;
  };
  const edgeReducer = (edge: string, data: Record<string, unknown>): Partial<EdgeDisplayData> => {
    const { visible, focus, neighbourhood, highlighted } = state.current;
    if (!visible && !neighbourhood && !highlighted) return data as Partial<EdgeDisplayData>;
    const [s, t] = graph.extremities(edge);
    const lit = highlighted?.edges.has(edge) ?? false;
    if (visible && !lit && (!visible.has(s) || !visible.has(t))) return { ...(data as Partial<EdgeDisplayData>), hidden: true };
    if (!neighbourhood && !highlighted) return data as Partial<EdgeDisplayData>;
    if (!lit && s !== focus && t !== focus) return { ...(data as Partial<EdgeDisplayData>), hidden: true };
    return { ...(data as Partial<EdgeDisplayData>), color: LIT_EDGE, size: 1.5, zIndex: 1 };
  };
  return { state, nodeReducer, edgeReducer };
}

/** What changed between two states, as the nodes and edges to re-reduce; null: everything. */
export function focusDelta(graph: SnapshotGraph, prev: ReducerState, next: ReducerState): { nodes: string[]; edges: string[] } | null {
  const sameElse = prev.colors === next.colors && prev.visible === next.visible && prev.highlighted === next.highlighted;
  if (!sameElse || !prev.focus || !next.focus || !prev.neighbourhood || !next.neighbourhood) return null;
  const nodes = new Set([...prev.neighbourhood, ...next.neighbourhood]);
  const edges = new Set([...graph.edges(prev.focus), ...graph.edges(next.focus)]);
  return { nodes: [...nodes], edges: [...edges] };
}

export function ReducersController({ graph, reducers, colors, visible, hovered, selected, highlighted = null }: Props) {
  const sigma = useSigma();
  const focus = hovered ?? selected;
  const neighbourhood = useMemo(() => {
    if (!focus || !graph.hasNode(focus)) return null;
    const set = new Set<string>(graph.neighbors(focus));
    set.add(focus);
    return set;
  }, [graph, focus]);
  const state = reducers.state;

  useEffect(() => {
    const prev = state.current;
    if (prev.colors === colors && prev.visible === visible && prev.neighbourhood === neighbourhood && prev.highlighted === highlighted) return;
    const now: ReducerState = { colors, visible, focus: neighbourhood ? focus : null, neighbourhood, highlighted };
    state.current = now;
    const delta = focusDelta(graph, prev, now);
    if (delta) sigma.scheduleRefresh({ partialGraph: delta });
    else sigma.scheduleRefresh();
  }, [sigma, graph, state, colors, visible, neighbourhood, focus, highlighted]);
  return null;
}
