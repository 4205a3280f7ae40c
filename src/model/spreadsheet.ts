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
