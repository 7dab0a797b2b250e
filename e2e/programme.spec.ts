import { demoData } from '../db/seed/demo-data';
import { expect, expectAccessible, openDemoTour, test } from './support/fixtures';

test.describe('in a browser on Los Angeles time', () => {
  test.use({ timezoneId: 'America/Los_Angeles' });

  test('the programme shows 14 days with times on the tour clock and hydrates cleanly', async ({
    page,
  }) => {
    const tourUrl = await openDemoTour(page);
    await page.goto(`${tourUrl}/programme`);
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
      'America/Los_Angeles',
    );

    const days = page.getByTestId('day');
    await expect(days).toHaveCount(14);
    await expect(days.first().getByRole('heading', { level: 2 })).toHaveText(
      /Day 1 · Friday 18 July/,
    );
    await expect(days.last().getByRole('heading', { level: 2 })).toHaveText(
      /Day 14 · Thursday 31 July/,
    );

    // What the coordinator typed as Chongqing wall-clock times is what the browser shows.
    for (const day of [1, 7, 14]) {
      const expected = [
        ...new Set(demoData.visits.filter((v) => v.day === day).map((v) => v.start)),
      ].sort();
      const shown = await days
        .nth(day - 1)
        .getByTestId('visit-start')
        .allTextContents();
      expect([...new Set(shown)].sort()).toEqual(expected);
    }

    // Client components hydrate on a browser in another zone: the shared fixture fails the test
    // on any hydration mismatch React reports.
    await page.getByRole('link', { name: 'Group A' }).click();
    await expect(page).toHaveURL(/group=A/);
    await expectAccessible(page);
  });
});

test('the group filter shows only that group, shared events included', async ({ page }) => {
  const tourUrl = await openDemoTour(page);
  await page.goto(`${tourUrl}/programme?group=B`);
  await expect(page.getByRole('link', { name: 'Group B' })).toHaveAttribute('aria-current', 'page');
  const expected = demoData.visits.filter((v) => v.groups.includes('B')).length;
  await expect(page.getByTestId('visit')).toHaveCount(expected);
  await expect(
    page.getByTestId('visit').filter({ hasText: 'Groups: A, B, C' }).first(),
  ).toBeVisible();
});

test('the overview lists outlets by region and every day of the tour', async ({ page }) => {
  await openDemoTour(page);
  const regions = page.getByRole('region', { name: 'Outlets by region' }).getByRole('listitem');
  const counts = (await regions.allInnerTexts()).map((t) => Number(t.match(/(\d+)\s*$/)?.[1]));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(26);
  await expect(page.getByRole('region', { name: 'Days' }).getByRole('listitem')).toHaveCount(14);
  await page.getByRole('link', { name: /View \d+ outlets? from Europe/ }).click();
  await expect(page).toHaveURL(/outlets\?region=europe/);
  await expectAccessible(page);
});
