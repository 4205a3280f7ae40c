/**
 * Engine values -> the JSON the Neo4j path answers (src/store/neo4j/values.ts): integers as numbers
 * (strings beyond 2^53), nodes keyed by papergraph's `id`, paths as their parts, and every node and
 * relationship of the result gathered once for the map's highlight.
 */
import { type NodeRec, type RelRec, type Value, isMap, isNode, isPath, isRel } from './graph-store.ts';
import { elementIdOf } from './functions.ts';
// The Neo4j path's JSON shapes; a type-only import, so nothing of the Neo4j driver is bundled.
import type { ResultNode as JsonNode, ResultRelationship as JsonRelationship } from '../model/api.ts';

export type { JsonNode, JsonRelationship };

const MAX = BigInt(Number.MAX_SAFE_INTEGER);
const MIN = -MAX;

export class JsonCollector {
  private nodes = new Map<NodeRec, JsonNode>();
  private rels = new Map<RelRec, JsonRelationship>();

  graph(): { nodes: JsonNode[]; relationships: JsonRelationship[] } {
    return { nodes: [...this.nodes.values()], relationships: [...this.rels.values()] };
  }

  toJson(v: Value): unknown {
    if (v === null) return null;
    if (typeof v === 'bigint') return v >= MIN && v <= MAX ? Number(v) : v.toString();
    if (typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map((x) => this.toJson(x));
    if (isNode(v)) return this.node(v);
    if (isRel(v)) return this.rel(v);
    if (isPath(v)) return { nodes: v.nodes.map((n) => this.node(n)), relationships: v.rels.map((r) => this.rel(r)) };
    if (isMap(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.toJson(x)]));
    return null;
  }

  private props(p: Record<string, Value>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(p).map(([k, x]) => [k, this.toJson(x)]));
  }

  private node(n: NodeRec): JsonNode {
    let j = this.nodes.get(n);
    if (!j) {
      const properties = this.props(n.props);
      const elementId = elementIdOf(n);
      const id = typeof properties.id === 'string' ? properties.id : n.labels.includes('Cluster') && properties.id !== undefined ? `cluster:${properties.id}` : elementId;
      j = { id, elementId, labels: [...n.labels], properties };
      this.nodes.set(n, j);
    }
    return j;
  }

  private rel(r: RelRec): JsonRelationship {
    let j = this.rels.get(r);
    if (!j) {
      j = { elementId: elementIdOf(r), type: r.type, startElementId: elementIdOf(r.start), endElementId: elementIdOf(r.end), properties: this.props(r.props) };
      this.rels.set(r, j);
    }
    return j;
  }
}
