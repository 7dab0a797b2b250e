// The schedule board: its data query and one save-with-checks in milliseconds (median), on the
// demo tour alone and beside 100 generated tours (300 groups, 30,000 visits), with the plan of the
// board's visit query on Postgres; then the board page signed in, beside the bare dynamic page.
import { spawnSync } from 'node:child_process';
import {
  barePage,
  besideBare,
  demo,
  ensureBuild,
  kb,
  load,
  measure,
  settings,
  signIn,
  startServer,
} from './lib.mjs';

export default async function board() {
  const timing = spawnSync(
    'npx',
    ['tsx', '--conditions=react-server', 'scripts/bench/board-timing.ts'],
    { encoding: 'utf8', env: process.env, maxBuffer: 64 * 1024 * 1024 },
  );
  if (timing.status !== 0) throw new Error(`board timing failed: ${timing.stderr}`);
  const results = JSON.parse(timing.stdout.trim().split('\n').pop() ?? '[]');
  console.table(
    results.map((r) => ({
      database: r.label,
      'visits in db': r.visits,
      'board query, demo alone (ms)': r.alone.board,
      'board query, 30,000 visits (ms)': r.crowded.board,
      ratio: `${(r.crowded.board / r.alone.board).toFixed(2)}x`,
      'save + checks, demo alone (ms)': r.alone.save,
      'save + checks, 30,000 visits (ms)': r.crowded.save,
      'save ratio': `${(r.crowded.save / r.alone.save).toFixed(2)}x`,
    })),
  );
  for (const r of results.filter((x) => x.queryPlan.length)) {
    console.log(`Plan of one tour's visits for the board (${r.label}):`);
    for (const line of r.queryPlan) console.log(`  ${line}`);
  }

  ensureBuild();
  const { base, stop } = await startServer({ port: Number(process.env.BENCH_PORT ?? 3300) + 2 });
  try {
    const coordinator = await signIn(base, demo.coordinator);
    const home = await load(base, '/', coordinator);
    const tour = home.text.match(/\/tours\/([0-9a-f-]{36})/)?.[1];
    const list = [
      barePage,
      { name: 'board (a day)', path: `/tours/${tour}/programme?day=2025-07-20` },
      { name: 'board data (JSON)', path: `/api/tours/${tour}/board?day=2025-07-20` },
      { name: 'problems panel', path: `/tours/${tour}/programme/problems` },
    ].map((p) => ({ ...p, cookie: coordinator }));
    for (const p of list) await measure(base, p.path, { cookie: p.cookie, seconds: 2 });
    const rows = [];
    const [bare] = list;
    for (const [i, p] of list.entries()) {
      const size = await load(base, p.path, p.cookie);
      const { page: r, bare: b, ratio, spread } = await besideBare(base, p, i === 0 ? null : bare);
      rows.push({
        page: p.name,
        status: size.status,
        size: kb(size.bytes),
        'req/s': Math.round(r.rps),
        'p99 ms': r.p99,
        'bare req/s': Math.round(b.rps),
        'vs bare': `${ratio.toFixed(2)}x`,
        pairs: spread,
      });
    }
    console.log(
      `\nBoard pages, embedded PGlite: ${settings.connections} connections, ${settings.seconds} s each, signed in`,
    );
    console.table(rows);
  } finally {
    stop();
  }
}
