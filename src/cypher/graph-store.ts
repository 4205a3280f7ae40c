/**
 * The property graph the engine reads: nodes with labels and properties, relationships with a type,
 * both ends and properties, adjacency lists and a label index. Integers are bigint, decimals JS
 * numbers, as Cypher tells them apart (7 / 2 = 3, 7 / 2.0 = 3.5).
 */
export type Value = null | boolean | bigint | number | string | Value[] | MapValue | NodeRec | RelRec | PathVal;
export interface MapValue {
  [key: string]: Value;
}

export class NodeRec {
  readonly out: RelRec[] = [];
  readonly in: RelRec[] = [];
  constructor(
    readonly idx: number,
    readonly labels: string[],
    readonly props: MapValue,
  ) {}
}

export class RelRec {
  constructor(
    readonly idx: number,
    readonly type: string,
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

  addNode(labels: string[], props: MapValue): NodeRec {
    this.byProperty.clear();
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
    const rel = new RelRec(this.rels.length, type, start, end, props);
    this.rels.push(rel);
    start.out.push(rel);
    end.in.push(rel);
    return rel;
  }

  withLabel(label: string): readonly NodeRec[] {
    return this.byLabel.get(label) ?? [];
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

export const isNode = (v: unknown): v is NodeRec => v instanceof NodeRec;
export const isRel = (v: unknown): v is RelRec => v instanceof RelRec;
export const isPath = (v: unknown): v is PathVal => v instanceof PathVal;
export const isMap = (v: unknown): v is MapValue => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof NodeRec) && !(v instanceof RelRec) && !(v instanceof PathVal);
