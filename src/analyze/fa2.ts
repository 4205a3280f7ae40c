/**
 * ForceAtlas2 (Jacomy et al., PLoS ONE 2014) on plain arrays. graphology-layout-forceatlas2 copies
 * a graph into two flat matrices and iterates on those; here the matrices are filled straight from
 * positions and weighted pairs, so the thousands of small layouts of a map do not each build a
 * graphology graph first. The iteration is the library's own, and nodes and edges go in the order
 * the library would read them from a graph built in the same order, so the positions are the same.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import DEFAULTS from 'graphology-layout-forceatlas2/defaults.js';
import iterate from 'graphology-layout-forceatlas2/iterate.js';

export type Fa2Settings = NonNullable<Parameters<typeof forceAtlas2>[1]['settings']>;

/** Values per node and per edge in the library's matrices (helpers.js). */
const PPN = 10;
const PPE = 3;

export interface Fa2Graph {
  /** Start positions, x then y per node. */
  xy: ArrayLike<number>;
  /** Per node, its size (the library's `size` attribute; 1 when left out). */
  sizes?: ArrayLike<number>;
  /** Edges as pairs of node indexes; each pair at most once (the library reads a simple graph). */
  edges: ArrayLike<number>;
  weights: ArrayLike<number>;
}

/** Positions after `iterations` rounds, x then y per node. */
export function forceAtlas2Arrays(g: Fa2Graph, iterations: number, settings: Fa2Settings): Float64Array {
  const n = g.xy.length / 2;
  const m = g.weights.length;
  const nodes = new Float32Array(n * PPN);
  for (let i = 0; i < n; i++) {
    const j = i * PPN;
    nodes[j] = g.xy[2 * i]!;
    nodes[j + 1] = g.xy[2 * i + 1]!;
    nodes[j + 6] = 1; // mass: 1 + weighted degree, added below
    nodes[j + 7] = 1; // convergence
    nodes[j + 8] = g.sizes?.[i] || 1;
  }
  const edges = new Float32Array(m * PPE);
  for (let k = 0; k < m; k++) {
    const s = g.edges[2 * k]! * PPN;
    const t = g.edges[2 * k + 1]! * PPN;
    // As the library's weight getter: a weight that is not a number counts as 1.
    const w = Number.isNaN(g.weights[k]!) ? 1 : g.weights[k]!;
    nodes[s + 6] = nodes[s + 6]! + w;
    nodes[t + 6] = nodes[t + 6]! + w;
    edges[k * PPE] = s;
    edges[k * PPE + 1] = t;
    edges[k * PPE + 2] = w;
  }
  const options = { ...DEFAULTS, ...settings };
  for (let i = 0; i < iterations; i++) iterate(options, nodes, edges);
  const out = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    out[2 * i] = nodes[i * PPN]!;
    out[2 * i + 1] = nodes[i * PPN + 1]!;
  }
  return out;
}
