// `npm run bench`: serves the production build on a fresh embedded database and measures pages
// with autocannon, each beside a bare dynamic page measured in the same run (TOOLCHAIN.md).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const port = Number(process.env.BENCH_PORT ?? 3300);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const base = `http://127.0.0.1:${port}`;

if (!existsSync('.next/BUILD_ID')) {
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'tourdesk-bench-'));
const server = spawn('npx', ['next', 'start', '-p', String(port)], {
  env: {
    ...process.env,
    DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
    PGLITE_DIR: join(dir, 'db'),
  },
  stdio: 'ignore',
  detached: true,
});
const stop = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {}
  rmSync(dir, { recursive: true, force: true });
};
process.on('exit', stop);

async function waitUntilHealthy() {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the server did not become healthy');
}

function measure(path, duration = seconds) {
  return new Promise((resolve, reject) => {
    autocannon({ url: `${base}${path}`, connections, duration }, (err, result) => {
      if (err) reject(err);
      else
        resolve({
          rps: result.requests.average,
          p99: result.latency.p99,
          errors: result.errors + result.non2xx,
        });
    });
  });
}

await waitUntilHealthy();
const home = await (await fetch(`${base}/`)).text();
const tourId = home.match(/\/tours\/([0-9a-f-]{36})/)?.[1];
if (!tourId) throw new Error('no tour on the home page');

const pages = [
  // A malformed tour id renders the full layout and a 404 without touching the database.
  { name: 'bare dynamic page (404, no query)', path: '/tours/not-a-tour', bare: true },
  { name: 'tour list', path: '/' },
  { name: 'tour overview', path: `/tours/${tourId}` },
  { name: 'outlet list (26)', path: `/tours/${tourId}/outlets` },
  {
    name: 'outlet search',
    path: `/tours/${tourId}/outlets?region=southeast_asia&q=%E6%97%A5%E6%8A%A5`,
  },
  { name: 'programme (14 days)', path: `/tours/${tourId}/programme` },
  { name: 'health', path: '/api/health' },
];

for (const p of pages) await measure(p.path, 2); // warm up JIT and caches, briefly
const rows = [];
let bare;
for (const p of pages) {
  const r = await measure(p.path);
  if (p.bare) bare = r;
  rows.push({
    page: p.name,
    'req/s': Math.round(r.rps),
    'p99 ms': r.p99,
    'vs bare': bare ? `${(r.rps / bare.rps).toFixed(2)}x` : '',
    errors: p.bare ? 0 : r.errors,
  });
}
console.log(
  `\n${connections} connections, ${seconds} s each, ${process.env.BENCH_DATABASE_URL ? 'Postgres server' : 'embedded PGlite'}`,
);
console.table(rows);
stop();
process.exit(0);
