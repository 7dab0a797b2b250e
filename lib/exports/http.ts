import { PassThrough, Readable } from 'node:stream';
import { writeCsv } from './csv';
import { contentDisposition } from './file-name';
import type { ExportTable } from './table';
import { writeXlsx } from './xlsx';

// A built table as a download: written into the response as it is produced, so the first bytes
// leave before the last row is written, and a file of 10,000 people is never whole in memory.

export const contentTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
} as const;

export type ExportFormat = keyof typeof contentTypes;

export function downloadHeaders(format: ExportFormat, fileName: string): HeadersInit {
  return {
    'Content-Type': contentTypes[format],
    'Content-Disposition': contentDisposition(fileName),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
}

export function tableResponse(
  table: ExportTable,
  format: 'xlsx' | 'csv',
  fileName: string,
  onError: (err: unknown) => void,
): Response {
  const body = new PassThrough();
  const write = format === 'xlsx' ? writeXlsx : writeCsv;
  write(table, body).catch((err) => {
    onError(err);
    body.destroy(err as Error);
  });
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: downloadHeaders(format, fileName),
  });
}

export function textResponse(text: string, format: ExportFormat, fileName: string): Response {
  return new Response(text, { headers: downloadHeaders(format, fileName) });
}
