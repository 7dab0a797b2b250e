// Pages signed in, each beside the bare dynamic page of the same run, with the HTML each sends:
// on the demo tour (embedded PGlite, as `npm start` runs), and, when a Postgres server is at hand
// (BENCH_POSTGRES_URL or TEST_DATABASE_URL), on a generated tour of 10,000 delegates and 30,000
// visits beside the demo (`npm run db:large`).
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import postgres from 'postgres';
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

export default async function pages() {
  ensureBuild();
  await run('demo tour, embedded PGlite', { port: Number(process.env.BENCH_PORT ?? 3300) });
  const serverUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    console.log('No BENCH_POSTGRES_URL or TEST_DATABASE_URL: the large-tour run is skipped.');
    return;
  }
  const name = `tourdesk_bench_${process.pid}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    const env = { ...process.env, DATABASE_URL: url.toString(), PASSPORT_KEY: benchKey };
    const seeded = spawnSync('npx', ['tsx', 'db/seed-large-cli.ts'], { env, encoding: 'utf8' });
    if (seeded.status !== 0) throw new Error(`db:large failed: ${seeded.stderr}`);
    const largeTour = seeded.stdout.match(/\(([0-9a-f-]{36})\)/)?.[1];
    await run('large tour (10,000 delegates, 30,000 visits), Postgres server', {
      port: Number(process.env.BENCH_PORT ?? 3300) + 1,
      databaseUrl: url.toString(),
      tourId: largeTour,
      journalist: 'delegate9876@large.example',
      journalistPassword: 'large-tour-password',
    });
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

const benchKey = Buffer.alloc(32, 7).toString('base64');

async function run(label, { port, databaseUrl = '', tourId, journalist, journalistPassword }) {
  const { base, stop } = await startServer({
    port,
    databaseUrl,
    env: databaseUrl ? { PASSPORT_KEY: benchKey } : {},
  });
  try {
    const coordinator = await signIn(base, demo.coordinator);
    const organizer = await signIn(base, demo.organizer);
    const reader = await signIn(base, journalist ?? demo.journalist, journalistPassword);
    const home = await load(base, '/', organizer);
    const tour = tourId ?? home.text.match(/\/tours\/([0-9a-f-]{36})/)?.[1];
    if (!tour) throw new Error('no tour on the home page');
    // A day in the middle of the journalist's tour, read "as on" that day: today and tomorrow in
    // full, as a journalist sees it during the tour (the demo tour itself is in the past).
    const days = [
      ...new Set(
        [...(await load(base, '/', reader)).text.matchAll(/\?day=(\d{4}-\d{2}-\d{2})/g)].map(
          (m) => m[1],
        ),
      ),
    ].sort();
    const midDay = days[Math.floor(days.length / 2)];
    if (!midDay) throw new Error('no days on the itinerary');
    // Coordinators work on the demo tour only; the large tour is read as its organizer.
    const staff = tourId ? organizer : coordinator;
    const list = [
      { ...barePage, cookie: staff },
      // The method's own spread: the bare page beside itself, where any ratio but 1 is noise.
      { ...barePage, name: 'control: bare beside bare', cookie: staff },
      { name: 'tour list', path: '/', cookie: staff },
      { name: 'tour overview', path: `/tours/${tour}`, cookie: staff },
      { name: 'outlets', path: `/tours/${tour}/outlets`, cookie: staff },
      {
        name: 'outlet search',
        path: `/tours/${tour}/outlets?q=${encodeURIComponent(tourId ? '测试报12' : '日报')}`,
        cookie: staff,
      },
      { name: 'delegates', path: `/tours/${tour}/delegates`, cookie: staff },
      {
        name: 'delegate search',
        path: `/tours/${tour}/delegates?q=${encodeURIComponent(tourId ? '代表9876号' : 'a')}`,
        cookie: staff,
      },
      { name: 'programme (a day)', path: `/tours/${tour}/programme`, cookie: staff },
      { name: 'journalist home (itinerary)', path: '/', cookie: reader },
      { name: `itinerary as on ${midDay}`, path: `/?day=${midDay}`, cookie: reader },
      { name: 'users (organizer)', path: '/admin/users', cookie: organizer },
      { name: 'audit log (organizer)', path: '/admin/audit', cookie: organizer },
      { name: 'health', path: '/api/health' },
    ];
    for (const p of list) await measure(base, p.path, { cookie: p.cookie, seconds: 2 }); // warm up
    const rows = [];
    const [bare] = list;
    for (const [i, p] of list.entries()) {
      const size = await load(base, p.path, p.cookie);
      const { page: r, bare: b, ratio, spread } = await besideBare(base, p, i === 0 ? null : bare);
      rows.push({
        page: p.name,
        status: size.status,
        html: kb(size.bytes),
        'JS gzip': p.path.startsWith('/api') ? '' : kb(await scriptBytes(base, size.text)),
        'req/s': Math.round(r.rps),
        'p99 ms': r.p99,
        'bare req/s': Math.round(b.rps),
        'vs bare': `${ratio.toFixed(2)}x`,
        pairs: spread,
        // The bare page is a 404 on purpose.
        errors: p.path === barePage.path ? 0 : r.errors,
      });
    }
    console.log(
      `\n${label}: ${settings.connections} connections, ${settings.seconds} s each, signed in`,
    );
    console.table(rows);
    await scriptCost(
      base,
      label,
      list.filter((p) => p.cookie && /outlets$|delegates$|programme|as on/.test(p.path + p.name)),
    );
  } finally {
    stop();
  }
}

/**
 * What reading in Traditional costs: each page in zh-Hant beside the same page in zh-Hans, in
 * alternating slices as with the bare page (the Simplified page is the baseline). Names are
 * converted on output, so the Traditional page does more work; at most 10% more, at 0.91x.
 * One connection, so each figure is the cost of a request: at 50 the slices' ratios spread from
 * 0.3 to 2 on a 2-core machine (garbage collection stalls land in one slice or the other), far
 * wider than the difference measured.
 */
async function scriptCost(base, label, list) {
  const rows = [];
  const inScript = (p, locale) => ({ ...p, cookie: `${p.cookie}; NEXT_LOCALE=${locale}` });
  for (const p of list) {
    const [hans, hant] = [inScript(p, 'zh'), inScript(p, 'zh-Hant')];
    await measure(base, hant.path, { cookie: hant.cookie, seconds: 2 }); // warm up its cache
    const [hansSize, hantSize] = [
      await load(base, p.path, hans.cookie),
      await load(base, p.path, hant.cookie),
    ];
    const {
      page: r,
      bare: b,
      ratio,
      spread,
    } = await besideBare(base, hant, hans, {
      connections: 1,
    });
    rows.push({
      page: p.name,
      'html zh-Hans': kb(hansSize.bytes),
      'html zh-Hant': kb(hantSize.bytes),
      'zh-Hans req/s': Math.round(b.rps),
      'zh-Hant req/s': Math.round(r.rps),
      'zh-Hant vs zh-Hans': `${ratio.toFixed(2)}x`,
      pairs: spread,
      errors: r.errors,
    });
  }
  console.log(`\n${label}: Traditional beside Simplified, the same pages, one connection`);
  console.table(rows);
}

const scriptSizes = new Map();
/**
 * What a page's <script src> files weigh gzipped: the JavaScript a phone downloads for it. The
 * `noModule` polyfills are left out: browsers that run modules (every phone browser of the last
 * years) never fetch them.
 */
async function scriptBytes(base, html) {
  let total = 0;
  for (const [tag, src] of html.matchAll(/<script[^>]*\ssrc="([^"]+)"[^>]*>/g)) {
    if (/\snomodule/i.test(tag)) continue;
    if (!scriptSizes.has(src)) {
      const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
      scriptSizes.set(src, gzipSync(body, { level: 9 }).length);
    }
    total += scriptSizes.get(src);
  }
  return total;
}
