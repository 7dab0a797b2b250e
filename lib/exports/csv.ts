import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { csvText } from './cells';
import type { ExportTable } from './table';

// An export as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a quote, comma or
// line break), UTF-8 with a byte-order mark so Excel shows Chinese, one header row and the rows;
// every formula-like cell defused (cells.ts). Titles and a manifest's header stay in the XLSX and
// print views: a CSV is for machines and mail merges, one table from its first line.

/** Rows turned into text at once and written as one chunk. */
const batchSize = 500;

function once(output: Writable, event: string) {
  return new Promise((resolve) => output.once(event, resolve));
}

export async function writeCsv(table: ExportTable, output: Writable): Promise<void> {
  const options = { record_delimiter: 'windows' as const };
  const write = async (records: string[][], bom = false) => {
    const text = stringify(records, { ...options, bom });
    if (!output.write(text)) await once(output, 'drain');
  };
  await write([table.columns.map((c) => csvText(c.label, 'text', table.timeZone))], true);
  for (let i = 0; i < table.rows.length; i += batchSize) {
    await write(
      table.rows
        .slice(i, i + batchSize)
        .map((values) => table.columns.map((c, j) => csvText(values[j], c.kind, table.timeZone))),
    );
    // Lets other requests run between batches.
    await new Promise((r) => setImmediate(r));
  }
  const finished = once(output, 'finish');
  output.end();
  await finished;
}
