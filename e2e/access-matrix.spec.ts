import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { type APIRequestContext, request as playwrightRequest } from '@playwright/test';
import postgres from 'postgres';
import { demoData } from '../db/seed/demo-data';
import { matrixPort } from '../playwright.config';
import { type BuiltAction, builtActions, callAction } from './support/actions';
import { demoPassword, demoUsers } from './support/auth';
import { expect, test } from './support/fixtures';

// Every route and every server action in the build, called as each kind of caller, on the app
// served from a real Postgres server (its own database, with the fixtures of e2e-fixtures.ts).
// The lists come from the build's manifests: a route or action without a rule here fails.
test.skip(!process.env.TEST_DATABASE_URL, 'the access matrix runs on a Postgres server');
test.describe.configure({ mode: 'serial' });

const matrixURL = `http://127.0.0.1:${matrixPort}`;
let server: ChildProcess | undefined;
let sql: postgres.Sql | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = spawn('node', ['scripts/e2e-server.mjs', '--postgres'], {
    env: { ...process.env, PORT: String(matrixPort) },
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${matrixURL}/api/health`, { signal: AbortSignal.timeout(2000) })).ok) {
        // The database e2e-server.mjs made for this run is named after its process.
        const url = new URL(process.env.TEST_DATABASE_URL ?? '');
        url.pathname = `/tourdesk_e2e_${server.pid}`;
        sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
        return;
      }
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the Postgres-backed server did not start');
});

test.afterAll(async () => {
  await sql?.end();
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
const signedInRoles = who.filter((w) => w !== 'anon');
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

// Callers read the app in different languages, so every language passes the whole matrix: what
// a caller may reach never depends on the language it reads in.
const browserLanguages = ['en-GB', 'zh-TW', 'zh-CN'];
const languageOf = (as: Who | string) =>
  browserLanguages[Math.max(0, who.indexOf(as as Who)) % browserLanguages.length] ?? 'en';

async function signedIn(as: Who | string): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({
    baseURL: matrixURL,
    extraHTTPHeaders: { 'accept-language': languageOf(as) },
  });
  opened.push(ctx);
  if (as === 'anon') return ctx;
  const email = as in emails ? emails[as as Exclude<Who, 'anon'>] : as;
  const { csrfToken } = await (await ctx.get('/api/auth/csrf')).json();
  const res = await ctx.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password: demoPassword, json: 'true' },
  });
  expect(res.ok(), `sign-in of ${as}`).toBe(true);
  return ctx;
}

async function everyone() {
  return Object.fromEntries(
    await Promise.all(who.map(async (w) => [w, await signedIn(w)])),
  ) as Record<Who, APIRequestContext>;
}

async function hrefs(ctx: APIRequestContext, path: string, pattern: RegExp) {
  const html = await (await ctx.get(path)).text();
  return [...html.matchAll(pattern)].map((m) => m[1] as string);
}

interface Ids {
  demoTour: string;
  otherTour: string;
  delegateA: string;
  delegateB: string;
  outletA: string;
  /** A group of the demo tour and one of its visits (the board's actions act on them). */
  demoGroup: string;
  demoVisit: string;
  demoVisitVersion: number;
  /** Another visit, so that each action that changes one starts from the version it reads. */
  demoVisit2: string;
  demoVisit2Version: number;
  /** A visit of the other tour (exports ask for it under both tours). */
  otherVisit: string;
}

async function discoverIds(ctx: Record<Who, APIRequestContext>): Promise<Ids> {
  const [demoTour] = await hrefs(ctx.coordinator, '/', /href="\/tours\/([0-9a-f-]{36})"/g);
  const [otherTour] = await hrefs(ctx.otherCoordinator, '/', /href="\/tours\/([0-9a-f-]{36})"/g);
  const own = /href="\/tours\/[0-9a-f-]{36}\/delegates\/([0-9a-f-]{36})"/g;
  const [delegateA] = await hrefs(ctx.journalistA, '/', own);
  const [delegateB] = await hrefs(ctx.journalistB, '/', own);
  const [outletA] = await hrefs(
    ctx.coordinator,
    `/tours/${demoTour}/outlets`,
    /href="\/tours\/[0-9a-f-]{36}\/outlets\/([0-9a-f-]{36})"/g,
  );
  if (!sql) throw new Error('no database');
  const [group] = await sql<{ id: string }[]>`
    select id from groups where tour_id = ${demoTour ?? ''} order by code limit 1`;
  const [visit, visit2] = await sql<{ id: string; version: number }[]>`
    select v.id, v.version from visits v join visit_groups vg on vg.visit_id = v.id
    where v.tour_id = ${demoTour ?? ''} and vg.group_id = ${group?.id ?? ''} and not v.cancelled
    order by v.starts_at limit 2`;
  const [otherVisit] = await sql<{ id: string }[]>`
    select id from visits where tour_id = ${otherTour ?? ''} order by starts_at limit 1`;
  const ids = {
    demoTour,
    otherTour,
    delegateA,
    delegateB,
    demoGroup: group?.id,
    demoVisit: visit?.id,
    demoVisitVersion: visit?.version,
    demoVisit2: visit2?.id,
    demoVisit2Version: visit2?.version,
    outletA,
    otherVisit: otherVisit?.id,
  };
  for (const [k, v] of Object.entries(ids)) expect(v, k).toBeTruthy();
  expect(demoTour).not.toBe(otherTour);
  return ids as Ids;
}

// --- Routes -------------------------------------------------------------------------------

type Expect = (w: Who) => number;
const staffOf =
  (...allowed: Who[]): Expect =>
  (w) =>
    allowed.includes(w) ? 200 : w === 'anon' ? 307 : 404;
const apiFor =
  (...allowed: Who[]): Expect =>
  (w) =>
    allowed.includes(w) ? 200 : w === 'anon' ? 401 : 404;
const publicPage: Expect = () => 200;
const demoStaff: Who[] = ['coordinator', 'organizer'];
const otherStaff: Who[] = ['otherCoordinator', 'organizer'];

/** For each route of the build: addresses to call and what each caller must get. */
const routeRules: Record<string, (ids: Ids) => [path: string, expect: Expect][]> = {
  '/': () => [
    ['/', staffOf(...signedInRoles)],
    // A journalist's itinerary read as on a day of the tour; a day outside it is no page.
    [`/?day=${demoData.tour.startDate}`, staffOf(...signedInRoles)],
    ['/?day=2020-01-01', (w) => (w === 'anon' ? 307 : w.startsWith('journalist') ? 404 : 200)],
  ],
  // The journalist's itinerary as a calendar: their own only, nobody else has one.
  '/api/itinerary.ics': () => [['/api/itinerary.ics', apiFor('journalistA', 'journalistB')]],
  // The feed opens by its secret alone: a malformed or unknown one is 404 for everyone (a real
  // one, and the old one after a new is made, are checked in e2e/itinerary.spec.ts).
  '/api/feeds/[feed]': () => [
    [`/api/feeds/${'A'.repeat(43)}.ics`, () => 404],
    ['/api/feeds/not-a-token.ics', () => 404],
    [`/api/feeds/${'A'.repeat(43)}`, () => 404],
  ],
  '/tours/[tourId]/delegates/[delegateId]/itinerary': (ids) => [
    [`/tours/${ids.demoTour}/delegates/${ids.delegateA}/itinerary`, staffOf(...demoStaff)],
    [
      `/tours/${ids.demoTour}/delegates/${ids.delegateB}/itinerary?day=${demoData.tour.endDate}`,
      staffOf(...demoStaff),
    ],
    [`/tours/${ids.demoTour}/delegates/${ids.delegateA}/itinerary?day=2020-01-01`, staffOf()],
    [`/tours/${ids.otherTour}/delegates/${ids.delegateA}/itinerary`, staffOf()],
    [`/tours/${ids.demoTour}/delegates/not-a-uuid/itinerary`, staffOf()],
  ],
  '/tours/[tourId]/groups/[groupId]/itinerary': (ids) => [
    [`/tours/${ids.demoTour}/groups/${ids.demoGroup}/itinerary`, staffOf(...demoStaff)],
    [`/tours/${ids.otherTour}/groups/${ids.demoGroup}/itinerary`, staffOf()],
  ],
  '/tours/[tourId]/print/itinerary/[delegateId]': (ids) => [
    [
      `/tours/${ids.demoTour}/print/itinerary/${ids.delegateA}`,
      staffOf(...demoStaff, 'journalistA'),
    ],
    [
      `/tours/${ids.demoTour}/print/itinerary/${ids.delegateB}`,
      staffOf(...demoStaff, 'journalistB'),
    ],
    [`/tours/${ids.otherTour}/print/itinerary/${ids.delegateA}`, staffOf()],
  ],
  '/login': () => [['/login', (w) => (w === 'anon' ? 200 : 307)]],
  '/account/password': () => [['/account/password', staffOf(...signedInRoles)]],
  '/admin/users': () => [
    ['/admin/users', staffOf('organizer')],
    ['/admin/users?q=%E7%8E%8B&role=journalist&page=2', staffOf('organizer')],
  ],
  '/admin/audit': () => [
    ['/admin/audit', staffOf('organizer')],
    ['/admin/audit?action=login.failure&before=5', staffOf('organizer')],
  ],
  '/tours/[tourId]': (ids) => [
    [`/tours/${ids.demoTour}`, staffOf(...demoStaff)],
    [`/tours/${ids.otherTour}`, staffOf(...otherStaff)],
    ['/tours/00000000-0000-4000-8000-000000000000', staffOf()],
  ],
  '/tours/[tourId]/outlets': (ids) => [
    [`/tours/${ids.demoTour}/outlets`, staffOf(...demoStaff)],
    [`/tours/${ids.demoTour}/outlets?region=europe&q=daily`, staffOf(...demoStaff)],
    [`/tours/${ids.otherTour}/outlets`, staffOf(...otherStaff)],
  ],
  '/tours/[tourId]/programme': (ids) => [
    [`/tours/${ids.demoTour}/programme`, staffOf(...demoStaff)],
    [`/tours/${ids.demoTour}/programme?day=2025-07-20&groups=2`, staffOf(...demoStaff)],
    [`/tours/${ids.otherTour}/programme`, staffOf(...otherStaff)],
  ],
  '/tours/[tourId]/programme/list': (ids) => [
    [`/tours/${ids.demoTour}/programme/list`, staffOf(...demoStaff)],
    [`/tours/${ids.demoTour}/programme/list?day=2025-07-20&group=A`, staffOf(...demoStaff)],
    [`/tours/${ids.otherTour}/programme/list`, staffOf(...otherStaff)],
  ],
  '/tours/[tourId]/programme/problems': (ids) => [
    [`/tours/${ids.demoTour}/programme/problems`, staffOf(...demoStaff)],
    [`/tours/${ids.otherTour}/programme/problems`, staffOf(...otherStaff)],
  ],
  '/api/tours/[tourId]/visits/[visitId]/history': (ids) => [
    [`/api/tours/${ids.demoTour}/visits/${ids.demoVisit}/history`, apiFor(...demoStaff)],
    // A visit looked up under another tour has no history for anyone.
    [
      `/api/tours/${ids.otherTour}/visits/${ids.demoVisit}/history`,
      apiFor('otherCoordinator', 'organizer'),
    ],
  ],
  '/api/tours/[tourId]/board': (ids) => [
    [`/api/tours/${ids.demoTour}/board?day=2025-07-20`, apiFor(...demoStaff)],
    [`/api/tours/${ids.otherTour}/board`, apiFor(...otherStaff)],
    ['/api/tours/not-a-uuid/board', (w) => (w === 'anon' ? 401 : 404)],
  ],
  // A stream: only its status is read (see routeStatus).
  '/api/tours/[tourId]/board/events': (ids) => [
    [`/api/tours/${ids.demoTour}/board/events`, apiFor(...demoStaff)],
    [`/api/tours/${ids.otherTour}/board/events`, apiFor(...otherStaff)],
  ],
  '/tours/[tourId]/delegates': (ids) => [
    [`/tours/${ids.demoTour}/delegates`, staffOf(...demoStaff)],
    [`/tours/${ids.demoTour}/delegates?q=a&page=2&sort=outlet`, staffOf(...demoStaff)],
    [`/tours/${ids.otherTour}/delegates`, staffOf(...otherStaff)],
  ],
  '/tours/[tourId]/delegates/[delegateId]': (ids) => [
    [`/tours/${ids.demoTour}/delegates/${ids.delegateA}`, staffOf(...demoStaff, 'journalistA')],
    [`/tours/${ids.demoTour}/delegates/${ids.delegateB}`, staffOf(...demoStaff, 'journalistB')],
    // A delegate looked up under a tour it does not belong to exists for nobody.
    [`/tours/${ids.otherTour}/delegates/${ids.delegateA}`, staffOf()],
  ],
  // Editing (issue 9).
  '/tours/new': () => [['/tours/new', staffOf('organizer')]],
  '/tours/[tourId]/settings': (ids) => [
    [`/tours/${ids.demoTour}/settings`, staffOf(...demoStaff)],
    [`/tours/${ids.otherTour}/settings`, staffOf(...otherStaff)],
  ],
  '/tours/[tourId]/outlets/new': (ids) => [
    [`/tours/${ids.demoTour}/outlets/new`, staffOf(...demoStaff)],
    [`/tours/${ids.otherTour}/outlets/new`, staffOf(...otherStaff)],
  ],
  '/tours/[tourId]/outlets/[outletId]': (ids) => [
    [`/tours/${ids.demoTour}/outlets/${ids.outletA}`, staffOf(...demoStaff)],
    // An outlet looked up under a tour it does not belong to exists for nobody.
    [`/tours/${ids.otherTour}/outlets/${ids.outletA}`, staffOf()],
    [`/tours/${ids.demoTour}/outlets/not-a-uuid`, staffOf()],
  ],
  '/tours/[tourId]/delegates/new': (ids) => [
    [`/tours/${ids.demoTour}/delegates/new`, staffOf(...demoStaff)],
    [`/tours/${ids.otherTour}/delegates/new`, staffOf(...otherStaff)],
  ],
  '/tours/[tourId]/delegates/[delegateId]/edit': (ids) => [
    // Not even the delegate themself edits their record.
    [`/tours/${ids.demoTour}/delegates/${ids.delegateA}/edit`, staffOf(...demoStaff)],
    [`/tours/${ids.otherTour}/delegates/${ids.delegateA}/edit`, staffOf()],
  ],
  '/tours/[tourId]/groups': (ids) => [
    [`/tours/${ids.demoTour}/groups`, staffOf(...demoStaff)],
    [`/tours/${ids.demoTour}/groups?q=a&page=2`, staffOf(...demoStaff)],
    [`/tours/${ids.otherTour}/groups`, staffOf(...otherStaff)],
  ],
  '/tours/[tourId]/coverage': (ids) => [
    [`/tours/${ids.demoTour}/coverage`, staffOf(...demoStaff)],
    [`/tours/${ids.otherTour}/coverage`, staffOf(...otherStaff)],
  ],
  '/tours/[tourId]/import': (ids) => [
    [`/tours/${ids.demoTour}/import`, staffOf(...demoStaff)],
    [`/tours/${ids.otherTour}/import`, staffOf(...otherStaff)],
  ],
  '/api/tours/[tourId]/import': (ids) => [
    [`/api/tours/${ids.demoTour}/import?kind=outlets`, apiFor(...demoStaff)],
    [`/api/tours/${ids.otherTour}/import?kind=delegates`, apiFor(...otherStaff)],
    ['/api/tours/not-a-uuid/import?kind=outlets', (w) => (w === 'anon' ? 401 : 404)],
  ],
  '/places': () => [
    ['/places', staffOf('coordinator', 'otherCoordinator', 'organizer')],
    [
      '/places?site=00000000-0000-4000-8000-000000000000',
      staffOf('coordinator', 'otherCoordinator', 'organizer'),
    ],
  ],
  '/api/health': () => [['/api/health', publicPage]],
  // Exports: the tour's staff only; passport columns asked for by a coordinator are left out
  // (the passport check above reads every non-organizer's CSV).
  '/api/tours/[tourId]/exports/[file]': (ids) => {
    const api = (tour: string, file: string) => `/api/tours/${tour}/exports/${file}`;
    const sensitive = 'passport=1&nationality=1&dob=1';
    return [
      [api(ids.demoTour, `delegates.csv?${sensitive}`), apiFor(...demoStaff)],
      [api(ids.demoTour, 'delegates.xlsx?region=southeast_asia'), apiFor(...demoStaff)],
      [api(ids.otherTour, `delegates.csv?${sensitive}`), apiFor(...otherStaff)],
      [api(ids.demoTour, 'programme.xlsx'), apiFor(...demoStaff)],
      [api(ids.demoTour, 'programme.ics'), apiFor(...demoStaff)],
      [
        api(ids.demoTour, `day.csv?date=${demoData.tour.startDate}&group=A&${sensitive}`),
        apiFor(...demoStaff),
      ],
      [
        api(ids.otherTour, `day.xlsx?date=${demoData.tour.startDate}&group=A`),
        apiFor(...otherStaff),
      ],
      // A malformed filter is refused with the field's name, never widened to everyone.
      [
        api(ids.demoTour, 'delegates.csv?region=Not%20A%20Region'),
        (w) => (demoStaff.includes(w) ? 400 : w === 'anon' ? 401 : 404),
      ],
      [api(ids.demoTour, 'passwords.csv'), (w) => (w === 'anon' ? 401 : 404)],
    ];
  },
  '/api/tours/[tourId]/visits/[visitId]/[file]': (ids) => [
    [
      `/api/tours/${ids.demoTour}/visits/${ids.demoVisit}/manifest.csv?passport=1`,
      apiFor(...demoStaff),
    ],
    [`/api/tours/${ids.demoTour}/visits/${ids.demoVisit}/manifest.xlsx`, apiFor(...demoStaff)],
    [`/api/tours/${ids.otherTour}/visits/${ids.otherVisit}/manifest.csv`, apiFor(...otherStaff)],
    // A visit asked for under a tour it does not belong to exists for nobody.
    [
      `/api/tours/${ids.otherTour}/visits/${ids.demoVisit}/manifest.csv`,
      (w) => (w === 'anon' ? 401 : 404),
    ],
  ],
  '/tours/[tourId]/print/delegates': (ids) => [
    [`/tours/${ids.demoTour}/print/delegates?passport=1&dob=1`, staffOf(...demoStaff)],
    [`/tours/${ids.otherTour}/print/delegates?region=europe`, staffOf(...otherStaff)],
  ],
  '/tours/[tourId]/print/manifest/[visitId]': (ids) => [
    [`/tours/${ids.demoTour}/print/manifest/${ids.demoVisit}?passport=1`, staffOf(...demoStaff)],
    [`/tours/${ids.otherTour}/print/manifest/${ids.demoVisit}`, staffOf()],
  ],
  '/api/health/ready': () => [['/api/health/ready', publicPage]],
  '/api/tours/[tourId]/export': (ids) => [
    [`/api/tours/${ids.demoTour}/export`, apiFor('organizer')],
    [`/api/tours/${ids.otherTour}/export`, apiFor('organizer')],
    ['/api/tours/00000000-0000-4000-8000-000000000000/export', apiFor()],
    ['/api/tours/not-a-uuid/export', apiFor()],
  ],
  '/admin/tours': () => [['/admin/tours', staffOf('organizer')]],
  '/api/admin/tours/[tourId]/delegates-without-account': (ids) => [
    [`/api/admin/tours/${ids.demoTour}/delegates-without-account?q=a`, apiFor('organizer')],
    ['/api/admin/tours/not-a-uuid/delegates-without-account', (w) => (w === 'anon' ? 401 : 404)],
  ],
  // next-auth's own endpoints answer everyone; what they answer is checked below.
  '/api/auth/[...nextauth]': () => [
    ['/api/auth/csrf', publicPage],
    ['/api/auth/providers', publicPage],
  ],
  '/favicon.ico': () => [['/favicon.ico', publicPage]],
};
/**
 * GET as this caller. A stream of server-sent events never ends: its status and headers are
 * read, then the connection is dropped.
 */
async function routeStatus(c: APIRequestContext, path: string) {
  if (!path.endsWith('/events')) return c.get(path, { maxRedirects: 0 });
  const { cookies } = await c.storageState();
  const controller = new AbortController();
  const res = await fetch(`${matrixURL}${path}`, {
    headers: { cookie: cookies.map((k) => `${k.name}=${k.value}`).join('; ') },
    redirect: 'manual',
    signal: controller.signal,
  });
  controller.abort();
  return {
    status: () => res.status,
    headers: () => Object.fromEntries(res.headers),
    text: async () => '',
  };
}

// Next's own internal pages, not addresses of the app.
const internal = new Set(['/_not-found', '/_global-error']);

test('every route of the build answers each caller as it should', async () => {
  test.setTimeout(300_000);
  const built = Object.values(
    JSON.parse(readFileSync('.next/app-path-routes-manifest.json', 'utf8')) as Record<
      string,
      string
    >,
  ).filter((r) => !internal.has(r));
  const missing = built.filter((r) => !(r in routeRules));
  expect(missing, 'routes without a rule in the access matrix').toEqual([]);

  const ctx = await everyone();
  const ids = await discoverIds(ctx);
  const failures: string[] = [];
  for (const route of built) {
    for (const [path, expected] of routeRules[route]?.(ids) ?? []) {
      for (const w of who) {
        const res = await routeStatus(ctx[w], path);
        const want = expected(w);
        const location = res.headers().location ?? '';
        if (
          res.status() !== want ||
          (want === 307 && w === 'anon' && !location.includes('/login'))
        ) {
          failures.push(`${w} GET ${path}: ${res.status()} ${location}, expected ${want}`);
        }
        if (res.status() === 200 && w !== 'organizer') {
          // Neither the HTML nor the RSC payload of a client-side navigation may carry a
          // passport number.
          const body = await res.text();
          const rsc = path.startsWith('/api')
            ? ''
            : await (await ctx[w].get(path, { headers: { RSC: '1' } })).text();
          for (const p of passports) {
            if (body.includes(p) || rsc.includes(p))
              failures.push(`${w} GET ${path} shows passport ${p}`);
          }
        }
      }
    }
  }
  // The grep can find them: an organizer reading a profile does see the whole number.
  const profile = await (
    await ctx.organizer.get(`/tours/${ids.demoTour}/delegates/${ids.delegateA}`)
  ).text();
  expect(passports.filter((p) => profile.includes(p))).toHaveLength(1);

  for (const w of who) {
    const session = await (await ctx[w].get('/api/auth/session')).json();
    if ((session?.user?.email ?? null) !== (w === 'anon' ? null : emails[w])) {
      failures.push(`${w} /api/auth/session: ${JSON.stringify(session)}`);
    }
  }
  expect(failures).toEqual([]);
});

// --- Server actions ------------------------------------------------------------------------

interface ActionRule {
  /** Who may call it; everyone else is refused and nothing is written. */
  allowed: Who[] | 'anyone';
  /** Who makes the one valid call (a throwaway account where the change would disturb). */
  caller: Who | string;
  /** A valid payload. */
  payload: (ids: Ids & { targets: Record<string, string> }) => Record<string, string>;
  /** Called as a form's own action (formData only), not through useActionState. */
  formOnly?: boolean;
}

/** The smallest valid tour file (e2e/../lib/validation/tour-file.ts): a tour with nothing in it. */
function emptyTourFile(nameEn: string) {
  return {
    format: 'tourdesk-tour',
    version: 1,
    exportedAt: new Date().toISOString(),
    tour: {
      nameZh: nameEn,
      nameEn,
      startDate: '2026-05-01',
      endDate: '2026-05-03',
      timeZone: 'Asia/Shanghai',
      isSample: false,
      archivedAt: null,
      transferBufferMinutes: 30,
      maxDayMinutes: 720,
      minRestMinutes: 600,
      lunchStart: '11:30:00',
      lunchEnd: '14:00:00',
      dinnerStart: '17:30:00',
      dinnerEnd: '21:00:00',
      maxThemesPerOutlet: 3,
    },
    ...Object.fromEntries(
      [
        'regions',
        'countries',
        'cities',
        'sites',
        'outlets',
        'coverageThemes',
        'outletThemes',
        'delegates',
        'groups',
        'groupMembers',
        'visits',
        'visitGroups',
      ].map((k) => [k, []]),
    ),
  };
}

const staffAnywhere: Who[] = ['coordinator', 'otherCoordinator', 'organizer'];
const tourSettings = {
  nameZh: '矩阵团',
  startDate: '2026-05-01',
  endDate: '2026-05-10',
  timeZone: 'Asia/Shanghai',
  transferBufferMinutes: '30',
  maxDayMinutes: '720',
  minRestMinutes: '600',
  lunchStart: '11:30',
  lunchEnd: '14:00',
  dinnerStart: '17:30',
  dinnerEnd: '21:00',
  maxThemesPerOutlet: '3',
};

const target1 = 'matrix-target-1@example.com';
const target2 = 'matrix-target-2@example.com';

const actionRules: Record<string, ActionRule> = {
  'lib/actions/set-locale.ts#setLocaleAction': {
    allowed: 'anyone',
    caller: 'anon',
    payload: () => ({ locale: 'zh' }),
    formOnly: true,
  },
  'lib/actions/session.ts#signOutAction': {
    allowed: 'anyone',
    caller: 'anon',
    payload: () => ({}),
    formOnly: true,
  },
  'lib/actions/account.ts#changePasswordAction': {
    allowed: signedInRoles,
    caller: target1,
    payload: () => ({
      current: demoPassword,
      next: 'a new password 2026',
      confirm: 'a new password 2026',
    }),
  },
  'lib/actions/users.ts#createUserAction': {
    allowed: ['organizer'],
    caller: 'organizer',
    payload: () => ({ email: `matrix-created-${Date.now()}@example.com`, role: 'coordinator' }),
  },
  'lib/actions/users.ts#setUserDisabledAction': {
    allowed: ['organizer'],
    caller: 'organizer',
    payload: ({ targets }) => ({ userId: targets[target2] ?? '', disabled: 'true' }),
  },
  'lib/actions/users.ts#resetPasswordAction': {
    allowed: ['organizer'],
    caller: 'organizer',
    payload: ({ targets }) => ({ userId: targets[target2] ?? '', confirmed: 'true' }),
  },
  'lib/actions/users.ts#setCoordinatorTourAction': {
    allowed: ['organizer'],
    caller: 'organizer',
    payload: ({ targets, demoTour }) => ({
      userId: targets[target1] ?? '',
      tourId: demoTour,
      assigned: 'true',
    }),
  },
  'lib/actions/visits.ts#createVisitAction': {
    allowed: ['coordinator', 'organizer'],
    caller: 'coordinator',
    payload: ({ demoTour, demoGroup }) =>
      ({
        tourId: demoTour,
        kind: 'free_time',
        titleZh: '矩阵测试',
        titleEn: 'Matrix test',
        startsAt: '2025-07-18T16:00:00Z', // 00:00 on the tour's first night, before any visit
        endsAt: '2025-07-18T16:30:00Z',
        groupIds: demoGroup,
      }) as Record<string, string>,
  },
  'lib/actions/visits.ts#updateVisitAction': {
    allowed: ['coordinator', 'organizer'],
    caller: 'coordinator',
    payload: ({ demoTour, demoVisit, demoVisitVersion }) => ({
      tourId: demoTour,
      visitId: demoVisit,
      version: String(demoVisitVersion),
      notesEn: 'Checked by the access matrix.',
    }),
  },
  'lib/actions/visits.ts#setVisitCancelledAction': {
    allowed: ['coordinator', 'organizer'],
    caller: 'coordinator',
    payload: ({ demoTour, demoVisit2, demoVisit2Version }) => ({
      tourId: demoTour,
      visitId: demoVisit2,
      version: String(demoVisit2Version),
      cancelled: 'true',
    }),
  },
  'lib/actions/visits.ts#duplicateVisitAction': {
    allowed: ['coordinator', 'organizer'],
    caller: 'coordinator',
    payload: ({ demoTour, demoVisit }) => ({
      tourId: demoTour,
      visitId: demoVisit,
      startsAt: '2025-07-18T17:00:00Z',
    }),
  },
  'lib/actions/tour-transfer.ts#importTourAction': {
    allowed: ['organizer'],
    caller: 'organizer',
    payload: () => ({ file: JSON.stringify(emptyTourFile(`Matrix import ${Date.now()}`)) }),
  },
  'lib/actions/users.ts#createAccountsForTourAction': {
    allowed: ['organizer'],
    caller: 'organizer',
    payload: ({ otherTour }) => ({ tourId: otherTour }),
  },
  // Editing (issue 9). What would disturb the demo tour's pages is done on the other tour.
  'lib/actions/editing.ts#createTourAction': {
    allowed: ['organizer'],
    caller: 'organizer',
    payload: () => ({ ...tourSettings, nameEn: `Matrix tour ${Date.now()}` }),
  },
  'lib/actions/editing.ts#updateTourAction': {
    allowed: otherStaff,
    caller: 'organizer',
    payload: ({ otherTour, targets }) => ({
      ...tourSettings,
      tourId: otherTour,
      nameEn: targets.otherTourName ?? '',
      nameZh: targets.otherTourNameZh ?? '',
      // Its own dates: the database refuses dates that would leave its visits outside.
      startDate: targets.otherTourStart ?? '',
      endDate: targets.otherTourEnd ?? '',
    }),
  },
  'lib/actions/itinerary.ts#regenerateFeedTokenAction': {
    allowed: ['journalistA', 'journalistB'],
    caller: 'journalistA',
    payload: () => ({ confirmed: 'yes' }),
  },
  'lib/actions/editing.ts#setTourArchivedAction': {
    allowed: ['organizer'],
    caller: 'organizer',
    payload: ({ otherTour }) => ({ tourId: otherTour, archived: 'false' }),
  },
  'lib/actions/editing.ts#saveOutletAction': {
    allowed: otherStaff,
    caller: 'organizer',
    payload: ({ otherTour }) => ({
      tourId: otherTour,
      nameZh: '矩阵日报',
      nameEn: 'Matrix Daily',
      countryCode: 'MY',
      mediaType: 'online',
    }),
  },
  'lib/actions/editing.ts#archiveOutletAction': {
    allowed: otherStaff,
    caller: 'organizer',
    payload: ({ otherTour, targets }) => ({ tourId: otherTour, id: targets.otherOutlet2 ?? '' }),
  },
  'lib/actions/editing.ts#deleteOutletAction': {
    allowed: otherStaff,
    caller: 'organizer',
    payload: ({ otherTour, targets }) => ({ tourId: otherTour, id: targets.deletableOutlet ?? '' }),
  },
  'lib/actions/editing.ts#deleteDelegateAction': {
    allowed: otherStaff,
    caller: 'organizer',
    payload: ({ otherTour, targets }) => ({
      tourId: otherTour,
      id: targets.deletableDelegate ?? '',
    }),
  },
  'lib/actions/editing.ts#deleteSiteAction': {
    allowed: staffAnywhere,
    caller: 'coordinator',
    payload: ({ targets }) => ({ siteId: targets.deletableSite ?? '' }),
  },
  'lib/actions/editing.ts#saveDelegateAction': {
    allowed: otherStaff,
    caller: 'organizer',
    payload: ({ otherTour, targets }) => ({
      tourId: otherTour,
      outletId: targets.otherOutlet ?? '',
      passportName: 'MATRIX PERSON',
      role: 'journalist',
      passportNumber: 'M1234567',
      arrivesAt: '2025-07-18T09:00',
    }),
  },
  'lib/actions/editing.ts#archiveDelegateAction': {
    allowed: otherStaff,
    caller: 'organizer',
    payload: ({ otherTour, targets }) => ({ tourId: otherTour, id: targets.otherDelegate2 ?? '' }),
  },
  'lib/actions/editing.ts#saveGroupAction': {
    allowed: otherStaff,
    caller: 'organizer',
    payload: ({ otherTour }) => ({
      tourId: otherTour,
      code: `M${Date.now() % 100000}`,
      nameZh: '矩阵组',
      nameEn: 'Matrix group',
    }),
  },
  'lib/actions/editing.ts#moveDelegatesAction': {
    allowed: otherStaff,
    caller: 'organizer',
    payload: ({ otherTour, targets }) => ({
      tourId: otherTour,
      groupId: targets.otherGroup ?? '',
      delegateIds: targets.otherDelegate ?? '',
    }),
  },
  'lib/actions/editing.ts#saveThemeAction': {
    allowed: otherStaff,
    caller: 'organizer',
    payload: ({ otherTour }) => ({ tourId: otherTour, nameZh: '矩阵主题', nameEn: 'Matrix theme' }),
  },
  'lib/actions/editing.ts#setOutletThemeAction': {
    allowed: otherStaff,
    caller: 'organizer',
    payload: ({ otherTour, targets }) => ({
      tourId: otherTour,
      outletId: targets.otherOutlet ?? '',
      themeId: targets.otherTheme ?? '',
      on: 'true',
    }),
  },
  'lib/actions/editing.ts#assignThemeAction': {
    allowed: otherStaff,
    caller: 'organizer',
    payload: ({ otherTour, targets }) => ({
      tourId: otherTour,
      themeId: targets.otherTheme ?? '',
      outletIds: targets.otherOutlet ?? '',
    }),
  },
  'lib/actions/editing.ts#saveCityAction': {
    allowed: staffAnywhere,
    caller: 'coordinator',
    payload: () => ({
      code: `matrix${Date.now()}`,
      nameZh: '矩阵市',
      nameEn: 'Matrix City',
      provinceZh: '四川省',
      provinceEn: 'Sichuan',
    }),
  },
  'lib/actions/editing.ts#saveSiteAction': {
    allowed: staffAnywhere,
    caller: 'coordinator',
    payload: ({ targets }) => ({
      cityId: targets.cityA ?? '',
      nameZh: '矩阵馆',
      nameEn: `Matrix hall ${Date.now()}`,
      opensAt: '09:00',
      closesAt: '17:00',
      closedWeekdays: '1',
      closures: '2025-07-20 holiday',
    }),
  },
  'lib/actions/editing.ts#archiveSiteAction': {
    allowed: staffAnywhere,
    caller: 'coordinator',
    payload: ({ targets }) => ({ siteId: targets.unusedSite ?? '' }),
  },
  'lib/actions/editing.ts#setTravelTimeAction': {
    allowed: staffAnywhere,
    caller: 'coordinator',
    payload: ({ targets }) => ({
      fromCityId: targets.cityA ?? '',
      toCityId: targets.cityB ?? '',
      minutes: '150',
    }),
  },
};

/** A digest of every table an action could write; refusals are allowed to touch only the logs. */
let fingerprintQuery = '';
async function fingerprint(): Promise<string> {
  if (!sql) throw new Error('no database');
  if (!fingerprintQuery) {
    const tables = await sql<{ name: string }[]>`
      select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'
        and table_name not in ('audit_log', 'login_attempts', 'user_sessions')
      order by table_name`;
    // One statement for all tables: the digest is taken hundreds of times.
    fingerprintQuery = `select ${tables
      .map(
        ({ name }) =>
          `(select count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from "${name}" t) as "${name}"`,
      )
      .join(', ')}`;
  }
  const [row] = await sql.unsafe(fingerprintQuery);
  return JSON.stringify(row);
}

async function auditRows(): Promise<{ id: number; size: number }[]> {
  if (!sql) throw new Error('no database');
  return sql<{ id: number; size: number }[]>`
    select id::int as id, length(coalesce(detail::text, '') || coalesce(target, '') || coalesce(actor_email, ''))::int as size
    from audit_log order by id`;
}

async function userIds(): Promise<Record<string, string>> {
  if (!sql) throw new Error('no database');
  const rows = await sql<{ id: string; email: string }[]>`select id, email from users`;
  // Rows of the other tour (and reference rows) that the editing actions' valid calls change.
  const [other] = await sql<
    { id: string; name: string; nameZh: string; startDate: string; endDate: string }[]
  >`
    select t.id, t.name_en as name, t.name_zh as "nameZh", t.start_date::text as "startDate",
      t.end_date::text as "endDate" from tours t join tour_staff ts on ts.tour_id = t.id
    join users u on u.id = ts.user_id where u.email = ${emails.otherCoordinator}`;
  const one = async (q: Promise<{ id: string }[]>) => (await q).map((r) => r.id);
  const tourId = other?.id ?? '';
  const outletIds = await one(
    sql`select id from outlets where tour_id = ${tourId} and archived_at is null order by name_en limit 2`,
  );
  const delegateIds = await one(sql`
    select d.id from delegates d left join users u on u.delegate_id = d.id
    where d.tour_id = ${tourId} and d.archived_at is null and u.id is null order by d.passport_name limit 2`);
  const [group] = await one(sql`select id from groups where tour_id = ${tourId} limit 1`);
  const [theme] = await one(sql`select id from coverage_themes where tour_id = ${tourId} limit 1`);
  const cityIds = await one(sql`select id from cities order by code limit 2`);
  // A site no visit uses if there is one; archiving keeps visits where they are either way.
  const [unusedSite] = await one(sql`
    select s.id from sites s where s.archived_at is null
    order by exists (select 1 from visits v where v.site_id = s.id), s.name_en desc limit 1`);
  // Rows nothing depends on, made for the delete actions' valid calls (a fresh set each time).
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const [deletableOutlet] = await one(sql`
    insert into outlets (tour_id, name_zh, name_en, country_code, media_type)
    values (${tourId}, ${`可删 ${stamp}`}, ${`Deletable ${stamp}`}, 'MY', 'online') returning id`);
  const [deletableDelegate] = await one(sql`
    insert into delegates (tour_id, outlet_id, passport_name)
    values (${tourId}, ${outletIds[0] ?? ''}, ${`DELETABLE ${stamp}`}) returning id`);
  const [deletableSite] = await one(sql`
    insert into sites (city_id, name_zh, name_en)
    values (${cityIds[0] ?? ''}, ${`可删 ${stamp}`}, ${`Deletable ${stamp}`}) returning id`);
  return {
    ...Object.fromEntries(rows.map((r) => [r.email, r.id])),
    deletableOutlet: deletableOutlet ?? '',
    deletableDelegate: deletableDelegate ?? '',
    deletableSite: deletableSite ?? '',
    otherTourName: other?.name ?? '',
    otherTourNameZh: other?.nameZh ?? '',
    otherTourStart: other?.startDate ?? '',
    otherTourEnd: other?.endDate ?? '',
    otherOutlet: outletIds[0] ?? '',
    otherOutlet2: outletIds[1] ?? '',
    otherDelegate: delegateIds[0] ?? '',
    otherDelegate2: delegateIds[1] ?? '',
    otherGroup: group ?? '',
    otherTheme: theme ?? '',
    cityA: cityIds[0] ?? '',
    cityB: cityIds[1] ?? '',
    unusedSite: unusedSite ?? '',
  };
}

const refusedCodes = ['unauthenticated', 'forbidden', 'not_found'];

test('every server action of the build refuses whoever may not call it, and writes nothing', async () => {
  test.setTimeout(600_000);
  const actions = builtActions();
  const missing = actions.map((a) => `${a.file}#${a.name}`).filter((k) => !(k in actionRules));
  expect(missing, 'server actions without a rule in the access matrix').toEqual([]);

  const ctx = await everyone();
  const ids = { ...(await discoverIds(ctx)), targets: await userIds() };
  const failures: string[] = [];
  for (const action of actions) {
    const rule = actionRules[`${action.file}#${action.name}`] as ActionRule;
    const payload = rule.payload(ids);
    const call = (c: APIRequestContext, input = payload) => invoke(c, action, rule, input);
    if (rule.allowed !== 'anyone') {
      for (const w of who.filter((x) => !(rule.allowed as Who[]).includes(x))) {
        const before = await fingerprint();
        const res = await call(ctx[w]);
        if (!res.result || res.result.ok || !refusedCodes.includes(res.result.code ?? '')) {
          failures.push(`${w} ${action.name}: ${res.status} ${res.text.slice(0, 200)}`);
        }
        if ((await fingerprint()) !== before) failures.push(`${w} ${action.name} wrote something`);
      }
    }
    // The payload is valid: the caller it is meant for succeeds.
    const caller = await signedIn(rule.caller);
    const res = await call(caller);
    if (rule.formOnly) {
      if (res.status >= 400) failures.push(`${action.name} as ${rule.caller}: ${res.status}`);
    } else if (!res.result?.ok && !res.redirect) {
      failures.push(`${action.name} as ${rule.caller}: ${res.status} ${res.text.slice(0, 300)}`);
    }
  }
  expect(failures).toEqual([]);
});

