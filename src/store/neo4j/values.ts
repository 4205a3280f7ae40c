/**
 * Neo4j values -> plain JSON: integers become numbers (strings beyond 2^53), nodes and relationships
 * become small objects keyed by papergraph's `id` when they have one, paths become their parts.
 * Also gathers every node and relationship of a result, deduplicated, for highlighting on the map.
 */
import neo4j, { isNode, isPath, isRelationship, type Node, type Relationship } from 'neo4j-driver';
import type { ResultGraph, ResultNode, ResultRelationship } from '../../model/api.ts';

export class GraphCollector {
  private nodes = new Map<string, ResultNode>();
  private relationships = new Map<string, ResultRelationship>();

  graph(): ResultGraph {
    // Relationships whose ends are not in the result still name them; the explorer resolves the
    // element ids through the nodes it has, so add the ends' papergraph ids where known.
    return { nodes: [...this.nodes.values()], relationships: [...this.relationships.values()] };
  }

  toJson(value: unknown): unknown {
    if (value === null || value === undefined) return null;
    if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
    if (isNode(value)) return this.node(value);
    if (isRelationship(value)) return this.relationship(value);
    if (isPath(value)) {
      const nodes = [this.node(value.start), ...value.segments.map((s) => this.node(s.end))];
      const relationships = value.segments.map((s) => this.relationship(s.relationship));
      return { nodes, relationships };
    }
    if (Array.isArray(value)) return value.map((v) => this.toJson(v));
    if (isTemporalOrSpatial(value)) return String(value);
    if (typeof value === 'object') {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, this.toJson(v)]));
    }
    return value;
  }

  private node(n: Node): ResultNode {
    const existing = this.nodes.get(n.elementId);
    if (existing) return existing;
    const properties = this.properties(n.properties);
    const id = typeof properties.id === 'string' ? properties.id : n.labels.includes('Cluster') && properties.id !== undefined ? `cluster:${properties.id}` : n.elementId;
    const json: ResultNode = { id, elementId: n.elementId, labels: [...n.labels], properties };
    this.nodes.set(n.elementId, json);
    return json;
  }

  private relationship(r: Relationship): ResultRelationship {
    const existing = this.relationships.get(r.elementId);
    if (existing) return existing;
    const json: ResultRelationship = {
      elementId: r.elementId,
      type: r.type,
      startElementId: r.startNodeElementId,
      endElementId: r.endNodeElementId,
      properties: this.properties(r.properties),
    };
    this.relationships.set(r.elementId, json);
    return json;
  }

  private properties(p: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, this.toJson(v)]));
  }
}

function isTemporalOrSpatial(v: unknown): boolean {
  return (
    neo4j.isDate(v) ||
    neo4j.isDateTime(v) ||
    neo4j.isLocalDateTime(v) ||
    neo4j.isLocalTime(v) ||
    neo4j.isTime(v) ||
    neo4j.isDuration(v) ||
    neo4j.isPoint(v)
  );
}
