// Run by scripts/bench/import.mjs: importing 5,000 outlet rows from an XLSX (parse, validate,
// commit in one transaction) on in-memory PGlite and, when BENCH_DATABASE_URL or
// TEST_DATABASE_URL names a Postgres server, on a database made there for the run.
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import postgres from 'postgres';
import { type DatabaseHandle, openDatabase } from '../db/connect';
import * as s from '../db/schema';
import { seedDemoTour } from '../db/seed';
import { commitImport, previewImport } from '../lib/dal/editing/import';
import { type TourScope, tourScope } from '../lib/dal/scope';
import { createSession, loadViewer } from '../lib/dal/sessions';
import { readSpreadsheet } from '../lib/import/read';
import { guessMapping } from '../lib/import/rows';

const rows = 5_000;

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Outlets');
  ws.addRow(['中文名称', 'English name', 'Country', 'Media type', 'Website']);
  const countries = ['MY', 'SG', 'Thailand', '印度尼西亚', 'GB', 'FR', 'KZ', 'ZA'];
  for (let i = 0; i < rows; i++) {
    ws.addRow([
      `基准媒体${i}号`,
      `Bench Outlet ${i}`,
      countries[i % countries.length],
      i % 2 ? 'online' : '报纸',
      `https://example.com/${i}`,
    ]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function measure(name: string, handle: DatabaseHandle, file: Uint8Array) {
  await handle.migrate();
  const { tourId } = await seedDemoTour(handle.db);
  const [user] = await handle.db
    .insert(s.users)
    .values({ email: `bench-${Date.now()}@example.com`, role: 'organizer', passwordHash: 'x' })
    .returning({ id: s.users.id });
  if (!user) throw new Error('no user');
  const session = await createSession(handle.db, { userId: user.id, ip: '127.0.0.1' });
  const viewer = await loadViewer(handle.db, { userId: user.id, sessionId: session.id });
  if (!viewer) throw new Error('no viewer');
  const scope = tourScope(viewer, tourId) as TourScope;
  const t0 = performance.now();
  const read = await readSpreadsheet(file);
  if (!read.ok) throw new Error(read.reason);
  const t1 = performance.now();
  const mapping = guessMapping('outlets', read.table.header);
  const plan = await previewImport(handle.db, scope, 'outlets', read.table, mapping);
  if (plan.checked.problems.length) throw new Error(JSON.stringify(plan.checked.problems[0]));
  const t2 = performance.now();
  const result = await commitImport(handle.db, scope, {
    kind: 'outlets',
    table: read.table,
    mapping,
  });
  const t3 = performance.now();
  if (!result.ok || result.create !== rows) throw new Error('commit failed');
  return {
    database: name,
    parseMs: Math.round(t1 - t0),
    validateMs: Math.round(t2 - t1),
    commitMs: Math.round(t3 - t2),
    totalMs: Math.round(t3 - t0),
  };
}

const file = await workbook();
console.log(`XLSX of ${rows} rows: ${(file.length / 1024).toFixed(0)} KB`);
const results = [];
const pglite = await openDatabase({ driver: 'pglite', dataDir: undefined });
results.push(await measure('PGlite (in memory)', pglite, file));
await pglite.close();
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (serverUrl) {
  const dbName = `tourdesk_bench_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${dbName}`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${dbName}`;
    const pg = await openDatabase({ driver: 'postgres', url: url.toString() });
    results.push(await measure('Postgres', pg, file));
    await pg.close();
  } finally {
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
} else {
  console.log('Postgres: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
}
console.table(results);
process.exit(0);
