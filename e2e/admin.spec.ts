import { demoData } from '../db/seed/demo-data';
import { demoUsers, loginAs } from './support/auth';
import { expect, expectAccessible, expectNoSidewaysScroll, test } from './support/fixtures';

const generatedPassword = /^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/;

test('an organizer creates a coordinator, sees the password once, and disables the account', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await loginAs(page, demoUsers.organizer);
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await expectAccessible(page);

  const email = `e2e-coordinator-${Date.now()}@example.com`;
  const form = page.getByRole('form', { name: 'Create an account' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Display name').fill('E2E Coordinator');
  await form.getByLabel('Role').selectOption({ label: 'Coordinator' });
  await form.getByRole('button', { name: 'Create account' }).click();

  const panel = page.getByTestId('credentials');
  await expect(panel.getByRole('heading', { name: `Account created for ${email}` })).toBeFocused();
  const password = (await panel.getByTestId('password').textContent()) ?? '';
  expect(password).toMatch(generatedPassword);
  await expect(panel.getByRole('button', { name: 'Print' })).toBeVisible();
  const csvLink = panel.getByRole('link', { name: 'Download CSV' });
  await expect(csvLink).toHaveAttribute('download', /\.csv$/);
  // The CSV starts with a byte-order mark (%EF%BB%BF) so that Excel reads it as UTF-8.
  expect(await csvLink.getAttribute('href')).toMatch(/^data:text\/csv;charset=utf-8,%EF%BB%BF/);
  expect(decodeURIComponent((await csvLink.getAttribute('href')) ?? '')).toContain(password);
  await expect(form.getByLabel('Email')).toHaveValue('');
  await expectAccessible(page);

  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  const card = page.getByTestId('user').filter({ hasText: email });
  await expect(card).toHaveCount(1);
  await card.getByRole('button', { name: /^Disable/ }).click();
  await expect(card.getByText('Disabled', { exact: true })).toBeVisible();
  await expect(card.getByRole('button', { name: /^Enable/ })).toBeVisible();

  // Shown once: after a reload the password is nowhere on the page.
  await page.reload();
  await expect(page.getByText(password)).toHaveCount(0);
  await expect(
    page.getByTestId('user').filter({ hasText: email }).getByText('Disabled', { exact: true }),
  ).toBeVisible();

  // A disabled account cannot sign in, even with the right password.
  const { csrfToken } = await (await request.get('/api/auth/csrf')).json();
  const signIn = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, json: 'true' },
    maxRedirects: 0,
  });
  expect(await signIn.json()).toMatchObject({ url: expect.stringContaining('error=') });
  const session = await (await request.get('/api/auth/session')).json();
  expect(session).toEqual({});

  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const entries = page.getByTestId('audit-entry').filter({ hasText: email });
  await expect(entries.filter({ hasText: 'Account created' })).toHaveCount(1);
  await expect(entries.filter({ hasText: 'Account disabled' })).toHaveCount(1);
  // In Chinese too, in words.
  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(entries.filter({ hasText: '创建账户' })).toHaveCount(1);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'English' }).click();
});

test('the delegate menu finds only the chosen tour’s delegates without an account', async ({
  page,
}) => {
  await loginAs(page, demoUsers.organizer);
  await page.goto('/admin/users');
  const form = page.getByRole('form', { name: 'Create an account' });
  await form.getByLabel('Role').selectOption({ label: 'Journalist' });
  const delegate = form.getByLabel('Delegate', { exact: true });
  await expect(delegate).toBeDisabled();
  const tour = form.getByLabel('Tour');
  const demoTour = await tour
    .locator('option', { hasText: demoData.tour.nameEn })
    .getAttribute('value');
  await tour.selectOption(demoTour ?? '');
  await expect(delegate).toBeEnabled();

  // A name typed in Chinese finds exactly that delegate of the demo tour, with its outlet.
  // (The first outlets' people include the demo journalists, who have accounts already.)
  const outlet = demoData.outlets.slice(10).find((o) => o.delegates.some((d) => d.nameZh));
  const person = outlet?.delegates.find((d) => d.nameZh);
  if (!outlet || !person?.nameZh) throw new Error('no Chinese name in the demo data');
  await form.getByLabel('Find the delegate').fill(person.nameZh);
  await expect(form.getByRole('status')).toHaveText(/1 delegate matches/);
  await expect(delegate.locator('option')).toHaveText([
    'Choose a delegate',
    `${person.nameEn} · ${outlet.nameEn}`,
  ]);
  // The demo journalists already have accounts: they are not offered.
  const linked = demoData.outlets[0]?.delegates[0];
  await form.getByLabel('Find the delegate').fill(linked?.nameEn ?? '');
  await expect(form.getByRole('status')).toHaveText(/No delegate without an account matches/);
  await expectAccessible(page);
});

test('a password reset asks first, and an organizer’s reset says so', async ({ page }) => {
  await loginAs(page, demoUsers.organizer);
  await page.goto('/admin/users?q=matrix-target-1');
  const row = page.getByTestId('user').filter({ hasText: 'matrix-target-1@example.com' });
  await row.getByRole('button', { name: /^Reset password/ }).click();
  const dialog = page.getByRole('dialog', { name: /Reset the password of matrix-target-1/ });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('password')).toHaveCount(0);
  // Nothing changed: the old password still signs in.
  const check = await page.context().browser()?.newContext();
  const probe = await check?.newPage();
  if (probe) await loginAs(probe, 'matrix-target-1@example.com');
  await check?.close();

  await row.getByRole('button', { name: /^Reset password/ }).click();
  await dialog.getByRole('button', { name: 'Reset password' }).click();
  await expect(page.getByTestId('password')).toHaveText(generatedPassword);

  // Another organizer's password may be reset too, and the dialog says what that means.
  const email = `e2e-organizer-${Date.now()}@example.com`;
  const form = page.getByRole('form', { name: 'Create an account' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Role').selectOption({ label: 'Organizer' });
  await form.getByRole('button', { name: 'Create account' }).click();
  // This account's own password (the reset's may still be on screen): the account exists now.
  await expect(
    page.getByTestId('credential').filter({ hasText: email }).getByTestId('password'),
  ).toHaveText(generatedPassword);
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await page
    .getByTestId('user')
    .getByRole('button', { name: /^Reset password/ })
    .click();
  await expect(page.getByRole('dialog')).toContainText("This is an organizer's account");
});

test('pages fit a 360 px phone without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await loginAs(page, demoUsers.organizer);
  for (const path of ['/admin/users', '/admin/audit']) {
    await page.goto(path);
    await expectNoSidewaysScroll(page, path);
  }
});

test('a coordinator gets the not-found page for the admin screens', async ({ page }) => {
  await loginAs(page, demoUsers.coordinator);
  for (const path of ['/admin/users', '/admin/audit']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
    await expect(page.getByTestId('user')).toHaveCount(0);
  }
});
