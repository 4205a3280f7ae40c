/** Query results as a sortable table (header buttons, aria-sort), with CSV download; a row selects its node. */
import { useMemo, useState } from 'react';
import { download } from '../export/download.ts';
import { cellText } from '../../model/result-cells.ts';
import { type Row, type SortDirection, rowNodeId, sortRows, toCsv } from './results.ts';

interface Props {
  columns: string[];
  rows: Row[];
  onSelect(node: string): void;
}

export function ResultsTable({ columns, rows, onSelect }: Props) {
  const [sort, setSort] = useState<{ column: string | null; direction: SortDirection }>({ column: null, direction: 'ascending' });
  const sorted = useMemo(() => sortRows(rows, sort.column, sort.direction), [rows, sort]);
  const toggle = (column: string) =>
    setSort((s) => ({ column, direction: s.column === column && s.direction === 'ascending' ? 'descending' : 'ascending' }));
  if (!columns.length) return <p className="muted">The query returned no columns.</p>;
  return (
    <div className="results">
      <div className="results-tools">
        <button type="button" onClick={() => download(new Blob([toCsv(columns, sorted)], { type: 'text/csv' }), 'papergraph-query.csv')}>
          Download CSV
        </button>
      </div>
      <div className="results-scroll">
        <table aria-label="Query results">
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} aria-sort={sort.column === c ? sort.direction : 'none'} scope="col">
                  <button type="button" onClick={() => toggle(c)}>
                    {c}
                    <span aria-hidden="true">{sort.column === c ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((r, i) => {
              const node = rowNodeId(r, columns);
              return (
                <tr
                  key={i}
                  className={node ? 'selectable' : undefined}
                  tabIndex={node ? 0 : undefined}
                  onClick={node ? () => onSelect(node) : undefined}
                  onKeyDown={node ? (e) => e.key === 'Enter' && onSelect(node) : undefined}
                >
                  {columns.map((c) => (
                    <td key={c}>{cellText(r[c])}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
