import { demoData } from '../db/seed/demo-data';
import { expect, expectAccessible, openDemoTour, test } from './support/fixtures';

test.describe('in a browser on Los Angeles time', () => {
  test.use({ timezoneId: 'America/Los_Angeles' });

  test('the programme shows 14 days with times on the tour clock and hydrates cleanly', async ({
    page,
  }) => {
    const tourUrl = await openDemoTour(page);
    await page.goto(`${tourUrl}/programme/list`);
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
      'America/Los_Angeles',
    );

    // One day at a time (the first, as the tour is not running), with all fourteen to choose.
    const dayLinks = page.getByRole('navigation', { name: 'Choose a day' }).getByRole('link');
    await expect(dayLinks).toHaveCount(14);
    await expect(dayLinks.first()).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('day')).toHaveCount(1);
    await expect(page.getByTestId('day').getByRole('heading', { level: 2 })).toHaveText(
      /Day 1 · Friday 18 July/,
    );

    // What the coordinator typed as Chongqing wall-clock times is what the browser shows.
    for (const day of [1, 7, 14]) {
      await dayLinks.nth(day - 1).click();
      const shownDay = page.getByTestId('day');
      await expect(shownDay.getByRole('heading', { level: 2 })).toHaveText(
        new RegExp(`^Day ${day} · `),
      );
      const expected = [
        ...new Set(demoData.visits.filter((v) => v.day === day).map((v) => v.start)),
      ].sort();
      const shown = await shownDay.getByTestId('visit-start').allTextContents();
      expect([...new Set(shown)].sort()).toEqual(expected);
    }
    await expect(page.getByTestId('day').getByRole('heading', { level: 2 })).toHaveText(
      /Day 14 · Thursday 31 July/,
    );

    // Client components hydrate on a browser in another zone: the shared fixture fails the test
    // on any hydration mismatch React reports.
    await page.getByRole('link', { name: 'Group A' }).click();
    await expect(page).toHaveURL(/group=A/);
    await expectAccessible(page);
  });
});

test('the group filter shows only that group, shared events included', async ({ page }) => {
  const tourUrl = await openDemoTour(page);
  await page.goto(`${tourUrl}/programme/list?group=B`);
  await expect(page.getByRole('link', { name: 'Group B' })).toHaveAttribute('aria-current', 'page');
  const onDay = (day: number) =>
    demoData.visits.filter((v) => v.day === day && v.groups.includes('B')).length;
  await expect(page.getByTestId('visit')).toHaveCount(onDay(1));
  // Choosing another day keeps the group.
  await page.getByRole('navigation', { name: 'Choose a day' }).getByRole('link').nth(7).click();
  await expect(page).toHaveURL(/group=B/);
  await expect(page.getByTestId('visit')).toHaveCount(onDay(8));
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
