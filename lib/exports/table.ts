import type { CellValue, ColumnKind } from './cells';

// The shape every export is built into before it is written: one table with a title, optional
// lines of context (a manifest's site, times and contacts), columns and rows. Writers for XLSX,
// CSV and print read this; builders (delegates.ts, manifest.ts, programme.ts) make it.

export interface Column {
  key: string;
  label: string;
  kind: ColumnKind;
  /** Width in characters, for XLSX. */
  width: number;
}

export interface ExportTable {
  title: string;
  /** Lines under the title: the filters and the time of export. */
  subtitle: string[];
  /** Label and value pairs above the table (a manifest's header). */
  header: [string, string][];
  columns: Column[];
  rows: CellValue[][];
  /** The tour's zone: times in the file are on its clock. */
  timeZone: string;
  sheetName: string;
}

export function column(key: string, label: string, kind: ColumnKind = 'text', width = 16): Column {
  return { key, label, kind, width };
}
