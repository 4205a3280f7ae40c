/**
 * The property graph the engine reads: nodes with labels and properties, relationships with a type,
 * both ends and properties, adjacency lists and a label index. Integers are bigint, decimals JS
 * numbers, as Cypher tells them apart (7 / 2 = 3, 7 / 2.0 = 3.5).
 */
export type Value = null | boolean | bigint | number | string | Value[] | MapValue | NodeRec | RelRec | PathVal;
export interface MapValue {
  [key: string]: Value;
}

const NONE: readonly RelRec[] = [];

export class NodeRec {
  readonly out: RelRec[] = [];
  readonly in: RelRec[] = [];
  // `out` and `in` split by type id, made on the first walk over one type, dropped when a link is added.
  private outByType: RelRec[][] | null = null;
  private inByType: RelRec[][] | null = null;
  constructor(
    readonly idx: number,
    readonly labels: string[],
    readonly props: MapValue,
  ) {}

  /** The relationships of `out` or `in` whose type has the id `type`, in their order there. */
  ofType(dir: 'out' | 'in', type: number): readonly RelRec[] {
    let split = dir === 'out' ? this.outByType : this.inByType;
    if (!split) {
      split = [];
      for (const r of this[dir]) (split[r.typeId] ??= []).push(r);
      if (dir === 'out') this.outByType = split;
      else this.inByType = split;
    }
    return split[type] ?? NONE;
  }

  link(dir: 'out' | 'in', r: RelRec): void {
    this[dir].push(r);
    if (dir === 'out') this.outByType = null;
    else this.inByType = null;
  }
}

export class RelRec {
  constructor(
    readonly idx: number,
    readonly type: string,
    /** The graph's id of `type` (PropertyGraph.typeId). */
    readonly typeId: number,
    readonly start: NodeRec,
    readonly end: NodeRec,
    readonly props: MapValue,
  ) {}
}

export class PathVal {
  constructor(
    readonly nodes: NodeRec[],
    readonly rels: RelRec[],
  ) {}
}

export class PropertyGraph {
  readonly nodes: NodeRec[] = [];
  readonly rels: RelRec[] = [];
  private readonly byLabel = new Map<string, NodeRec[]>();
  /** Property indexes, built on first use for a (label, key) and kept while the graph is unchanged. */
  private readonly byProperty = new Map<string, Map<unknown, NodeRec[]>>();

  private readonly typeIds = new Map<string, number>();
  /** Per label, a byte per node index (1: the node has it), made on first use, kept while no node is added. */
  private readonly members = new Map<string, Uint8Array>();

  /** A relationship type's id, -1 for a type no relationship has. */
  typeId(type: string): number {
    return this.typeIds.get(type) ?? -1;
  }

  addNode(labels: string[], props: MapValue): NodeRec {
    this.byProperty.clear();
    this.members.clear();
    const node = new NodeRec(this.nodes.length, [...new Set(labels)], props);
    this.nodes.push(node);
    for (const l of node.labels) {
      const list = this.byLabel.get(l);
      if (list) list.push(node);
      else this.byLabel.set(l, [node]);
    }
    return node;
  }

  addRel(type: string, start: NodeRec, end: NodeRec, props: MapValue): RelRec {
    const rel = new RelRec(this.rels.length, type, idFor(this.typeIds, type), start, end, props);
    this.rels.push(rel);
    start.link('out', rel);
    end.link('in', rel);
    return rel;
  }

  withLabel(label: string): readonly NodeRec[] {
    return this.byLabel.get(label) ?? [];
  }

  /**
   * Which nodes have `label`, by node index: a walk tests each node it reaches, and one byte in a
   * small array is cheaper to reach than the node's own list of labels.
   */
  labelMembers(label: string): Uint8Array {
    let m = this.members.get(label);
    if (!m) {
      m = new Uint8Array(this.nodes.length);
      for (const n of this.withLabel(label)) m[n.idx] = 1;
      this.members.set(label, m);
    }
    return m;
  }

  /**
   * The nodes (with `label`, or any) whose property `key` has the grouping key `value` (a key from
   * values.ts groupKey: equal values share one), for choosing where a match starts.
   */
  withProperty(label: string | null, key: string, valueKey: unknown, keyOf: (v: Value) => unknown): readonly NodeRec[] {
    const name = `${label ?? ''}\u0000${key}`;
    let index = this.byProperty.get(name);
    if (!index) {
      index = new Map();
      for (const n of label === null ? this.nodes : this.withLabel(label)) {
        const v = n.props[key];
        if (v === undefined || v === null) continue;
        const k = keyOf(v);
        const list = index.get(k);
        if (list) list.push(n);
        else index.set(k, [n]);
      }
      this.byProperty.set(name, index);
    }
    return index.get(valueKey) ?? [];
  }
}

function idFor(ids: Map<string, number>, name: string): number {
  let id = ids.get(name);
  if (id === undefined) ids.set(name, (id = ids.size));
  return id;
}

export const isNode = (v: unknown): v is NodeRec => v instanceof NodeRec;
export const isRel = (v: unknown): v is RelRec => v instanceof RelRec;
export const isPath = (v: unknown): v is PathVal => v instanceof PathVal;
export const isMap = (v: unknown): v is MapValue => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof NodeRec) && !(v instanceof RelRec) && !(v instanceof PathVal);
