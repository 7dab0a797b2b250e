// Pages signed in, each beside the bare dynamic page of the same run, with the HTML each sends.
import { demo, ensureBuild, kb, load, measure, settings, signIn, startServer } from './lib.mjs';

export default async function pages() {
  ensureBuild();
  const { base, stop } = await startServer({
    port: Number(process.env.BENCH_PORT ?? 3300),
    databaseUrl: process.env.BENCH_DATABASE_URL ?? '',
  });
  try {
    const coordinator = await signIn(base, demo.coordinator);
    const journalist = await signIn(base, demo.journalist);
    const organizer = await signIn(base, demo.organizer);
    const home = await load(base, '/', coordinator);
    const tourId = home.text.match(/\/tours\/([0-9a-f-]{36})/)?.[1];
    if (!tourId) throw new Error('no tour on the home page');
    const list = [
      // A malformed tour id renders the full layout and a 404 without touching the database.
      { name: 'bare dynamic page (404, no query)', path: '/tours/not-a-tour', bare: true },
      { name: 'tour list', path: '/', cookie: coordinator },
      { name: 'tour overview', path: `/tours/${tourId}`, cookie: coordinator },
      { name: 'outlets', path: `/tours/${tourId}/outlets`, cookie: coordinator },
      {
        name: 'outlet search',
        path: `/tours/${tourId}/outlets?region=southeast_asia&q=%E6%97%A5%E6%8A%A5`,
        cookie: coordinator,
      },
      { name: 'delegates', path: `/tours/${tourId}/delegates`, cookie: coordinator },
      { name: 'programme', path: `/tours/${tourId}/programme`, cookie: coordinator },
      { name: 'journalist home', path: '/', cookie: journalist },
      { name: 'users (organizer)', path: '/admin/users', cookie: organizer },
      { name: 'audit log (organizer)', path: '/admin/audit', cookie: organizer },
      { name: 'health', path: '/api/health' },
    ];
    for (const p of list) await measure(base, p.path, { cookie: p.cookie, seconds: 2 }); // warm up
    const rows = [];
    let bare;
    for (const p of list) {
      const size = await load(base, p.path, p.cookie);
      const r = await measure(base, p.path, { cookie: p.cookie });
      if (p.bare) bare = r;
      rows.push({
        page: p.name,
        status: size.status,
        html: kb(size.bytes),
        'req/s': Math.round(r.rps),
        'p99 ms': r.p99,
        'vs bare': bare ? `${(r.rps / bare.rps).toFixed(2)}x` : '',
        errors: p.bare ? 0 : r.errors,
      });
    }
    console.log(
      `${settings.connections} connections, ${settings.seconds} s each, ${process.env.BENCH_DATABASE_URL ? 'Postgres server' : 'embedded PGlite'}, signed in`,
    );
    console.table(rows);
  } finally {
    stop();
  }
}
