import { type ChildProcess, spawn } from 'node:child_process';
import { type APIRequestContext, request as playwrightRequest } from '@playwright/test';
import { demoData } from '../db/seed/demo-data';
import { matrixPort } from '../playwright.config';
import { callAction } from './support/actions';
import { demoPassword, demoUsers } from './support/auth';
import { expect, test } from './support/fixtures';

// Every page, route handler and server action, called as each kind of caller, on the app served
// from a real Postgres server (the --postgres web server, seeded with a second tour).
test.skip(!process.env.TEST_DATABASE_URL, 'the access matrix runs on a Postgres server');
test.describe.configure({ mode: 'serial' });

const matrixURL = `http://127.0.0.1:${matrixPort}`;
let server: ChildProcess | undefined;

// Its own server, started here rather than by Playwright: a database made on the Postgres
// server for this run, seeded with a second tour, dropped when the server stops.
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = spawn('node', ['scripts/e2e-server.mjs', '--postgres'], {
    env: { ...process.env, PORT: String(matrixPort) },
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${matrixURL}/api/health`, { signal: AbortSignal.timeout(2000) })).ok)
        return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the Postgres-backed server did not start');
});

test.afterAll(async () => {
  if (!server?.pid) return;
  const pid = server.pid;
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  process.kill(-pid, 'SIGTERM'); // the server stops, and the script drops its database
  for (let i = 0; i < 100 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive()) process.kill(-pid, 'SIGKILL');
});

const who = [
  'anon',
  'journalistA',
  'journalistB',
  'coordinator',
  'otherCoordinator',
  'organizer',
] as const;
type Who = (typeof who)[number];
const emails: Record<Exclude<Who, 'anon'>, string> = {
  journalistA: demoUsers.journalist,
  journalistB: demoUsers.journalist2,
  coordinator: demoUsers.coordinator,
  otherCoordinator: 'coordinator-other@example.com',
  organizer: demoUsers.organizer,
};
const passports = demoData.outlets.flatMap((o) => o.delegates.map((d) => d.passportNumber));

// Every context is disposed after each test: an open one keeps the worker, and the run, alive.
const opened: APIRequestContext[] = [];
test.afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.dispose()));
});

async function signedIn(as: Who): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL: matrixURL });
  opened.push(ctx);
  if (as === 'anon') return ctx;
  const { csrfToken } = await (await ctx.get('/api/auth/csrf')).json();
  const res = await ctx.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: emails[as], password: demoPassword, json: 'true' },
  });
  expect(res.ok(), `sign-in of ${as}`).toBe(true);
  return ctx;
}

async function hrefs(ctx: APIRequestContext, path: string, pattern: RegExp) {
  const html = await (await ctx.get(path)).text();
  return [...html.matchAll(pattern)].map((m) => m[1] as string);
}

test('every page and route handler answers each caller as it should', async () => {
  test.setTimeout(180_000);
  const ctx = Object.fromEntries(
    await Promise.all(who.map(async (w) => [w, await signedIn(w)])),
  ) as Record<Who, APIRequestContext>;
  const [demoTour] = await hrefs(ctx.coordinator, '/', /href="\/tours\/([0-9a-f-]{36})"/g);
  const [otherTour] = await hrefs(ctx.otherCoordinator, '/', /href="\/tours\/([0-9a-f-]{36})"/g);
  const [delegateA] = await hrefs(
    ctx.journalistA,
    '/',
    /href="\/tours\/[0-9a-f-]{36}\/delegates\/([0-9a-f-]{36})"/g,
  );
  const [delegateB] = await hrefs(
    ctx.journalistB,
    '/',
    /href="\/tours\/[0-9a-f-]{36}\/delegates\/([0-9a-f-]{36})"/g,
  );
  expect([demoTour, otherTour, delegateA, delegateB].every(Boolean)).toBe(true);
  expect(demoTour).not.toBe(otherTour);

  const staffOfDemo: Who[] = ['coordinator', 'organizer'];
  const everyone: Who[] = [
    'journalistA',
    'journalistB',
    'coordinator',
    'otherCoordinator',
    'organizer',
  ];
  const matrix: [string, Who[]][] = [
    ['/', everyone],
    [`/tours/${demoTour}`, staffOfDemo],
    [`/tours/${demoTour}/outlets`, staffOfDemo],
    [`/tours/${demoTour}/outlets?region=europe&q=daily`, staffOfDemo],
    [`/tours/${demoTour}/programme`, staffOfDemo],
    [`/tours/${demoTour}/delegates`, staffOfDemo],
    [`/tours/${demoTour}/delegates/${delegateA}`, [...staffOfDemo, 'journalistA']],
    [`/tours/${demoTour}/delegates/${delegateB}`, [...staffOfDemo, 'journalistB']],
    [`/tours/${otherTour}`, ['otherCoordinator', 'organizer']],
    [`/tours/${otherTour}/delegates`, ['otherCoordinator', 'organizer']],
    // A delegate looked up under a tour it does not belong to exists for nobody.
    [`/tours/${otherTour}/delegates/${delegateA}`, []],
    ['/admin/users', ['organizer']],
    ['/admin/audit', ['organizer']],
    ['/account/password', everyone],
  ];

  const failures: string[] = [];
  for (const [path, allowed] of matrix) {
    for (const w of who) {
      const res = await ctx[w].get(path, { maxRedirects: 0 });
      const expected = allowed.includes(w) ? 200 : w === 'anon' ? 307 : 404;
      const location = res.headers().location ?? '';
      if (res.status() !== expected || (expected === 307 && !location.includes('/login'))) {
        failures.push(`${w} GET ${path}: ${res.status()} ${location}, expected ${expected}`);
      }
      if (res.status() === 200 && w !== 'organizer') {
        // Neither the HTML nor the RSC payload of a client-side navigation may carry a passport number.
        const html = await res.text();
        const rsc = await (await ctx[w].get(path, { headers: { RSC: '1' } })).text();
        for (const p of passports) {
          if (html.includes(p) || rsc.includes(p))
            failures.push(`${w} GET ${path} shows passport ${p}`);
        }
      }
    }
  }
  // The grep can find them: the organizer's delegate list does show them.
  const organizerList = await (await ctx.organizer.get(`/tours/${demoTour}/delegates`)).text();
  expect(passports.filter((p) => organizerList.includes(p))).toHaveLength(passports.length);

  for (const w of who) {
    const health = await ctx[w].get('/api/health');
    if (health.status() !== 200) failures.push(`${w} GET /api/health: ${health.status()}`);
    const session = await (await ctx[w].get('/api/auth/session')).json();
    if ((session?.user?.email ?? null) !== (w === 'anon' ? null : emails[w])) {
      failures.push(`${w} /api/auth/session: ${JSON.stringify(session)}`);
    }
  }
  expect(failures).toEqual([]);
});

test('a forged or missing session cannot call a server action', async () => {
  const anon = await signedIn('anon');
  const fields = {
    current: demoPassword,
    next: 'whatever-new-password',
    confirm: 'whatever-new-password',
  };
  const action = { file: 'lib/actions/account.ts', name: 'changePasswordAction' };
  expect(await callAction(anon, matrixURL, action, fields)).toContain('"code":"unauthenticated"');

  const forged = await playwrightRequest.newContext({
    baseURL: matrixURL,
    extraHTTPHeaders: {
      Cookie:
        'next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.forged.forged.forged.forged',
    },
  });
  opened.push(forged);
  expect(await callAction(forged, matrixURL, action, fields)).toContain('"code":"unauthenticated"');

  // Extra and missing fields are refused by name, and nothing changes.
  const journalist = await signedIn('journalistA');
  const extra = await callAction(journalist, matrixURL, action, { ...fields, role: 'organizer' });
  expect(extra).toContain('"code":"invalid"');
  expect(extra).toContain('"role"');
  const missing = await callAction(journalist, matrixURL, action, { current: demoPassword });
  expect(missing).toContain('"code":"invalid"');
  expect(missing).toContain('"next"');
  const stillWorks = await signedIn('journalistA');
  expect((await (await stillWorks.get('/api/auth/session')).json()).user.email).toBe(
    demoUsers.journalist,
  );
});
