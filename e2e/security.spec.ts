import { request as playwrightRequest } from '@playwright/test';
import { callAction, findAction } from './support/actions';
import { demoPassword, demoUsers, loginAs } from './support/auth';
import { expect, expectAccessible, test } from './support/fixtures';

// What a probe from outside found (issue 6), each checked the way the attacker did it.

async function signInWithForm(
  page: import('@playwright/test').Page,
  email: string,
  password: string,
) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test.describe('after signing in, the browser stays on this site', () => {
  for (const target of [
    '/\\evil.example/',
    '/\t/evil.example/',
    '//evil.example/',
    'https://evil.example/x',
    '/\n/evil.example',
  ]) {
    test(`callbackUrl ${JSON.stringify(target)} goes home`, async ({ page, baseURL }) => {
      await page.goto(`/login?callbackUrl=${encodeURIComponent(target)}`);
      await signInWithForm(page, demoUsers.coordinator, demoPassword);
      await expect(page.getByRole('heading', { level: 1, name: 'Tours' })).toBeVisible();
      expect(new URL(page.url()).origin).toBe(new URL(baseURL ?? '').origin);
      expect(new URL(page.url()).pathname).toBe('/');
    });
  }

  test('a callbackUrl on this site is kept, query and fragment included', async ({ page }) => {
    await page.goto(`/login?callbackUrl=${encodeURIComponent('/account/password?x=1#top')}`);
    await signInWithForm(page, demoUsers.coordinator, demoPassword);
    await expect(page).toHaveURL(/\/account\/password\?x=1#top$/);
  });
});

test('signing out ends the session on the server: a saved cookie no longer works', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, demoUsers.organizer);
  const saved = await context.cookies();
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);

  // The cookie saved before signing out, replayed from elsewhere.
  const thief = await browser.newContext();
  await thief.addCookies(saved);
  const session = await (await thief.request.get('/api/auth/session')).json();
  expect(session).toEqual({});
  const again = await (await thief.request.get('/api/auth/session')).json();
  expect(again).toEqual({}); // and it is not renewed either
  const home = await thief.request.get('/', { maxRedirects: 0 });
  expect(home.status()).toBe(307);
  const create = findAction('lib/actions/users.ts', 'createUserAction');
  const attempt = await callAction(thief.request, baseURL ?? '', create, {
    email: `replayed-${Date.now()}@example.com`,
    role: 'organizer',
  });
  expect(attempt.result).toMatchObject({ ok: false, code: 'unauthenticated' });
  await thief.close();
  await context.close();
});

test('a flood of refused calls writes one bounded entry and echoes nothing', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const origin = baseURL ?? '';
  const create = findAction('lib/actions/users.ts', 'createUserAction');
  // A journalist calls an organizer's action with 1,000 field names of 900 characters.
  const journalist = await browser.newContext();
  const jp = await journalist.newPage();
  await loginAs(jp, demoUsers.journalist);
  const marker = 'x'.repeat(880);
  const fields: Record<string, string> = {};
  for (let i = 0; i < 1000; i++) fields[`${marker}${String(i).padStart(20, '0')}`] = 'v';
  const flooded = await callAction(journalist.request, origin, create, fields);
  expect(flooded.result).toMatchObject({ ok: false, code: 'forbidden' });
  expect(flooded.text.length).toBeLessThan(2_000);
  expect(flooded.text).not.toContain(marker);

  // 250 anonymous calls in a row.
  const anon = await playwrightRequest.newContext({ baseURL: origin });
  const results = await Promise.all(
    Array.from({ length: 250 }, () =>
      callAction(anon, origin, create, { email: 'a@example.com', role: 'organizer' }),
    ),
  );
  expect(results.every((r) => r.result?.code === 'unauthenticated')).toBe(true);
  await anon.dispose();

  // The organizer's audit page still shows real events on its first page, the flood as one
  // entry counted, and no entry carries the flooded field names.
  await loginAs(page, demoUsers.organizer);
  await page.goto('/admin/audit');
  const entries = page.getByTestId('audit-entry');
  await expect(entries.filter({ hasText: 'Signed in' }).first()).toBeVisible();
  const flood = entries.filter({ hasText: 'Action refused' }).filter({ hasText: 'not signed in' });
  await expect(flood.first()).toContainText(/\d+ times/);
  const html = await page.content();
  expect(html).not.toContain(marker);
  expect(html.length).toBeLessThan(400_000);
  await expectAccessible(page);
  await journalist.close();
});

