/**
 * The results table as data (pure): cell text, sorting, CSV. Nodes and relationships in cells show
 * as their name or type, the way a reader would refer to them.
 */
import { csvDocument } from '../../model/spreadsheet.ts';
import { cellText, isResultNode } from '../../model/result-cells.ts';

export type Row = Record<string, unknown>;
export type SortDirection = 'ascending' | 'descending';

/** The first node id a row mentions (clicking the row selects it on the map). */
export function rowNodeId(row: Row, columns: string[]): string | null {
  for (const c of columns) {
    const v = row[c];
    if (isResultNode(v)) return v.id;
    if (Array.isArray(v)) {
      const n = v.find(isResultNode);
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

export function toCsv(columns: string[], rows: Row[]): string {
  return csvDocument([columns, ...rows.map((r) => columns.map((c) => cellText(r[c])))]);
}
