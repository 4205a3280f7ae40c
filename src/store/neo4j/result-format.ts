/** A query result as text: an aligned table for people, CSV (RFC 4180) and JSON for programs. */
import { csvDocument } from '../../model/spreadsheet.ts';
import { cellText } from '../../model/result-cells.ts';

export type ResultFormat = 'table' | 'json' | 'csv';
export const RESULT_FORMATS = ['table', 'json', 'csv'] as const satisfies readonly ResultFormat[];

export function formatResult(format: ResultFormat, columns: string[], rows: Record<string, unknown>[], width = 120): string {
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  if (format === 'csv') return csvDocument([columns, ...rows.map((r) => columns.map((c) => cellText(r[c])))]);
  return formatTable(columns, rows, width);
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
