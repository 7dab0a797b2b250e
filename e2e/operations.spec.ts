import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { e2ePort } from '../playwright.config';
import { findAction } from './support/actions';
import { demoPassword, demoUsers, loginAs } from './support/auth';
import { encodeReply } from './support/encode';
import { expect, test } from './support/fixtures';
import { type PlainResponse, plainClient } from './support/plain-http';
import { start, stop, waitForHealth } from './support/servers';

// Operations (issue 12): each test runs its own production server from the build, on ports
// E2E_PORT+2.. (3602-3619 for E2E_PORT 3600).

test.describe.configure({ mode: 'serial' });
const portBase = e2ePort + 2;
const serverOutputs: string[] = [];

type Outcome = { status: number } | { error: string };
const errorCode = (err: unknown) => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e.cause?.code ?? e.code ?? String(err);
};

function firstTour(html: string): string {
  const id = html.match(/href="\/tours\/([0-9a-f-]{36})"/)?.[1];
  if (!id) throw new Error('no tour on the start page');
  return id;
}

async function callActionPlain(
  who: ReturnType<typeof plainClient>,
  origin: string,
  file: string,
  name: string,
  input: Record<string, unknown>,
): Promise<{ res: PlainResponse; result: { ok: boolean; code?: string } | null }> {
  const action = findAction(file, name);
  const body = (await encodeReply([null, input])) as string;
  const res = await who.call(action.page, {
    method: 'POST',
    headers: {
      'Next-Action': action.id,
      Accept: 'text/x-component',
      Origin: origin,
      'Content-Type': 'text/plain;charset=UTF-8',
    },
    body,
  });
  const line = res.body.split('\n').find((l) => l.startsWith('1:'));
  let result = null;
  try {
    result = line ? JSON.parse(line.slice(2)) : null;
  } catch {}
  return { res, result };
}

test('readiness says when to send traffic; liveness keeps its answer', async () => {
  const port = portBase;
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-ready-'));
  const run = start(port, { PGLITE_DIR: join(dir, 'db') });
  try {
    expect(await waitForHealth(port)).toEqual({ ok: true, database: 'pglite' });
    const ready = await fetch(`http://127.0.0.1:${port}/api/health/ready`);
    expect(ready.status).toBe(200);
    // Every migration in the repository, counted from drizzle's own journal.
    const journal = JSON.parse(readFileSync('db/migrations/meta/_journal.json', 'utf8'));
    expect(await ready.json()).toEqual({
      ok: true,
      database: 'pglite',
      migrations: journal.entries.length,
    });
  } finally {
    await stop(run.child);
    serverOutputs.push(run.output());
    rmSync(dir, { recursive: true, force: true });
  }
});

