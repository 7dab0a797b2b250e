import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { largeDelegateNames } from '../db/seed/large';
import { demoPassword, demoUsers } from './support/auth';
import { expect, test } from './support/fixtures';
import { client, start, stop, waitForHealth } from './support/servers';

// The app at the size it must hold: the demo tour beside a generated one of 10,000 delegates,
// 5,000 journalist accounts and 30,000 visits, on a Postgres server. Pages send one page of a
// list, not the tour, and search finds anyone, whatever page they would be on.

const port = 3216;
const origin = `http://127.0.0.1:${port}`;
const budget = 150 * 1024;
const serverUrl = process.env.TEST_DATABASE_URL ?? '';
const name = `tourdesk_large_${process.pid}`;
let server: ReturnType<typeof start> | undefined;
let tourId = '';

test.describe.configure({ mode: 'serial' });
test.skip(!serverUrl, 'needs a Postgres server (TEST_DATABASE_URL)');

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const env: Record<string, string> = {
    DATABASE_URL: url.toString(),
    NEXTAUTH_SECRET: `large-${'x'.repeat(40)}`,
    NEXTAUTH_URL: origin,
    PASSPORT_KEY: randomBytes(32).toString('base64'),
    NODE_ENV: 'production',
  };
  const seeded = spawnSync('npx', ['tsx', 'db/seed-large-cli.ts'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  expect(seeded.status, seeded.stderr).toBe(0);
  tourId = seeded.stdout.match(/\(([0-9a-f-]{36})\)/)?.[1] ?? '';
  server = start(port, env);
  await waitForHealth(port);
});

test.afterAll(async () => {
  if (server) await stop(server.child);
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});

async function page(call: ReturnType<typeof client>['call'], path: string) {
  const res = await call(path);
  expect(res.status, path).toBe(200);
  const html = await res.text();
  expect(Buffer.byteLength(html), `HTML of ${path}`).toBeLessThan(budget);
  return html;
}

test('the delegates page sends one page of 10,000 and search finds anyone by either name', async () => {
  const { call, signIn } = client(origin);
  await signIn(demoUsers.organizer, demoPassword);
  const list = `/tours/${tourId}/delegates`;
  const first = await page(call, list);
  expect(first).toContain('Page 1 of 200');
  expect(await page(call, `${list}?page=200`)).toContain('Page 200 of 200');
  // Far down the list, found by the Chinese name and by the Latin one, in any case.
  const far = largeDelegateNames(9876);
  expect(first).not.toContain(far.nameEn);
  const byChinese = await page(call, `${list}?q=${encodeURIComponent(far.nameZh)}`);
  expect(byChinese).toContain(far.nameEn);
  const byLatin = await page(call, `${list}?q=${encodeURIComponent('DELEGATE 9876')}`);
  expect(byLatin).toContain(far.nameZh);
  expect(byLatin).not.toContain(largeDelegateNames(9875).nameEn);
});

test('the users page sends one page of 5,000 accounts, and the account picker searches on demand', async () => {
  const { call, signIn } = client(origin);
  await signIn(demoUsers.organizer, demoPassword);
  const first = await page(call, '/admin/users');
  expect(first).toMatch(/Page 1 of \d+/);
  const withAccount = largeDelegateNames(9876);
  expect(await page(call, `/admin/users?q=${encodeURIComponent(withAccount.email)}`)).toContain(
    withAccount.email,
  );
  // A delegate without an account (odd numbers have none) is offered by the picker's search.
  const without = largeDelegateNames(9877);
  const res = await call(
    `/api/admin/tours/${tourId}/delegates-without-account?q=${encodeURIComponent(without.nameZh)}`,
  );
  expect(res.status).toBe(200);
  const body = await res.text();
  expect(body).toContain(without.nameEn);
  expect(body.length).toBeLessThan(budget);
});

test('the overview, outlets and programme send a page each, not the tour', async () => {
  const { call, signIn } = client(origin);
  await signIn(demoUsers.organizer, demoPassword);
  const overview = await page(call, `/tours/${tourId}`);
  expect(overview).toMatch(/476 more groups/); // 500 groups: 24 by name, a link to the rest
  expect(await page(call, `/tours/${tourId}/outlets`)).toContain('Page 1 of 8');
  // A day of every group is 2,143 visits: sent forty at a time.
  const day = await page(call, `/tours/${tourId}/programme/list?day=2026-07-20`);
  expect(day.match(/data-testid="visit"/g)).toHaveLength(40);
  expect(day).toMatch(/Page 1 of \d+/);
  // One group's day (sixty visits over fourteen days: four on the 8th day), the group typed as
  // there are too many for a menu.
  const group = await page(call, `/tours/${tourId}/programme/list?day=2026-07-20&group=G494`);
  expect(group.match(/data-testid="visit"/g)).toHaveLength(4);
  expect(group).toContain('Groups: G494');
});

test("a journalist's home sends their own itinerary, not the tour's 30,000 visits", async () => {
  const { call, signIn } = client(origin);
  await signIn(largeDelegateNames(9876).email, 'large-tour-password');
  const res = await call('/');
  expect(res.status).toBe(200);
  const home = await res.text();
  // Delegate 9,876 is in group 494 (delegates 9,861 to 9,880), which visits sixty places over
  // fourteen days: the home folds the days gone by to a line each, and a day read in full holds
  // that group's visits of the day (four on the 8th) and no other group's.
  expect(Buffer.byteLength(home)).toBeLessThan(60 * 1024);
  const day = await (await call('/?day=2026-07-20')).text();
  expect(day.match(/class="it-card/g)).toHaveLength(4);
  expect([...new Set(day.match(/<dd>G\d+<\/dd>/g))]).toEqual(['<dd>G494</dd>']);
});

test('the editing pages of the large tour send a page each (issue 9)', async () => {
  const { call, signIn } = client(origin);
  await signIn(demoUsers.organizer, demoPassword);
  const base = `/tours/${tourId}`;
  // 500 groups: the first 100 listed, the rest found by a search.
  const groups = await page(call, `${base}/groups`);
  expect(groups).toContain('The first 100 groups are shown');
  expect(await page(call, `${base}/groups?gq=G494`)).toContain('Edit group G494');
  // 400 outlets: fifty rows of the matrix at a time; counts and warnings over all of them.
  expect(await page(call, `${base}/coverage`)).toContain('Page 1 of 8');
  for (const path of ['delegates/new', 'outlets/new', 'settings', 'import']) {
    await page(call, `${base}/${path}`);
  }
  await page(call, '/places');
});
