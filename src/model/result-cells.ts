/**
 * A Cypher result cell as one short line of text, the same in the terminal, the console table and
 * both CSV exports: nodes by label and name, relationships by type, paths as their chain.
 */
import type { ResultNode, ResultRelationship } from './api.ts';

export function isResultNode(v: unknown): v is ResultNode {
  return typeof v === 'object' && v !== null && Array.isArray((v as { labels?: unknown }).labels) && typeof (v as { id?: unknown }).id === 'string';
}

export function isResultRelationship(v: unknown): v is ResultRelationship {
  return typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string' && 'startElementId' in v;
}

function isResultPath(v: unknown): v is { nodes: unknown[]; relationships: unknown[] } {
  return typeof v === 'object' && v !== null && Array.isArray((v as { nodes?: unknown }).nodes) && Array.isArray((v as { relationships?: unknown }).relationships);
}

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isResultNode(v)) {
    const p = v.properties;
    const name = p.title ?? p.name ?? p.label ?? v.id;
    return `(${v.labels.join(':')}) ${String(name)}`;
  }
  if (isResultRelationship(v)) return `[:${v.type}]`;
  if (isResultPath(v)) return v.nodes.map((n, i) => (i === 0 ? cellText(n) : ` -${cellText(v.relationships[i - 1])}- ${cellText(n)}`)).join('');
  if (Array.isArray(v)) return `[${v.map(cellText).join(', ')}]`;
  return JSON.stringify(v);
}
