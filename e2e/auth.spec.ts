import { demoData } from '../db/seed/demo-data';
import { demoPassword, demoUsers, loginAs } from './support/auth';
import { expect, expectAccessible, test } from './support/fixtures';

async function signInWithForm(
  page: import('@playwright/test').Page,
  email: string,
  password = demoPassword,
) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('an anonymous visitor is sent to sign in, then back where they were going', async ({
  page,
}) => {
  await page.goto('/tours/00000000-0000-4000-8000-000000000000/outlets?region=europe');
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectAccessible(page);

  await signInWithForm(page, demoUsers.organizer, 'not the password');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(/Sign-in failed/);

  await signInWithForm(page, demoUsers.coordinator);
  await expect(page).toHaveURL(/\/outlets\?region=europe$/);
  // That tour does not exist: the coordinator gets the same 404 as for a tour not theirs.
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
});

test('the sign-in page is in Chinese too', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await expect(page.getByLabel('电子邮箱')).toBeVisible();
  // The title follows the language too; the page's new head can land a moment after its body.
  await expect(page).toHaveTitle(/登录/);
  await expectAccessible(page);
});

test('each demo role signs in and lands on its own home', async ({ browser }) => {
  for (const [email, expectation] of [
    [demoUsers.organizer, 'Organizer'],
    [demoUsers.coordinator, 'Coordinator'],
  ] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('/login');
    await signInWithForm(page, email);
    await expect(page.getByTestId('signed-in-as')).toContainText(`${email} · ${expectation}`);
    await expect(page.getByRole('heading', { name: 'Tours', level: 1 })).toBeVisible();
    await expect(
      page.getByRole('link', { name: /Overseas Chinese Media Tour/ }).first(),
    ).toBeVisible();
    const adminLink = page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Users' });
    await expect(adminLink).toHaveCount(email === demoUsers.organizer ? 1 : 0);
    await expectAccessible(page);
    await context.close();
  }
});

test("a journalist's home is their own programme, and only theirs", async ({ page }) => {
  await page.goto('/login');
  await signInWithForm(page, demoUsers.journalist);
  await expect(page.getByRole('heading', { name: 'My programme' })).toBeVisible();
  const intro = (await page.getByText(/Your programme with Group/).textContent()) ?? '';
  const code = intro.match(/Group ([ABC])/)?.[1] ?? '';
  expect(code).not.toBe('');
  const ownVisits = demoData.visits.filter((v) => v.groups.includes(code as 'A'));
  // The tour is over: its fourteen days are folded, one line each; a day opens in full with
  // the group's visits of that day and nobody else's.
  await expect(page.locator('details.it-past li')).toHaveCount(14);
  await expectAccessible(page);
  await page.goto(`/?day=${demoData.tour.startDate}`);
  await expect(page.locator('.it-card')).toHaveCount(ownVisits.filter((v) => v.day === 1).length);
  await page.goto('/');

  // Their own profile opens; the staff pages of their tour do not.
  await page.getByRole('link', { name: 'My profile' }).click();
  await expect(page.getByText('Name in passport')).toBeVisible();
  const tourUrl = page.url().replace(/\/delegates\/.*$/, '');
  await page.goto(`${tourUrl}/programme`);
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
});

test('after a password change, a session cookie copied before it no longer works', async ({
  browser,
}) => {
  // journalist2 is used by this test alone (the access matrix runs on its own server when a
  // Postgres server is configured), and its password is put back at the end.
  const first = await browser.newContext();
  const page = await first.newPage();
  await loginAs(page, demoUsers.journalist2);
  const copied = await first.cookies();

  const second = await browser.newContext();
  await second.addCookies(copied);
  const thief = await second.newPage();
  await thief.goto('/');
  await expect(thief.getByRole('heading', { name: 'My programme' })).toBeVisible();

  const changed = 'a brand new 密码 for the tour';
  await page.goto('/account/password');
  await page.getByLabel('Current password').fill(demoPassword);
  await page.getByLabel('New password', { exact: true }).fill(changed);
  await page.getByLabel('New password again').fill(changed);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page).toHaveURL(/\/login\?changed=1/);
  await expect(page.getByRole('status')).toHaveText(/password was changed/);

  await thief.goto('/');
  await expect(thief).toHaveURL(/\/login/);

  await signInWithForm(page, demoUsers.journalist2, changed);
  await expect(page.getByRole('heading', { name: 'My programme' })).toBeVisible();
  await page.goto('/account/password');
  await page.getByLabel('Current password').fill(changed);
  await page.getByLabel('New password', { exact: true }).fill(demoPassword);
  await page.getByLabel('New password again').fill(demoPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page).toHaveURL(/\/login\?changed=1/);
  await first.close();
  await second.close();
});

test('pages carry the security headers and are never cached', async ({ page }) => {
  await loginAs(page, demoUsers.coordinator);
  const res = await page.request.get('/');
  const headers = res.headers();
  expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  expect(headers['content-security-policy']).toMatch(
    /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/,
  );
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['cache-control']).toMatch(/no-store/);
});
