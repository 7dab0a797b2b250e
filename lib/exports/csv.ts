import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { csvText } from './cells';
import type { ExportTable } from './table';

// An export as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a quote, comma or
// line break), UTF-8 with a byte-order mark so Excel shows Chinese, one header row and the rows;
// every formula-like cell defused (cells.ts). Titles and a manifest's header stay in the XLSX and
// print views: a CSV is for machines and mail merges, one table from its first line.

const yieldEvery = 1000;

export async function writeCsv(table: ExportTable, output: Writable): Promise<void> {
  const stringifier = stringify({ bom: true, record_delimiter: 'windows' });
  const done = new Promise<void>((resolve, reject) => {
    output.on('finish', resolve);
    output.on('error', reject);
    stringifier.on('error', reject);
  });
  stringifier.pipe(output);
  const write = async (record: string[]) => {
    if (!stringifier.write(record)) {
      await new Promise((r) => stringifier.once('drain', r));
    }
  };
  await write(table.columns.map((c) => csvText(c.label, 'text', table.timeZone)));
  let n = 0;
  for (const values of table.rows) {
    await write(table.columns.map((c, i) => csvText(values[i], c.kind, table.timeZone)));
    if (++n % yieldEvery === 0) await new Promise((r) => setImmediate(r));
  }
  stringifier.end();
  await done;
}
