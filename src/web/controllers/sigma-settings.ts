/**
 * Sigma settings for large graphs, resolved once: edges as 1px lines (one GL line per edge instead
 * of a rectangle's two triangles), edges and labels hidden while the camera moves, labels by zoom
 * level through Sigma's label grid (which is what keeps them from overlapping).
 */
import { EdgeLineProgram } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import { EDGE_TYPES } from '../../model/schema.ts';
import { EDGE_COLOR } from '../state/palette.ts';

// Snapshot edges carry the relationship in `type` (EVALUATED_ON...), which Sigma reads as the
// program name: every relationship type maps to the line program, so no reducer has to rewrite it.
const edgePrograms = Object.fromEntries([['line', EdgeLineProgram], ...EDGE_TYPES.map((t) => [t, EdgeLineProgram])]);

export const SIGMA_SETTINGS: Partial<Settings> = {
  hideEdgesOnMove: true,
  hideLabelsOnMove: true,
  defaultEdgeType: 'line',
  defaultEdgeColor: EDGE_COLOR,
  edgeProgramClasses: edgePrograms,
  // One label per 160px cell at most: long paper titles need the room.
  labelDensity: 0.5,
  labelGridCellSize: 160,
  labelRenderedSizeThreshold: 9,
  labelFont: 'system-ui, sans-serif',
  labelSize: 12,
  zIndex: true,
  minCameraRatio: 0.02,
  maxCameraRatio: 4,
};
