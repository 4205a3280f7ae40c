/**
 * The one rule for CSV cells a spreadsheet might run as a formula (=HYPERLINK(...), +cmd|...), used
 * by the explorer's export and by `papergraph query --format csv`: such a cell gets a leading
 * apostrophe, so it is shown, not evaluated. Spreadsheets skip leading spaces and read full-width
 * signs (＝＋－＠) as formula starts too.
 */
const FORMULA_START = /^[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/;

export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One RFC 4180 CSV cell, defused: quoted when it holds a quote, a comma or a line break. */
export function csvCell(text: string): string {
  const safe = defuseFormula(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole CSV document (CRLF line ends, as RFC 4180 has them). */
export function csvDocument(rows: string[][]): string {
  return `${rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