test("on Postgres, dropping the app's connections twice while 20 clients read pages fails no read; a failing page shows the reference its log line carries; readiness follows the database", async ({
  page,
}) => {
  test.skip(!process.env.TEST_DATABASE_URL, 'needs a Postgres server');
  test.setTimeout(180_000);
  // Each phase's time in the output: a test that runs out of time in CI says where it stood.
  const t0 = Date.now();
  const mark = (what: string) =>
    console.log(`[ops ${((Date.now() - t0) / 1000).toFixed(1)} s] ${what}`);
  const port = portBase + 1;
  const origin = `http://127.0.0.1:${port}`;
  const serverUrl = process.env.TEST_DATABASE_URL ?? '';
  const name = `tourdesk_ops_${process.pid}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const env = {
    DATABASE_URL: url.toString(),
    NEXTAUTH_URL: origin,
    NEXTAUTH_SECRET: `ops-${'x'.repeat(40)}`,
    PASSPORT_KEY: Buffer.alloc(32, 7).toString('base64'),
  };
  const seed = start(0, env, ['npx', 'tsx', 'db/seed-cli.ts']);
  expect(await seed.exited).toBe(0);
  mark('seeded');
  const run = start(port, env);
  try {
    await waitForHealth(port);
    mark('healthy');
    const readers = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const c = plainClient(origin);
        await c.signIn(demoUsers.coordinator, demoPassword);
        return c;
      }),
    );
    mark('20 signed in');
    const tourId = firstTour((await readers[0]?.call('/'))?.body ?? '');
    const pages = [`/tours/${tourId}/outlets`, `/tours/${tourId}`, `/tours/${tourId}/delegates`];
    const outcomes: Outcome[] = [];
    const until = Date.now() + 10_000;
    const drop = () =>
      admin`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
            where datname = ${name} and pid <> pg_backend_pid()`;
    const dropping = (async () => {
      await new Promise((r) => setTimeout(r, 3000));
      const [first] = await drop();
      await new Promise((r) => setTimeout(r, 3000));
      const [second] = await drop();
      return [first?.n, second?.n];
    })();
    await Promise.all(
      readers.map(async (c, i) => {
        for (let n = i; Date.now() < until; n++) {
          try {
            const res = await c.call(pages[n % pages.length] ?? '/');
            outcomes.push({ status: res.status });
          } catch (err) {
            outcomes.push({ error: errorCode(err) });
          }
        }
      }),
    );
    const dropped = await dropping;
    expect(
      dropped.every((n) => (n ?? 0) > 0),
      `connections dropped: ${dropped}`,
    ).toBe(true);
    const failed = outcomes.filter((o) => !('status' in o) || o.status !== 200);
    console.log(`reads: ${outcomes.length}, failed: ${failed.length}, dropped: ${dropped}`);
    expect(failed).toEqual([]);
    expect(outcomes.length).toBeGreaterThan(40);

    // A page that fails (its table is gone) shows the request's id, and the log has its line.
    await loginAs(page, demoUsers.coordinator, demoPassword, origin);
    const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
    await db.unsafe('alter table outlets rename to outlets_away');
    try {
      // A search not made before: the outlets read earlier are kept in memory until the tour
      // changes (lib/dal/tour-cache.ts), and renaming a table is no change to a tour's data.
      const res = await page.goto(`${origin}/tours/${tourId}/outlets?q=never-searched`);
      const id = res?.headers()['x-request-id'] ?? '';
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      await expect(page.getByTestId('error-ref')).toContainText(id);
      const logged = run
        .output()
        .split('\n')
        .filter((l) => l.includes(id) && l.includes('"request error"'));
      expect(logged.length, run.output().slice(-2000)).toBeGreaterThan(0);
      expect(logged[0]).toContain('"sqlstate":"42P01"');
      mark('error page checked');
    } finally {
      await db.unsafe('alter table outlets_away rename to outlets');
      await db.end();
    }

    // The database refusing connections: not ready (a load balancer stops sending), still alive.
    // Bounded: a probe that hangs is as bad as one that lies (a dropped query once left the
    // driver waiting for the database to let it in again, scripts/patch-postgres.mjs).
    const ready = async () =>
      (await fetch(`${origin}/api/health/ready`, { signal: AbortSignal.timeout(10_000) })).status;
    expect(await ready()).toBe(200);
    await admin.unsafe(`alter database ${name} allow_connections false`);
    await drop();
    try {
      expect(await ready()).toBe(503);
      expect((await fetch(`${origin}/api/health`)).status).toBe(200);
    } finally {
      await admin.unsafe(`alter database ${name} allow_connections true`);
    }
    await expect.poll(ready, { timeout: 10_000 }).toBe(200);
    mark('readiness followed');
  } finally {
    await stop(run.child);
    serverOutputs.push(run.output());
    await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end();
  }
});

// SIGTERM just after the write was sent (it mostly arrives after, and is refused and reported),
// and a little later (it is mostly in flight, and is saved and confirmed).
for (const [i, when] of (['just after', 'in flight'] as const).entries()) {
  test(`SIGTERM ${when === 'in flight' ? 'while a write is in flight' : 'just after a write was sent'}, while 20 clients read: every request answered, exit 0, the write kept as reported`, async () => {
    test.setTimeout(180_000);
    const port = portBase + 4 + i;
    const origin = `http://127.0.0.1:${port}`;
    const dir = mkdtempSync(join(tmpdir(), 'tourdesk-sigterm-'));
    // At debug level the server logs each request as it starts: how the test sees the write arrive.
    const env = { PGLITE_DIR: join(dir, 'db'), NEXTAUTH_URL: origin, LOG_LEVEL: 'debug' };
    try {
      const first = start(port, env, ['node', 'scripts/server.mjs']);
      await waitForHealth(port);
      const organizer = plainClient(origin);
      await organizer.signIn(demoUsers.organizer, demoPassword);
      const readers = await Promise.all(
        Array.from({ length: 20 }, async () => {
          const c = plainClient(origin);
          await c.signIn(demoUsers.coordinator, demoPassword);
          return c;
        }),
      );
      const tourId = firstTour((await readers[0]?.call('/'))?.body ?? '');
      const outcomes: Outcome[] = [];
      let refused = 0;
      let turnedAway = 0;
      const reading = readers.map(async (c) => {
        for (;;) {
          try {
            const res = await c.call(`/tours/${tourId}/outlets`);
            // Arrived after SIGTERM: answered "restarting, try again" (a load balancer retries).
            if (res.status === 503 && JSON.parse(res.body).code === 'unavailable') {
              turnedAway++;
              return;
            }
            outcomes.push({ status: res.status });
          } catch (err) {
            const code = errorCode(err);
            // Refused at the door: the server no longer listens, the request never reached it.
            if (code === 'ECONNREFUSED') {
              refused++;
              return;
            }
            outcomes.push({ error: code });
          }
        }
      });
      await new Promise((r) => setTimeout(r, 5000));
      const email = `sigterm-${Date.now()}@example.com`;
      const writing = callActionPlain(
        organizer,
        origin,
        'lib/actions/users.ts',
        'createUserAction',
        {
          email,
          role: 'coordinator',
        },
      ).then(
        (r) => ({ answered: true as const, ...r }),
        (err) => ({ answered: false as const, code: errorCode(err) }),
      );
      if (when === 'in flight') {
        const arrived = /"method":"POST","path":"\/admin\/users","msg":"started"/;
        await expect
          .poll(() => arrived.test(first.output()), { timeout: 30_000, intervals: [10] })
          .toBe(true);
      } else {
        await new Promise((r) => setTimeout(r, 20));
      }
      first.child.kill('SIGTERM');
      const [code] = await Promise.all([first.exited, ...reading]);
      const write = await writing;
      serverOutputs.push(first.output());

      expect(code).toBe(0);
      // Every reader went on until the server turned it away or no longer listened.
      expect(refused + turnedAway).toBe(20);
      const unanswered = outcomes.filter((o) => !('status' in o) || o.status !== 200);
      expect(unanswered).toEqual([]);
      expect(outcomes.length).toBeGreaterThanOrEqual(20);
      // The write was either answered (saved, or refused with a reason) or never reached the server.
      if (write.answered && write.res.status === 503) {
        expect(JSON.parse(write.res.body).code).toBe('unavailable'); // refused, and said so
      } else if (write.answered) {
        expect(write.res.status).toBe(200);
        expect(write.result, write.res.body.slice(0, 300)).not.toBeNull();
        if (!write.result?.ok) expect(write.result?.code).toBeTruthy();
      } else {
        expect(write.code).toBe('ECONNREFUSED');
      }
      const saved = write.answered && write.result?.ok === true;
      // A write the server had started is finished before it stops, and confirmed.
      if (when === 'in flight')
        expect(saved, write.answered ? write.res.body.slice(0, 300) : '').toBe(true);
      console.log(
        `reads answered: ${outcomes.length}, turned away: ${turnedAway}, refused: ${refused}; write: ${saved ? 'saved' : 'not saved'} (${write.answered ? write.res.status : write.code})`,
      );

      const second = start(port, env, ['node', 'scripts/server.mjs']);
      try {
        await waitForHealth(port);
        const again = plainClient(origin);
        await again.signIn(demoUsers.organizer, demoPassword);
        const users = await again.call(`/admin/users?q=${encodeURIComponent(email)}`);
        expect(users.status).toBe(200);
        // The list's own count (the search box echoes the address, so the page's text would not do).
        expect(users.body).toContain(saved ? '1 account' : 'No accounts match');
        expect((await again.call(`/tours/${tourId}/outlets`)).status).toBe(200);
      } finally {
        await stop(second.child);
        serverOutputs.push(second.output());
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('the logs are one JSON line per request, and never hold passwords, passport numbers or session cookies', async () => {
  test.setTimeout(180_000);
  const port = portBase + 3;
  const origin = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-logs-'));
  const run = start(port, { PGLITE_DIR: join(dir, 'db'), NEXTAUTH_URL: origin });
  const cookies: string[] = [];
  try {
    await waitForHealth(port);
    // What a day's use sends: wrong and right passwords, passports read, bad input, a query
    // string holding a password.
    const stranger = plainClient(origin);
    await stranger.signIn(demoUsers.organizer, 'wrong-password').catch(() => {});
    const organizer = plainClient(origin);
    await organizer.signIn(demoUsers.organizer, demoPassword);
    const tourId = firstTour((await organizer.call('/')).body);
    const list = await organizer.call(`/tours/${tourId}/delegates?q=${demoPassword}`);
    expect(list.status).toBe(200);
    const delegates = [
      ...new Set(
        [...list.body.matchAll(/href="\/tours\/[0-9a-f-]{36}\/delegates\/([0-9a-f-]{36})"/g)].map(
          (m) => m[1],
        ),
      ),
    ].slice(0, 5);
    for (const id of delegates) await organizer.call(`/tours/${tourId}/delegates/${id}`);
    await organizer.call(`/login?password=${demoPassword}&token=secret-token-value`);
    const changed = await callActionPlain(
      organizer,
      origin,
      'lib/actions/account.ts',
      'changePasswordAction',
      { current: 'not-the-password', next: demoPassword, confirm: `${demoPassword}x` },
    );
    expect(changed.result?.ok).toBe(false);
    for (const c of [organizer, stranger]) {
      for (const [k, v] of c.cookies()) if (/session-token/.test(k) && v) cookies.push(v);
    }
  } finally {
    await stop(run.child);
    serverOutputs.push(run.output());
    rmSync(dir, { recursive: true, force: true });
  }
  expect(cookies.length).toBeGreaterThan(0);

  // Every server these tests ran, and the e2e run's own server when it kept a log.
  const mainLog = `.data/e2e-${e2ePort}.log`;
  const logs = [...serverOutputs, existsSync(mainLog) ? readFileSync(mainLog, 'utf8') : ''].join(
    '\n',
  );
  const passports = [
    ...readFileSync('db/seed/demo-data.ts', 'utf8').matchAll(/passportNumber: '([^']+)'/g),
  ].map((m) => m[1] as string);
  expect(passports.length).toBeGreaterThan(20);
  const secrets = [demoPassword, 'secret-token-value', ...passports, ...cookies, '$argon2'];
  expect(secrets.filter((s) => logs.includes(s))).toEqual([]);

  const lines = run
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
  const requests = lines.filter((l) => l.msg === 'request');
  expect(requests.length).toBeGreaterThan(10);
  for (const r of requests) {
    expect(Object.keys(r)).toEqual(
      expect.arrayContaining(['requestId', 'method', 'path', 'status', 'ms']),
    );
    expect(r.path).not.toContain('?');
  }
  // The request sent with a password in its query string is logged by its path alone.
  expect(requests.some((r) => r.path === '/login')).toBe(true);
});
