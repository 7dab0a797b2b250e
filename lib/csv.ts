// A minimal CSV writer (RFC 4180) for files people open in Excel.

export type CsvCell = string | number | null | undefined;

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark. */
export const utf8Bom = '\uFEFF';

// A text cell starting with one of these is run as a formula by spreadsheet programs; names and
// emails come from imported spreadsheets, so they are defused with a leading apostrophe.
const formulaStart = /^[=+\-@\t\r]/;

/** One field: quoted when it holds a quote, a comma or a line break; quotes doubled. */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows joined with CRLF (as the RFC and Excel expect), preceded by a byte-order mark. */
export function toCsv(rows: readonly (readonly CsvCell[])[], { bom = true } = {}): string {
  const body = rows.map((row) => row.map(csvField).join(',')).join('\r\n');
  return `${bom ? utf8Bom : ''}${body}\r\n`;
}
