import { demoUsers, loginAs } from './support/auth';
import { expect, expectAccessible, test } from './support/fixtures';

const generatedPassword = /^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/;

test('an organizer creates a coordinator, sees the password once, and disables the account', async ({
  page,
  request,
}) => {
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
  await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, json: 'true' },
    maxRedirects: 0,
  });
  const session = await (await request.get('/api/auth/session')).json();
  expect(session?.user).toBeUndefined();

  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const entries = page.getByTestId('audit-entry').filter({ hasText: email });
  await expect(entries.filter({ hasText: 'user.created' })).toHaveCount(1);
  await expect(entries.filter({ hasText: 'user.disabled' })).toHaveCount(1);
  await expectAccessible(page);
});

test('the delegate menu lists only the chosen tour’s delegates without an account', async ({
  page,
}) => {
  await loginAs(page, demoUsers.organizer);
  await page.goto('/admin/users');
  const form = page.getByRole('form', { name: 'Create an account' });
  await form.getByLabel('Role').selectOption({ label: 'Journalist' });
  const delegate = form.getByLabel('Delegate', { exact: true });
  await expect(delegate).toBeDisabled();
  await form.getByLabel('Tour').selectOption({ index: 1 });
  await expect(delegate).toBeEnabled();
  expect(await delegate.locator('option').count()).toBeGreaterThan(1);
  await expectAccessible(page);
});

test('pages fit a 360 px phone without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await loginAs(page, demoUsers.organizer);
  for (const path of ['/admin/users', '/admin/audit']) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${path} overflows`).toBeLessThanOrEqual(0);
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
