// `npm start`: builds when there is no current build, checks the port, then serves.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';

const fail = (line) => {
  console.error(`Tourdesk cannot start. ${line}`);
  process.exit(1);
};

const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  fail(`PORT: "${process.env.PORT}" is not a port number (1-65535).`);
}

const portFree = (p) =>
  new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', (err) => resolve(err.code !== 'EADDRINUSE'));
    server.listen(p, () => server.close(() => resolve(true)));
  });
if (!(await portFree(port))) {
  fail(`PORT: ${port} is already in use; stop what runs there or set PORT to a free port.`);
}

// Sources newer than the build mean a pull or an edit since: build again rather than serve stale code.
const newestSource = (dir) => {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
};
const buildId = '.next/BUILD_ID';
const sources = ['app', 'components', 'lib', 'db', 'messages', 'public'].map(newestSource);
const stale =
  !existsSync(buildId) ||
  Math.max(...sources, statSync('package-lock.json').mtimeMs) > statSync(buildId).mtimeMs;
if (stale) {
  console.log('Tourdesk: building (first start, or the code changed since the last build)...');
  const build = spawnSync('npx', ['next', 'build'], {
    stdio: 'inherit',
    env: { NEXT_TELEMETRY_DISABLED: '1', ...process.env },
  });
  if (build.status !== 0) fail('the build failed; see the messages above.');
}

await import('./server.mjs');
