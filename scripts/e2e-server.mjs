// The server the browser tests run against: a production build on a fresh embedded database.
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const dataDir = '.data/e2e';
rmSync(dataDir, { recursive: true, force: true });
rmSync(`${dataDir}.lock`, { force: true });

if (!process.env.E2E_SKIP_BUILD) {
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const env = { ...process.env, PGLITE_DIR: dataDir };
delete env.DATABASE_URL;
const server = spawn('npx', ['next', 'start', '-p', process.env.PORT ?? '3100'], {
  stdio: 'inherit',
  env,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
