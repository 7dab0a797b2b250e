import { expect, expectAccessible, openDemoTour, test } from './support/fixtures';

test('the outlet list shows all 26 outlets and filters by region and country', async ({ page }) => {
  const tourUrl = await openDemoTour(page);
  await expectAccessible(page);

  await page
    .getByRole('navigation', { name: 'Tour sections' })
    .getByRole('link', { name: 'Outlets' })
    .click();
  await expect(page).toHaveURL(`${tourUrl}/outlets`);
  const outlets = page.getByTestId('outlet');
  await expect(outlets).toHaveCount(26);
  await expect(page.getByRole('status')).toHaveText('26 outlets');
  await expectAccessible(page);

  await page.getByLabel('Region').selectOption({ label: 'Europe' });
  await expect(page).toHaveURL(/region=europe/);
  const europe = await outlets.count();
  expect(europe).toBeGreaterThan(0);
  expect(europe).toBeLessThan(26);
  for (const text of await outlets.allInnerTexts()) expect(text).toContain('Europe');

  // Narrow to one country of that region: the list shrinks to that country only.
  const country = page.getByLabel('Country');
  const firstCountry = (await country.locator('option').nth(1).textContent()) ?? '';
  await country.selectOption({ index: 1 });
  await expect(page).toHaveURL(/country=[A-Z]{2}/);
  for (const text of await outlets.allInnerTexts()) expect(text).toContain(firstCountry);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(outlets).toHaveCount(26);
});

test('search finds an outlet by its Chinese name and by its English name', async ({ page }) => {
  const tourUrl = await openDemoTour(page);
  await page.goto(`${tourUrl}/outlets`);
  const first = page.getByTestId('outlet').first();
  const english = (await first.locator('h2 [lang="en"]').textContent()) ?? '';
  const chinese = (await first.locator('h2 [lang="zh-Hans"]').textContent()) ?? '';
  expect(chinese).not.toBe('');

  await page.getByRole('searchbox', { name: 'Search' }).fill(chinese.slice(0, 2));
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('outlet').filter({ hasText: english })).toHaveCount(1);

  await page.getByRole('searchbox', { name: 'Search' }).fill(english.toUpperCase());
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('outlet')).toHaveCount(1);
  await expect(page.getByTestId('outlet')).toContainText(english);

  await page.getByRole('searchbox', { name: 'Search' }).fill('no such outlet anywhere');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('status')).toHaveText('No outlets match');
});
