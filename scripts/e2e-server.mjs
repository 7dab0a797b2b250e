// The servers the browser tests run against, from the production build (`npm run test:e2e`
// builds first): by default on a fresh embedded database; with --postgres, on a database created
// for this run on TEST_DATABASE_URL's server (named after this process, and dropped on exit).
// Both are loaded with the demo tour and the fixtures of scripts/e2e-fixtures.ts.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import postgres from 'postgres';

const port = process.env.PORT ?? '3100';
const onPostgres = process.argv.includes('--postgres');
const env = {
  ...process.env,
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  NEXT_TELEMETRY_DISABLED: '1',
};
let cleanup = async () => {};

if (onPostgres) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('--postgres needs TEST_DATABASE_URL');
  const name = `tourdesk_e2e_${process.pid}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  // Databases of earlier runs whose server died without cleaning up.
  const stale = await admin`select datname from pg_database where datname like 'tourdesk_e2e_%'`;
  for (const { datname } of stale) {
    const pid = Number(datname.slice('tourdesk_e2e_'.length));
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = pid !== process.pid;
    } catch {}
    if (!alive) await admin.unsafe(`drop database if exists ${datname} with (force)`);
  }
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  env.NEXTAUTH_SECRET = `e2e-${process.pid}-${'x'.repeat(40)}`;
  env.PASSPORT_KEY = randomBytes(32).toString('base64');
  env.NODE_ENV = 'production';
  cleanup = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end();
  };
} else {
  const dataDir = `.data/e2e-${port}`;
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(`${dataDir}.lock`, { force: true });
  rmSync(`${dataDir}.auth-secret`, { force: true });
  rmSync(`${dataDir}.passport-key`, { force: true });
  env.PGLITE_DIR = dataDir;
  delete env.DATABASE_URL;
}

const fixtures = spawnSync('npx', ['tsx', 'scripts/e2e-fixtures.ts'], { stdio: 'inherit', env });
if (fixtures.status !== 0) {
  await cleanup();
  process.exit(1);
}

const server = spawn('node', ['scripts/server.mjs'], {
  stdio: ['inherit', 'pipe', 'pipe'],
  env: { ...env, PORT: port },
});
// The run's log is kept, so a test can check what the app wrote (e2e/operations.spec.ts).
mkdirSync('.data', { recursive: true });
const logFile = createWriteStream(`.data/e2e-${port}.log`);
server.stdout.on('data', (d) => {
  process.stdout.write(d);
  logFile.write(d);
});
server.stderr.on('data', (d) => {
  process.stderr.write(d);
  logFile.write(d);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', async (code) => {
  await cleanup();
  process.exit(code ?? 0);
});
