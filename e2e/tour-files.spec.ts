import { readFileSync } from 'node:fs';
import { demoUsers, loginAs } from './support/auth';
import { expect, expectAccessible, openDemoTour, test } from './support/fixtures';

// An organizer downloads the demo tour as one file and imports it as a new tour: a copy of the
// same name is refused, a renamed one reads the same as the original on every tour page.

test('a tour downloaded as a file and imported again reads the same; a clashing name is refused', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await loginAs(page, demoUsers.organizer);
  const original = await openDemoTour(page, demoUsers.organizer);
  const originalId = original.split('/').pop() ?? '';

  await page.goto('/admin/tours');
  await expectAccessible(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`a[href="/api/tours/${originalId}/export"]`).click(),
  ]);
  const text = readFileSync((await download.path()) ?? '', 'utf8');
  const file = JSON.parse(text);
  expect(file.format).toBe('tourdesk-tour');
  expect(file.delegates.length).toBeGreaterThan(20);
  expect(text).not.toMatch(/"P\d{7}A"/); // passport numbers stay encrypted

  const importFile = async (body: string) => {
    await page.getByLabel('Tour file (.json)').setInputFiles({
      name: 'tour.json',
      mimeType: 'application/json',
      buffer: Buffer.from(body),
    });
    await page.getByRole('button', { name: 'Import' }).click();
  };
  await importFile(text);
  await expect(page.getByRole('alert').filter({ hasText: 'already exists' })).toBeVisible();
  await importFile('{"not": "a tour"}');
  await expect(page.getByRole('alert').filter({ hasText: 'not a tour file' })).toBeVisible();

  const stamp = Date.now();
  const nameEn = `Imported copy ${stamp}`;
  const nameZh = `导入副本 ${stamp}`;
  await importFile(JSON.stringify({ ...file, tour: { ...file.tour, nameEn, nameZh } }));
  await expect(page.getByRole('status').filter({ hasText: `Imported ${nameEn}` })).toBeVisible();
  await page.getByRole('link', { name: 'Open the imported tour' }).click();
  await expect(page).toHaveURL(/\/tours\/[0-9a-f-]{36}$/);
  const copyId = page.url().split('/').pop() ?? '';
  expect(copyId).not.toBe(originalId);

  // Every page of the tour, read as text with the names and ids swapped back.
  const read = async (id: string, path: string) => {
    await page.goto(`/tours/${id}${path}`);
    return ((await page.locator('main').textContent()) ?? '')
      .replaceAll(nameEn, file.tour.nameEn)
      .replaceAll(nameZh, file.tour.nameZh);
  };
  for (const path of ['', '/outlets', '/programme/list', '/delegates']) {
    expect(await read(copyId, path), path || 'overview').toBe(await read(originalId, path));
  }
});
