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

/** Fails when the page scrolls sideways (at the test's viewport). */
export async function expectNoSidewaysScroll(page: Page, what = page.url()) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${what} scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
}

// React's production build logs hydration failures only as minified error numbers: 418 (text or
// markup mismatch), 419, 421, 422, 423 and 425 (recoverable render errors around hydration). The
// development wording is matched too.
const hydrationError =
  /Minified React error #(418|419|421|422|423|425)\b|Hydration failed|did not match|hydrat(ion|ing) (error|mismatch)/i;

// biome-ignore lint/suspicious/noConfusingVoidType: Playwright's own type for a fixture that yields nothing
export const test = base.extend<{ consoleMessages: string[]; hydrationGuard: void }>({
  consoleMessages: async ({ page }, use) => {
    const messages: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') messages.push(msg.text());
    });
    page.on('pageerror', (err) => messages.push(err.message));
    await use(messages);
  },
  // Every page every test visits, in every browser context the test opens, is checked for a
  // hydration mismatch: the test fails after it ran if React reported one.
  hydrationGuard: [
    async ({ context, browser }, use, testInfo) => {
      const seen: string[] = [];
      const watch = (p: Page) => {
        p.on('console', (msg) => {
          if (msg.type() === 'error' && hydrationError.test(msg.text()))
            seen.push(`${p.url()}: ${msg.text()}`);
        });
        p.on('pageerror', (err) => {
          if (hydrationError.test(err.message)) seen.push(`${p.url()}: ${err.message}`);
        });
      };
      const follow = (c: typeof context) => {
        c.pages().forEach(watch);
        c.on('page', watch);
      };
      follow(context);
      // Contexts a test opens itself (a second user, a copied cookie) are watched as well.
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const opened = await newContext(...args);
        follow(opened);
        return opened;
      };
      try {
        await use();
      } finally {
        browser.newContext = newContext;
      }
      if (testInfo.status === testInfo.expectedStatus) {
        expect(seen, 'React reported a hydration mismatch').toEqual([]);
      }
    },
    { auto: true },
  ],
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
