// Run by scripts/bench/board.mjs (tsx, react-server conditions): the board's data query and one
// save-with-checks, in milliseconds, on the demo tour alone and with 100 more tours of 300
// groups and 30,000 visits beside it; and the plan of the board's visit query. Prints JSON.
import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase } from '../../db/connect';
import * as s from '../../db/schema';
import { demoAccounts, seedDemoTour } from '../../db/seed';
import { seedLargeTour } from '../../db/seed/large';
import type { Viewer } from '../../lib/auth/permissions';
import { queryBoard } from '../../lib/dal/board';
import { type TourScope, tourScope } from '../../lib/dal/scope';
import { createSession, loadViewer } from '../../lib/dal/sessions';
import { changeVisit } from '../../lib/dal/visits';

const runs = Number(process.env.BENCH_RUNS ?? 30);

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function time(f: () => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await f(); // warm
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    out.push(performance.now() - t0);
  }
  return Number(median(out).toFixed(1));
}

async function measure(
  handle: Awaited<ReturnType<typeof openDatabase>>,
  scope: TourScope,
  viewer: Viewer,
) {
  const db = handle.db;
  const day = '2025-07-20';
  const board = await queryBoard(db, scope, { day });
  // A visit of the day moved by 5 minutes and back: a real save with its checks each time.
  const visit = board?.visits.find((v) => !v.cancelled && v.startsAt.startsWith('2025-07-20'));
  if (!visit) throw new Error('no visit to move');
  let version = visit.version;
  let shift = 5 * 60_000;
  const start = new Date(visit.startsAt).getTime();
  const end = new Date(visit.endsAt).getTime();
  let moved = false;
  return {
    board: await time(() => queryBoard(db, scope, { day })),
    save: await time(async () => {
      const delta = moved ? 0 : shift;
      const r = await changeVisit(
        db,
        scope,
        viewer,
        visit.id,
        version,
        { startsAt: new Date(start + delta), endsAt: new Date(end + delta) },
        '127.0.0.1',
      );
      if (!r.ok) throw new Error(`save refused: ${r.reason}`);
      version = r.visit.version;
      moved = !moved;
      shift = 5 * 60_000;
    }),
  };
}

async function run(config: Parameters<typeof openDatabase>[0], label: string, plan: boolean) {
  const handle = await openDatabase(config);
  await handle.migrate();
  const { tourId } = await seedDemoTour(handle.db);
  const [user] = await handle.db
    .select({ id: s.users.id })
    .from(s.users)
    .where(eq(s.users.email, demoAccounts.coordinator));
  const session = await createSession(handle.db, { userId: user?.id ?? '', ip: '127.0.0.1' });
  const viewer = (await loadViewer(handle.db, {
    userId: user?.id ?? '',
    sessionId: session.id,
  })) as Viewer;
  const scope = tourScope(viewer, tourId) as TourScope;
  const alone = await measure(handle, scope, viewer);
  for (let i = 1; i <= 100; i++) {
    await seedLargeTour(handle.db, {
      name: `Generated tour ${i}`,
      delegates: 60,
      groupSize: 20,
      visitsPerGroup: 100,
      outlets: 10,
      accountEvery: 1_000_000,
    });
  }
  const [{ n } = { n: 0 }] = await handle.db
    .select({ n: sql<number>`count(*)::int` })
    .from(s.visits);
  const crowded = await measure(handle, scope, viewer);
  let queryPlan: string[] = [];
  if (plan) {
    const from = new Date('2025-07-18T16:00:00Z');
    const to = new Date('2025-07-21T16:00:00Z');
    const explain = await handle.db.execute(
      sql`explain (analyze, costs off) select v.id from visits v where v.tour_id = ${tourId} and v.starts_at >= ${from.toISOString()}::timestamptz and v.starts_at < ${to.toISOString()}::timestamptz and v.id in (select vg.visit_id from visit_groups vg where vg.tour_id = ${tourId})`,
    );
    const rows = (
      Array.isArray(explain) ? explain : (explain as { rows: unknown[] }).rows
    ) as Record<string, string>[];
    queryPlan = rows.map((r) => Object.values(r)[0] ?? '');
  }
  await handle.close();
  return { label, visits: n, alone, crowded, queryPlan };
}

const results = [];
results.push(await run({ driver: 'pglite', dataDir: undefined }, 'embedded PGlite', false));
const serverUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_DATABASE_URL;
if (serverUrl) {
  const name = `tourdesk_bench_board_${process.pid}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    results.push(await run({ driver: 'postgres', url: url.toString() }, 'Postgres server', true));
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
console.log(JSON.stringify(results));
process.exit(0);
