// What goes into a cell of an exported file, and how it is made safe to open.

/** How a column is written: the XLSX cell type and number format, and how a CSV spells it. */
export type ColumnKind = 'text' | 'phone' | 'number' | 'date' | 'time' | 'datetime';

export type CellValue = string | number | Date | null | undefined;

// A text cell starting with one of these is run as a formula by spreadsheet programs (OWASP "CSV
// injection"); names, needs and notes come from imported spreadsheets, so they are defused.
const formulaStart = /^[=+\-@\t\r]/;

// A phone number as people write it: a leading + or 0, digits, spaces, dashes, dots, brackets.
// Such a value holds no function, reference or command, so it is kept exactly as written (a
// leading + is how the number is dialled abroad); anything else in a phone column is defused.
const phoneShape = /^\+?[0-9][0-9 ().\-/]*$/;

export function isPhoneShaped(value: string): boolean {
  return phoneShape.test(value);
}

/** A text cell as a CSV must hold it: formula-like text gets a leading apostrophe. */
export function neutraliseText(value: string, kind: ColumnKind = 'text'): string {
  if (!formulaStart.test(value)) return value;
  if (kind === 'phone' && isPhoneShaped(value)) return value;
  return `'${value}`;
}

/** The wall-clock parts of an instant in a zone, from the platform's own tz data. */
function zonedParts(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}`,
  };
}

/** One CSV field's text: dates as YYYY-MM-DD, times as HH:mm on the tour's clock. */
export function csvText(value: CellValue, kind: ColumnKind, timeZone: string): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const p = zonedParts(value, timeZone);
    if (kind === 'time') return p.time;
    if (kind === 'date') return p.date;
    return `${p.date} ${p.time}`;
  }
  if (typeof value === 'number') return String(value);
  return neutraliseText(value, kind);
}

/**
 * An XLSX cell value: Excel has no zones, so an instant becomes the tour's wall clock written as
 * if it were UTC (what exceljs turns into a serial date); a `YYYY-MM-DD` date becomes a date.
 * Text stays text (an XLSX string cell is never run as a formula), phones included.
 */
export function xlsxValue(value: CellValue, kind: ColumnKind, timeZone: string): CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) {
    const p = zonedParts(value, timeZone);
    const wall = new Date(`${p.date}T${p.time}:00Z`);
    if (kind === 'time') {
      // A time of day alone: the fraction of a day, which Excel formats as hh:mm.
      const [h = 0, m = 0] = p.time.split(':').map(Number);
      return (h * 60 + m) / 1440;
    }
    if (kind === 'date') return new Date(`${p.date}T00:00:00Z`);
    return wall;
  }
  if (kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return new Date(`${value}T00:00:00Z`);
  }
  return value;
}

export const numberFormats: Partial<Record<ColumnKind, string>> = {
  date: 'yyyy-mm-dd',
  time: 'hh:mm',
  datetime: 'yyyy-mm-dd hh:mm',
  phone: '@',
  text: '@',
};

/** A cell as a print view shows it: like the CSV, but text as written (HTML escapes it). */
export function displayText(value: CellValue, kind: ColumnKind, timeZone: string): string {
  if (typeof value === 'string') return value;
  return csvText(value, kind, timeZone);
}