test('the client address comes from the connection, not from X-Forwarded-For', async ({
  page,
  baseURL,
}) => {
  const probe = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.77' },
  });
  const { csrfToken } = await (await probe.get('/api/auth/csrf')).json();
  await probe.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: 'nobody-forwarded@example.com', password: 'wrong', json: 'true' },
  });
  await probe.dispose();
  await loginAs(page, demoUsers.organizer);
  await page.goto('/admin/audit?user=nobody-forwarded');
  const entry = page.getByTestId('audit-entry').first();
  await expect(entry).toContainText('Failed sign-in');
  await expect(entry).not.toContainText('203.0.113.77');
  await expect(entry).toContainText('127.0.0.1');
});

test('a NUL byte or a __proto__ field is refused by name, not a server error', async ({
  page,
  baseURL,
}) => {
  await loginAs(page, demoUsers.organizer);
  const create = findAction('lib/actions/users.ts', 'createUserAction');
  const email = `nul-${Date.now()}@example.com`;
  const nul = await callAction(page.request, baseURL ?? '', create, {
    email,
    displayName: 'Li\u0000Wei',
    role: 'coordinator',
  });
  expect(nul.status).toBe(200);
  expect(nul.result).toMatchObject({ ok: false, code: 'invalid' });
  expect(nul.result?.fieldErrors?.displayName?.[0]).toMatch(
    /Display name contains invisible control characters/,
  );
  // An own property named __proto__, as a form field arrives (an object literal would not do).
  const fields = JSON.parse('{"__proto__":"polluted"}') as Record<string, string>;
  const proto = await callAction(page.request, baseURL ?? '', create, {
    ...fields,
    email,
    role: 'coordinator',
  });
  expect(proto.result).toMatchObject({ ok: false, code: 'invalid' });
  expect(proto.result?.message).toMatch(/1 field it does not have/);
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await expect(page.getByTestId('user')).toHaveCount(0);
});

test('60 journalists sign in from one hotel network while one of them mistypes', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  // The organizer makes accounts for every delegate of the fixture tour, as in the app.
  await loginAs(page, demoUsers.organizer);
  await page.goto('/admin/users');
  const bulk = page.getByRole('region', { name: "Accounts for a tour's delegates" });
  const select = bulk.getByLabel('Tour');
  const value = await select.locator('option', { hasText: 'fixture' }).getAttribute('value');
  await select.selectOption(value ?? '');
  await bulk.getByRole('button', { name: 'Create accounts for all delegates' }).click();
  const csv = page.getByRole('link', { name: 'Download CSV' });
  await expect(csv).toBeVisible({ timeout: 60_000 });
  const rows = decodeURIComponent((await csv.getAttribute('href')) ?? '')
    .split('\r\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split(','));
  const accounts = rows.map((r) => ({ email: r[3] ?? '', password: r[4] ?? '' }));
  expect(accounts.length).toBeGreaterThanOrEqual(60);
  const [typo, ...others] = accounts.slice(0, 60);
  if (!typo) throw new Error('no accounts');

  const signIn = async (email: string, password: string) => {
    const ctx = await playwrightRequest.newContext({ baseURL });
    const { csrfToken } = await (await ctx.get('/api/auth/csrf')).json();
    await ctx.post('/api/auth/callback/credentials', {
      form: { csrfToken, email, password, json: 'true' },
    });
    const session = await (await ctx.get('/api/auth/session')).json();
    await ctx.dispose();
    return session?.user?.email ?? null;
  };
  const mistakes = (async () => {
    for (let i = 0; i < 10; i++) expect(await signIn(typo.email, `wrong-${i}`)).toBeNull();
  })();
  const signedIn = await Promise.all(others.map((a) => signIn(a.email, a.password)));
  await mistakes;
  expect(signedIn).toEqual(others.map((a) => a.email));

  // The one who mistyped is told plainly, even with the right password now.
  const context = await browser.newContext();
  const typoPage = await context.newPage();
  await typoPage.goto('/login');
  await signInWithForm(typoPage, typo.email, typo.password);
  await expect(typoPage.getByRole('main').getByRole('alert')).toHaveText(
    /Too many failed sign-ins for this account\. Try again in \d+ minutes?\./,
  );
  await context.close();
});

test("a refused form names each field by its label, in the reader's language", async ({
  page,
  baseURL,
}) => {
  await loginAs(page, demoUsers.journalist);
  const change = findAction('lib/actions/account.ts', 'changePasswordAction');
  const english = await callAction(page.request, baseURL ?? '', change, {
    current: 'x',
    next: 'short',
    confirm: 'short',
  });
  expect(english.result?.fieldErrors?.next).toEqual(['New password needs at least 10 characters.']);
  expect(english.result?.message).toBe('Check New password.');
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'zh', url: baseURL ?? '' }]);
  const chinese = await callAction(page.request, baseURL ?? '', change, {
    current: 'x',
    next: 'short',
    confirm: 'short',
  });
  expect(chinese.result?.fieldErrors?.next).toEqual(['新密码至少需要 10 个字符。']);
  expect(chinese.result?.message).toBe('请检查：新密码。');
});
