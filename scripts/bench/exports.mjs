// Exports at the size the app must hold: a generated tour of 10,000 delegates (db/seed/large.ts)
// downloaded as XLSX and as CSV by an organizer. Reports time to first byte, total time, size,
// and how much the server's resident memory grew at its peak during the download (sampled every
// 10 ms from /proc), against the targets of issue 11.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { demo, ensureBuild, signIn, startServer } from './lib.mjs';

const delegates = Number(process.env.BENCH_EXPORT_DELEGATES ?? 10_000);
const runs = Number(process.env.BENCH_EXPORT_RUNS ?? 5);
const targets = {
  xlsx: { seconds: 5, megabytes: 150 },
  csv: { seconds: 1, megabytes: 150 },
};

/** Resident memory of the server and every process in its group, in bytes. */
function rssOfGroup(pgid) {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces) start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      total += kb * 1024;
    } catch {}
  }
  return total;
}

async function download(url, cookie, pgid) {
  const baseline = rssOfGroup(pgid);
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssOfGroup(pgid));
  }, 10);
  const started = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  const reader = res.body.getReader();
  let firstByte;
  const chunks = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    firstByte ??= performance.now() - started;
    chunks.push(value);
  }
  const total = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, rssOfGroup(pgid));
  return {
    status: res.status,
    firstByte,
    total,
    body: Buffer.concat(chunks),
    growth: peak - baseline,
  };
}

async function rowsOf(format, body) {
  try {
    return await countRows(format, body);
  } catch (err) {
    // Reported, not thrown: a broken file shows in the table as rows "unreadable".
    console.error(
      `${format}: the file does not read back (${err.message}): ${body.subarray(0, 200)}`,
    );
    return 'unreadable';
  }
}

async function countRows(format, body) {
  if (format === 'csv') {
    // Header line plus one line per delegate (no field of the generated tour holds a line break).
    return body.toString('utf8').trimEnd().split('\r\n').length - 1;
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body);
  const sheet = wb.worksheets[0];
  return sheet.rowCount - sheet.views[0].ySplit;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (bytes) => bytes / 1024 / 1024;

export default async function exportsBench() {
  ensureBuild();
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? '';
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-bench-exports-'));
  const env = { PGLITE_DIR: join(dir, 'db') };
  try {
    // Seeded before the server starts: only one process may open the embedded database.
    const seeded = spawnSync('npx', ['tsx', 'db/seed-large-cli.ts', String(delegates)], {
      env: { ...process.env, ...env, DATABASE_URL: databaseUrl },
      encoding: 'utf8',
    });
    if (seeded.status !== 0) throw new Error(`db:large failed: ${seeded.stderr}`);
    const tourId = seeded.stdout.match(/\(([0-9a-f-]{36})\)/)?.[1];
    if (!tourId) throw new Error(`no tour id in: ${seeded.stdout}`);
    const { base, stop, pid } = await startServer({
      port: Number(process.env.BENCH_EXPORTS_PORT ?? 3502),
      databaseUrl,
      env,
    });
    try {
      const cookie = await signIn(base, demo.organizer);
      // The bare dynamic page of the same run (a 404 rendered without a query), for scale: on a
      // shared machine every figure moves with the load, this one too.
      const bare = [];
      for (let i = 0; i < 10; i++) {
        const t = performance.now();
        await (await fetch(`${base}/tours/not-a-tour`, { headers: { cookie } })).arrayBuffer();
        bare.push(performance.now() - t);
      }
      const rows = [];
      for (const format of ['xlsx', 'csv']) {
        const url = `${base}/api/tours/${tourId}/exports/delegates.${format}`;
        await download(url, cookie, pid); // warm up: first compile of the route, caches
        const results = [];
        for (let i = 0; i < runs; i++) results.push(await download(url, cookie, pid));
        const last = results.at(-1);
        // Every run's file must read back whole, not only the last.
        const counts = await Promise.all(results.map((r) => rowsOf(format, r.body)));
        const count = counts.every((c) => c === counts[0]) ? counts[0] : counts.join('/');
        const firstByte = median(results.map((r) => r.firstByte));
        const total = median(results.map((r) => r.total));
        const growth = Math.max(...results.map((r) => r.growth));
        const target = targets[format];
        rows.push({
          format,
          status: last.status,
          rows: count,
          size: `${mb(last.body.length).toFixed(1)} MB`,
          'first byte ms': Math.round(firstByte),
          'total ms': Math.round(total),
          'best total ms': Math.round(Math.min(...results.map((r) => r.total))),
          'peak RSS growth MB': Math.round(mb(growth)),
          target: `< ${target.seconds} s, < ${target.megabytes} MB`,
          met:
            results.every((r) => r.status === 200) &&
            count === delegates &&
            total < target.seconds * 1000 &&
            mb(growth) < target.megabytes
              ? 'yes'
              : 'NO',
        });
      }
      console.log(
        `${delegates} delegates, organizer, median and best of ${runs} runs after a warm-up (worst memory growth), ${databaseUrl ? 'Postgres server' : 'embedded PGlite'}; bare dynamic page ${Math.round(median(bare))} ms (median of 10)`,
      );
      console.table(rows);
    } finally {
      stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
