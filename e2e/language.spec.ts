import type { Page } from '@playwright/test';
import * as OpenCC from 'opencc-js';
import { expect, expectAccessible, openDemoTour, test } from './support/fixtures';

// What a Traditional reader would still see as Simplified: OpenCC's own Simplified-to-Taiwan
// conversion changes any text that has a Simplified-only character left.
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

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

// The buttons of the switch name each language in its own script, whatever the page's language.
const switchNames = ['English', '简体中文', '繁體中文'];

test('switching language changes every visible label, and the choice persists', async ({
  page,
}) => {
  // Three pages in three languages, each checked by axe twice.
  test.setTimeout(180_000);
  const tourUrl = await openDemoTour(page);
  for (const path of ['', '/outlets', '/programme']) {
    await page.goto(`${tourUrl}${path}`);
    const english = await labels(page);
    expect(english.length).toBeGreaterThan(5);

    await page.getByRole('button', { name: '简体中文' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    const simplified = await labels(page);
    expect(simplified).toHaveLength(english.length);
    const unchanged = english.filter((text, i) => text === simplified[i] && text !== 'Tourdesk');
    expect(unchanged.filter((t) => !switchNames.includes(t))).toEqual([]);
    await expectAccessible(page);

    await page.getByRole('button', { name: '繁體中文' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
    const traditional = await labels(page);
    expect(traditional).toHaveLength(english.length);
    // Every label whose characters differ between the scripts reads in Traditional.
    const stillSimplified = traditional.filter(
      (text) => !switchNames.includes(text) && toTraditional(text) !== text,
    );
    expect(stillSimplified).toEqual([]);
    const differs = simplified.filter((text) => toTraditional(text) !== text);
    expect(differs.length).toBeGreaterThan(0);
    for (const text of differs) expect(traditional).not.toContain(text);
    await expectAccessible(page);

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  }
});

test.describe('a browser set to Taiwanese Chinese', () => {
  test.use({ locale: 'zh-TW' });

  test('opens the app in Traditional Chinese before anyone chooses', async ({ page }) => {
    await page.goto('/login');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('登入');
    await expect(page.getByRole('button', { name: '繁體中文' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expectAccessible(page);
  });
});

test('names show in the chosen language with the other script beside them', async ({ page }) => {
  const tourUrl = await openDemoTour(page);
  await page.goto(`${tourUrl}/outlets`);
  const name = page.getByTestId('outlet').first().locator('h2');
  await expect(name.locator('[lang]').first()).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(name.locator('[lang]').first()).toHaveAttribute('lang', 'zh-Hans');
  await expect(name.locator('[lang="en"]')).toHaveCount(1);
});
