import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { demoUsers, loginAs } from './auth';

/** Fails the test when axe finds any WCAG A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, 'axe violations').toEqual([]);
}

/** Every page records its console, so tests can assert React logged no hydration mismatch. */
export const test = base.extend<{ consoleMessages: string[] }>({
  consoleMessages: async ({ page }, use) => {
    const messages: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') messages.push(msg.text());
    });
    page.on('pageerror', (err) => messages.push(err.message));
    await use(messages);
  },
});

export { expect };

/** Signs in as the demo tour's coordinator (unless a session exists) and opens the tour. */
export async function openDemoTour(page: Page, as: string = demoUsers.coordinator) {
  const session = await (await page.request.get('/api/auth/session')).json();
  if (!session?.user) await loginAs(page, as);
  await page.goto('/');
  await page
    .getByRole('link', { name: /Overseas Chinese Media Tour/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/tours\/[0-9a-f-]{36}$/);
  return page.url();
}
