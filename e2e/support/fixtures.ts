import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { demoUsers, loginAs } from './auth';

/** Fails the test when axe finds any WCAG A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  // After a client-side navigation Next streams the new page's <title> in a moment later; wait
  // for it (a page that never gets one still fails, here or in axe's document-title rule).
  await expect(page).toHaveTitle(/\S/);
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

// Pages already checked at phone width in this worker, by address with ids replaced.
const swept = new Set<string>();
const pattern = (url: string) =>
  new URL(url).pathname.replace(
    /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi,
    ':id',
  );

// biome-ignore lint/suspicious/noConfusingVoidType: Playwright's own type for a fixture that yields nothing
export const test = base.extend<{ hydrationGuard: void; phoneWidthGuard: void }>({
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
  // Every page a test visits is opened once more at 360 px, after the test, in the same session:
  // none may scroll sideways. The list is what the tests visited, not a hand-kept one.
  phoneWidthGuard: [
    async ({ context, viewport }, use, testInfo) => {
      const visited = new Map<string, string>();
      const watch = (p: Page) =>
        p.on('response', (res) => {
          const type = res.headers()['content-type'] ?? '';
          if (
            res.request().isNavigationRequest() &&
            res.request().frame() === p.mainFrame() &&
            res.status() === 200 &&
            type.startsWith('text/html')
          ) {
            visited.set(pattern(res.url()), res.url());
          }
        });
      context.pages().forEach(watch);
      context.on('page', watch);
      await use();
      if (testInfo.status !== testInfo.expectedStatus || (viewport?.width ?? 0) <= 400) return;
      const fresh = [...visited].filter(([key]) => !swept.has(key));
      if (fresh.length === 0) return;
      const phone = await context.newPage();
      try {
        await phone.setViewportSize({ width: 360, height: 740 });
        for (const [key, url] of fresh) {
          swept.add(key);
          const res = await phone.goto(url);
          if (!res?.ok()) continue; // signed out by the test, say: nothing to measure
          await expectNoSidewaysScroll(phone, `${key} at 360 px`);
        }
      } finally {
        await phone.close();
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
