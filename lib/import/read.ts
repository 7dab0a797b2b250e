import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';

// Reading an uploaded spreadsheet into a table of text cells, with every limit checked before the
// work it bounds: size, kind (by content, never by name), encoding, the unpacked size of an XLSX,
// rows and formulas. A refusal is a reason a person understands; nothing here touches the database.

export const importLimits = {
  bytes: 5 * 1024 * 1024,
  rows: 5_000,
  columns: 60,
  cellChars: 10_000,
  /** What an XLSX may unpack to, all parts together: a zip bomb stops here. */
  unpackedBytes: 60 * 1024 * 1024,
  zipEntries: 2_000,
} as const;

export type ReadRefusal =
  | 'empty'
  | 'tooLarge'
  | 'notSpreadsheet'
  | 'unknownEncoding'
  | 'tooManyRows'
  | 'tooManyColumns'
  | 'unpackedTooLarge'
  | 'badXlsx'
  | 'noHeader';

export interface CellProblem {
  /** 1-based, as the spreadsheet shows it. */
  row: number;
  column: string;
  reason: 'formula' | 'cellTooLong';
}

export interface Table {
  format: 'xlsx' | 'csv';
  encoding?: 'utf-8' | 'gb18030';
  header: string[];
  /** Data rows with their row number as the spreadsheet shows it, cells as long as the header. */
  rows: { row: number; cells: string[] }[];
  problems: CellProblem[];
}

export type ReadResult = { ok: true; table: Table } | { ok: false; reason: ReadRefusal };

const zipMagic = [0x50, 0x4b, 0x03, 0x04];

export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export async function readSpreadsheet(bytes: Uint8Array): Promise<ReadResult> {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > importLimits.bytes) return { ok: false, reason: 'tooLarge' };
  if (zipMagic.every((b, i) => bytes[i] === b)) return readXlsx(bytes);
  return readCsv(bytes);
}

/** UTF-8 (with or without a byte-order mark) or GB18030; anything else is refused. */
export function decodeText(
  bytes: Uint8Array,
): { ok: true; text: string; encoding: 'utf-8' | 'gb18030' } | { ok: false; reason: ReadRefusal } {
  // UTF-16 and UTF-32 byte-order marks: a text file, but not in an encoding we read.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: 'unknownEncoding' };
  }
  const sample = bytes.subarray(0, 64 * 1024);
  // A NUL byte: a binary file (an image, a PDF, an old .xls), not text.
  if (sample.includes(0)) return { ok: false, reason: 'notSpreadsheet' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text, encoding: 'utf-8' };
  } catch {}
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return { ok: true, text, encoding: 'gb18030' };
  } catch {
    return { ok: false, reason: 'unknownEncoding' };
  }
}

function readCsv(bytes: Uint8Array): ReadResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  // Control characters other than line breaks and tabs: not a text table.
  if (/(?![\t\n\r])\p{Cc}/u.test(decoded.text.slice(0, 64 * 1024))) {
    return { ok: false, reason: 'notSpreadsheet' };
  }
  const firstLine = decoded.text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t'].reduce((best, d) =>
    firstLine.split(d).length > firstLine.split(best).length ? d : best,
  );
  let records: { row: number; cells: string[] }[];
  try {
    const parsed = parse(decoded.text, {
      bom: true,
      info: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      to_line: importLimits.rows + 2,
      max_record_size: importLimits.cellChars * importLimits.columns,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    records = parsed.map((p) => ({ row: p.info.lines, cells: p.record }));
  } catch {
    return { ok: false, reason: 'notSpreadsheet' };
  }
  return tableOf('csv', records, [], decoded.encoding);
}

function tableOf(
  format: 'xlsx' | 'csv',
  records: { row: number; cells: string[] }[],
  problems: CellProblem[],
  encoding?: 'utf-8' | 'gb18030',
): ReadResult {
  const nonEmpty = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [headerRow, ...data] = nonEmpty;
  if (!headerRow) return { ok: false, reason: 'empty' };
  if (data.length > importLimits.rows) return { ok: false, reason: 'tooManyRows' };
  const width = Math.max(headerRow.cells.length, ...data.map((r) => r.cells.length));
  if (width > importLimits.columns) return { ok: false, reason: 'tooManyColumns' };
  const header = Array.from({ length: width }, (_, i) => (headerRow.cells[i] ?? '').trim());
  if (header.every((h) => h === '')) return { ok: false, reason: 'noHeader' };
  const rows = data.map((r) => ({
    row: r.row,
    cells: header.map((_, ci) => {
      const cell = (r.cells[ci] ?? '').trim();
      if (cell.length > importLimits.cellChars) {
        problems.push({ row: r.row, column: columnLetter(ci), reason: 'cellTooLong' });
        return cell.slice(0, importLimits.cellChars);
      }
      return cell;
    }),
  }));
  return { ok: true, table: { format, ...(encoding ? { encoding } : {}), header, rows, problems } };
}

/**
 * Checks an XLSX's zip before anything unpacks it: the entries' declared sizes, and then each
 * entry streamed and counted (declared sizes can lie; yauzl stops a stream that outgrows its
 * declared size). Only then does exceljs read it.
 */
export async function checkZip(bytes: Uint8Array): Promise<ReadRefusal | null> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (err, z) =>
        err || !z ? reject(err) : resolve(z),
      ),
    );
  } catch {
    return 'badXlsx';
  }
  return new Promise<ReadRefusal | null>((resolve) => {
    let total = 0;
    let entries = 0;
    let hasWorkbook = false;
    let settled = false;
    const finish = (result: ReadRefusal | null) => {
      if (settled) return;
      settled = true;
      zip.close();
      resolve(result);
    };
    zip.on('error', () => finish('badXlsx'));
    zip.on('end', () => finish(hasWorkbook ? null : 'notSpreadsheet'));
    zip.on('entry', (entry: yauzl.Entry) => {
      entries++;
      if (entries > importLimits.zipEntries) return finish('unpackedTooLarge');
      if (entry.fileName === 'xl/workbook.xml') hasWorkbook = true;
      if (total + entry.uncompressedSize > importLimits.unpackedBytes) {
        return finish('unpackedTooLarge');
      }
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return finish('badXlsx');
        stream.on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (total > importLimits.unpackedBytes) {
            stream.destroy();
            finish('unpackedTooLarge');
          }
        });
        stream.on('error', () => finish('badXlsx'));
        stream.on('end', () => zip.readEntry());
      });
    });
    zip.readEntry();
  });
}

async function readXlsx(bytes: Uint8Array): Promise<ReadResult> {
  const refusal = await checkZip(bytes);
  if (refusal) return { ok: false, reason: refusal };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.read(Readable.from(Buffer.from(bytes)));
  } catch {
    return { ok: false, reason: 'badXlsx' };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, reason: 'empty' };
  if (sheet.rowCount > importLimits.rows + 1 + 1000) return { ok: false, reason: 'tooManyRows' };
  const records: { row: number; cells: string[] }[] = [];
  const problems: CellProblem[] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      if (colNumber > importLimits.columns + 1) return;
      const value = cell.value;
      if (value && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
        problems.push({ row: rowNumber, column: columnLetter(colNumber - 1), reason: 'formula' });
        cells[colNumber - 1] = '';
        return;
      }
      cells[colNumber - 1] = cellText(value);
    });
    records.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return tableOf('xlsx', records, problems);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Dates in a sheet carry no zone: Excel's wall clock, which exceljs gives as UTC.
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16);
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}
