/**
 * The results table as data (pure): cell text, sorting, CSV. Nodes and relationships in cells show
 * as their name or type, the way a reader would refer to them.
 */
import { defuseFormula } from '../../model/spreadsheet.ts';

export type Row = Record<string, unknown>;
export type SortDirection = 'ascending' | 'descending';

function isNodeValue(v: unknown): v is { id: string; labels: string[]; properties: Record<string, unknown> } {
  return typeof v === 'object' && v !== null && Array.isArray((v as { labels?: unknown }).labels) && typeof (v as { id?: unknown }).id === 'string';
}

function isRelationshipValue(v: unknown): v is { type: string; startElementId: string } {
  return typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string' && 'startElementId' in v;
}

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isNodeValue(v)) {
    const p = v.properties;
    const name = (p.name ?? p.title ?? p.label ?? v.id) as string;
    return `(${v.labels.join(':')}) ${name}`;
  }
  if (isRelationshipValue(v)) return `[:${v.type}]`;
  if (Array.isArray(v)) return v.map(cellText).join(', ');
  return JSON.stringify(v);
}

/** The first node id a row mentions (clicking the row selects it on the map). */
export function rowNodeId(row: Row, columns: string[]): string | null {
  for (const c of columns) {
    const v = row[c];
    if (isNodeValue(v)) return v.id;
    if (Array.isArray(v)) {
      const n = v.find(isNodeValue);
      if (n) return n.id;
    }
  }
  return null;
}

export function sortRows(rows: Row[], column: string | null, direction: SortDirection): Row[] {
  if (!column) return rows;
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[column];
    const y = b[column];
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
    return sign * cellText(x).localeCompare(cellText(y), undefined, { numeric: true });
  });
}

function csvField(text: string): string {
  const safe = defuseFormula(text);
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(columns: string[], rows: Row[]): string {
  const lines = [columns.map(csvField).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvField(cellText(r[c]))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
