import { expect, expectAccessible, openDemoTour, test } from './support/fixtures';

test('every page fits a 360 px phone without sideways scrolling', async ({ page }) => {
  const tourUrl = await openDemoTour(page);
  for (const path of ['', '/outlets', '/programme']) {
    await page.goto(`${tourUrl}${path}`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${path || 'overview'} overflows`).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  }
});

test('a keyboard user can skip to the content and reach the filters', async ({ page }) => {
  const tourUrl = await openDemoTour(page);
  await page.goto(`${tourUrl}/outlets`);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await page.getByLabel('Region').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Country')).toBeFocused();
});
