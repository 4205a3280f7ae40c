/**
 * What is on screen, as one value: selection, filters, search text and camera. It is what the URL
 * holds (url-state.ts), so a copied link reopens the same view. Hover is not here: it is transient.
 */
export interface CameraView {
  x: number;
  y: number;
  ratio: number;
}

export interface ViewState {
  selected: string | null;
  /** Kinds switched off in the filter panel (empty: every kind shown). */
  hiddenKinds: string[];
  /** Clusters switched off in the legend. */
  hiddenClusters: number[];
  minDegree: number;
  query: string;
  camera: CameraView | null;
}

export function emptyView(): ViewState {
  return { selected: null, hiddenKinds: [], hiddenClusters: [], minDegree: 0, query: '', camera: null };
}

export type ViewAction =
  | { type: 'select'; node: string | null }
  | { type: 'toggleKind'; kind: string }
  | { type: 'toggleCluster'; cluster: number }
  | { type: 'showOnlyCluster'; cluster: number; all: number[] }
  | { type: 'showAllClusters' }
  | { type: 'minDegree'; value: number }
  | { type: 'query'; value: string }
  | { type: 'camera'; value: CameraView }
  | { type: 'replace'; view: ViewState };

function toggle<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

export function reduceView(view: ViewState, action: ViewAction): ViewState {
  switch (action.type) {
    case 'select':
      return { ...view, selected: action.node };
    case 'toggleKind':
      return { ...view, hiddenKinds: toggle(view.hiddenKinds, action.kind) };
    case 'toggleCluster':
      return { ...view, hiddenClusters: toggle(view.hiddenClusters, action.cluster) };
    case 'showOnlyCluster':
      return { ...view, hiddenClusters: action.all.filter((c) => c !== action.cluster) };
    case 'showAllClusters':
      return { ...view, hiddenClusters: [] };
    case 'minDegree':
      return { ...view, minDegree: Math.max(0, Math.floor(action.value)) };
    case 'query':
      return { ...view, query: action.value };
    case 'camera':
      return { ...view, camera: action.value };
    case 'replace':
      return action.view;
  }
}

/** Actions that deserve their own history entry (back/forward steps through them). */
export function isHistoryStep(action: ViewAction): boolean {
  return action.type !== 'camera' && action.type !== 'query' && action.type !== 'replace';
}
