/** A query result as text: an aligned table for people, CSV (RFC 4180) and JSON for programs. */
import { defuseFormula } from '../../model/spreadsheet.ts';
import type { ResultNode, ResultRelationship } from '../../model/api.ts';

export type ResultFormat = 'table' | 'json' | 'csv';
export const RESULT_FORMATS = ['table', 'json', 'csv'] as const satisfies readonly ResultFormat[];

function isJsonNode(v: unknown): v is ResultNode {
  return typeof v === 'object' && v !== null && 'labels' in v && 'elementId' in v && 'properties' in v;
}
function isJsonRelationship(v: unknown): v is ResultRelationship {
  return typeof v === 'object' && v !== null && 'type' in v && 'startElementId' in v;
}

/** One cell as a short string: nodes by label and name, relationships by type. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isJsonNode(v)) {
    const p = v.properties;
    const name = (p.title ?? p.name ?? p.label ?? v.id) as string;
    return `(:${v.labels.join(':')} ${JSON.stringify(name)})`;
  }
  if (isJsonRelationship(v)) return `[:${v.type}]`;
  if (typeof v === 'object' && v !== null && 'nodes' in v && 'relationships' in v) {
    const path = v as { nodes: unknown[]; relationships: unknown[] };
    return path.nodes.map((n, i) => (i === 0 ? cellText(n) : `-${cellText(path.relationships[i - 1])}-${cellText(n)}`)).join('');
  }
  if (Array.isArray(v)) return `[${v.map(cellText).join(', ')}]`;
  return JSON.stringify(v);
}

export function formatResult(format: ResultFormat, columns: string[], rows: Record<string, unknown>[], width = 120): string {
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  if (format === 'csv') return `${[columns, ...rows.map((r) => columns.map((c) => cellText(r[c])))].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
  return formatTable(columns, rows, width);
}

function csvCell(text: string): string {
  const s = defuseFormula(text);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function formatTable(columns: string[], rows: Record<string, unknown>[], width: number): string {
  const cells = rows.map((r) => columns.map((c) => cellText(r[c]).replace(/\s+/g, ' ')));
  // Share the terminal width between columns; long cells are cut with an ellipsis.
  const max = Math.max(8, Math.floor((width - 3 * columns.length) / Math.max(1, columns.length)));
  const widths = columns.map((c, i) => Math.min(max, Math.max(c.length, ...cells.map((row) => row[i]!.length))));
  const fit = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  const line = (parts: string[]) => `${parts.map((p, i) => fit(p, widths[i]!)).join(' | ')}\n`;
  return line(columns) + `${widths.map((w) => '-'.repeat(w)).join('-+-')}\n` + cells.map(line).join('');
}