test('every server action refuses bad input with a bounded answer, no 500, nothing written, one bounded audit entry', async () => {
  test.setTimeout(600_000);
  const ctx = await everyone();
  const ids = { ...(await discoverIds(ctx)), targets: await userIds() };
  const failures: string[] = [];
  for (const action of builtActions()) {
    const rule = actionRules[`${action.file}#${action.name}`] as ActionRule;
    if (rule.formOnly) continue; // not behind the wrapper: it only ever sets its caller's cookie
    const caller =
      rule.allowed === 'anyone'
        ? ctx.anon
        : ctx[
            (rule.allowed as Who[]).includes('organizer')
              ? 'organizer'
              : ((rule.allowed as Who[])[0] ?? 'organizer')
          ];
    const payload = rule.payload(ids);
    const many: Record<string, string> = { ...payload };
    for (let i = 0; i < 2000; i++) many[`field${i}`] = 'x'.repeat(200);
    const withControls = Object.fromEntries(
      Object.entries(payload).map(([k, v]) => [k, `${v}\u0007\u0000`]),
    );
    const cases: [
      string,
      () => Promise<{
        status: number;
        text: string;
        result: { ok: boolean; code?: string } | null;
      }>,
      number | null,
    ][] = [
      ['thousands of fields', () => callAction(caller, matrixURL, action, many), 200],
      [
        'a megabyte field',
        () =>
          callAction(caller, matrixURL, action, {
            ...payload,
            [Object.keys(payload)[0] ?? 'x']: 'y'.repeat(1_100_000),
          }),
        413,
      ],
      [
        'a long field',
        () =>
          callAction(caller, matrixURL, action, {
            ...payload,
            [Object.keys(payload)[0] ?? 'x']: 'z'.repeat(30_000),
          }),
        200,
      ],
      ['control characters', () => callAction(caller, matrixURL, action, withControls), 200],
      [
        'a malformed body',
        () =>
          callAction(
            caller,
            matrixURL,
            action,
            {},
            { raw: { body: '[null,{"a":', contentType: 'text/plain;charset=UTF-8' } },
          ),
        400,
      ],
      [
        'a malformed form',
        () =>
          callAction(
            caller,
            matrixURL,
            action,
            {},
            { raw: { body: '--zz\r\nbroken', contentType: 'multipart/form-data; boundary=zz' } },
          ),
        400,
      ],
    ];
    for (const [name, run, status] of cases) {
      const before = await fingerprint();
      const auditBefore = await auditRows();
      const res = await run();
      if (res.status >= 500 || (status !== null && res.status !== status)) {
        failures.push(`${action.name} with ${name}: HTTP ${res.status}`);
      }
      if (res.status === 200 && (res.result?.ok !== false || res.result.code !== 'invalid')) {
        failures.push(`${action.name} with ${name}: ${res.text.slice(0, 200)}`);
      }
      if (res.text.length > 4_000)
        failures.push(`${action.name} with ${name}: ${res.text.length} bytes`);
      if ((await fingerprint()) !== before)
        failures.push(`${action.name} with ${name} wrote something`);
      const added = (await auditRows()).filter((r) => !auditBefore.some((b) => b.id === r.id));
      if (added.length > 1)
        failures.push(`${action.name} with ${name}: ${added.length} audit entries`);
      if (added.some((r) => r.size > 4_500))
        failures.push(
          `${action.name} with ${name}: an audit entry of ${Math.max(...added.map((r) => r.size))} characters`,
        );
    }
  }
  expect(failures).toEqual([]);
});

async function invoke(
  c: APIRequestContext,
  action: BuiltAction,
  rule: ActionRule,
  input: Record<string, string>,
) {
  if (!rule.formOnly) return callAction(c, matrixURL, action, input);
  // A form's own action is called with the FormData alone.
  const { encodeReply } = await import('./support/encode');
  const form = new FormData();
  for (const [k, v] of Object.entries(input)) form.append(k, v);
  const body = await encodeReply([form]);
  const res = await c.post(`${matrixURL}${action.page}`, {
    headers: { 'Next-Action': action.id, Accept: 'text/x-component', Origin: matrixURL },
    ...(typeof body === 'string' ? { data: body } : { multipart: body }),
    maxRedirects: 0,
  });
  return {
    status: res.status(),
    text: await res.text(),
    result: null,
    redirect: res.headers()['x-action-redirect'] ?? null,
  };
}
