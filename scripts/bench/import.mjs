// Importing 5,000 rows (parse, validate, commit) on PGlite and on Postgres: see scripts/bench-import.ts.
import { spawnSync } from 'node:child_process';

export default async function importBench() {
  const run = spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/bench-import.ts'], {
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error('import bench failed');
}
