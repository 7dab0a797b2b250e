import type { Page } from '@playwright/test';
import { expect, expectAccessible, openDemoTour, test } from './support/fixtures';

// Interface text only: names of people, outlets and places carry their own lang attribute.
async function labels(page: Page) {
  return page
    .locator('h1, h2, label, button, nav a, [role="status"], dt, option')
    .evaluateAll((nodes) =>
      nodes
        .filter((n) => !n.closest('[lang]:not(html)') && !n.querySelector('[lang]'))
        .map((n) => n.textContent?.trim() ?? '')
        .filter((text) => text && !/^[\d\s·:–-]+$/.test(text)),
    );
}

test('switching to Chinese changes every visible label, and the choice persists', async ({
  page,
}) => {
  const tourUrl = await openDemoTour(page);
  for (const path of ['', '/outlets', '/programme']) {
    await page.goto(`${tourUrl}${path}`);
    const english = await labels(page);
    expect(english.length).toBeGreaterThan(5);

    await page.getByRole('button', { name: '中文' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    const chinese = await labels(page);
    expect(chinese).toHaveLength(english.length);
    const unchanged = english.filter((text, i) => text === chinese[i] && text !== 'Tourdesk');
    // The two buttons of the switch name their own language in every language.
    expect(unchanged.filter((t) => t !== 'English' && t !== '中文')).toEqual([]);
    await expectAccessible(page);

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  }
});

test('names show in the chosen language with the other script beside them', async ({ page }) => {
  const tourUrl = await openDemoTour(page);
  await page.goto(`${tourUrl}/outlets`);
  const name = page.getByTestId('outlet').first().locator('h2');
  await expect(name.locator('[lang]').first()).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(name.locator('[lang]').first()).toHaveAttribute('lang', 'zh-Hans');
  await expect(name.locator('[lang="en"]')).toHaveCount(1);
});
