import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { numberFormats, xlsxValue } from './cells';
import type { ExportTable } from './table';

// An export as an Excel workbook, written as a stream (exceljs's WorkbookWriter): rows go out as
// they are committed, so 10,000 people never sit in memory as a workbook. Typed cells (numbers,
// dates, text; phone numbers as text so a leading + or 0 survives), a title row with the tour,
// the filters and the time, the header frozen under it, filters on, and widths set per column.

/** Rows written before the writer lets the stream drain. */
const yieldEvery = 500;

function sheetName(name: string): string {
  // Excel: at most 31 characters, none of []:*?/\
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';
}

export async function writeXlsx(table: ExportTable, output: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Tourdesk';
  workbook.created = new Date();
  const top = 1 + table.subtitle.length + table.header.length + (table.header.length ? 1 : 0);
  const headerRow = top + 1;
  const sheet = workbook.addWorksheet(sheetName(table.sheetName), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}` }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 },
  });
  sheet.columns = table.columns.map((c) => ({
    key: c.key,
    width: c.width,
    style: numberFormats[c.kind] ? { numFmt: numberFormats[c.kind] } : {},
  }));

  const title = sheet.getRow(1);
  title.getCell(1).value = table.title;
  title.getCell(1).font = { bold: true, size: 14 };
  title.commit();
  let at = 2;
  for (const line of table.subtitle) {
    const row = sheet.getRow(at++);
    row.getCell(1).value = line;
    row.getCell(1).font = { italic: true, color: { argb: 'FF555555' } };
    row.commit();
  }
  for (const [label, value] of table.header) {
    const row = sheet.getRow(at++);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = value;
    row.getCell(2).numFmt = '@';
    row.commit();
  }
  if (table.header.length) sheet.getRow(at++).commit();

  const header = sheet.getRow(headerRow);
  table.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.label;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  header.commit();

  let n = 0;
  for (const values of table.rows) {
    const row = sheet.getRow(headerRow + 1 + n);
    table.columns.forEach((c, i) => {
      const value = xlsxValue(values[i], c.kind, table.timeZone);
      if (value !== null && value !== undefined) row.getCell(i + 1).value = value;
    });
    row.commit();
    n++;
    if (n % yieldEvery === 0) await new Promise((r) => setImmediate(r));
  }
  sheet.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: headerRow + Math.max(n, 1), column: Math.max(table.columns.length, 1) },
  };
  sheet.commit();
  await workbook.commit();
}
