import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { demoData } from '../db/seed/demo-data';
import { demoUsers } from './support/auth';
import { expect, expectAccessible, openDemoTour, test } from './support/fixtures';

// Exports from the screens: the delegates list's Export menu keeps the list's filters, and the
// file that arrives holds exactly the people the list shows.

function delegatesOfRegion(region: string) {
  const countries = new Set(
    demoData.countries.filter((c) => c.region === region).map((c) => c.code),
  );
  return demoData.outlets
    .filter((o) => countries.has(o.country))
    .flatMap((o) => o.delegates)
    .map((d) => d.passportName)
    .sort();
}

async function xlsxColumn(path: string, name: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const sheet = wb.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const headerAt = (sheet.views[0] as { ySplit: number }).ySplit;
  const header = sheet.getRow(headerAt);
  let col = 0;
  header.eachCell((cell, n) => {
    if (cell.value === name) col = n;
  });
  expect(col, `column ${name}`).toBeGreaterThan(0);
  const values: string[] = [];
  for (let r = headerAt + 1; r <= sheet.rowCount; r++) {
    values.push(String(sheet.getRow(r).getCell(col).value));
  }
  return values;
}

test('an organizer filters by region and the XLSX holds exactly those delegates', async ({
  page,
}) => {
  const tourUrl = await openDemoTour(page, demoUsers.organizer);
  await page.goto(`${tourUrl}/delegates`);
  await page.getByLabel('Region').selectOption({ label: 'Europe' });
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/region=europe/);
  const expected = delegatesOfRegion('europe');
  expect(expected.length).toBeGreaterThan(0);
  await expect(page.getByTestId('delegate-count')).toContainText(String(expected.length));

  await page.getByTestId('export-menu').locator('summary').click();
  await expectAccessible(page);
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Excel (.xlsx), current filters' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    /^Walking-in-China.*_Delegation-list_\d{4}-\d{2}-\d{2}\.xlsx$/,
  );
  const names = await xlsxColumn(await download.path(), 'Name as in passport');
  expect(names.sort()).toEqual(expected);
  // No passport data unless ticked.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  expect(JSON.stringify(wb.worksheets[0]?.getSheetValues())).not.toContain('Passport number');
});

test('an organizer ticks passport numbers into the CSV; a coordinator is not offered them', async ({
  page,
  browser,
}) => {
  const tourUrl = await openDemoTour(page, demoUsers.organizer);
  await page.goto(`${tourUrl}/delegates?region=africa`);
  await page.getByTestId('export-menu').locator('summary').click();
  await page.getByRole('checkbox', { name: 'Passport number and expiry' }).check();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'CSV', exact: true }).click();
  const download = await downloading;
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
  const africa = demoData.outlets
    .filter((o) => demoData.countries.some((c) => c.code === o.country && c.region === 'africa'))
    .flatMap((o) => o.delegates);
  expect(rows.map((r) => r['Passport number']).sort()).toEqual(
    africa.map((d) => d.passportNumber).sort(),
  );
  expect(rows.map((r) => r.Phone).sort()).toEqual(africa.map((d) => d.phone).sort());

  const coordinator = await browser.newPage();
  try {
    const url = await openDemoTour(coordinator, demoUsers.coordinator);
    await coordinator.goto(`${url}/delegates`);
    await coordinator.getByTestId('export-menu').locator('summary').click();
    await expect(coordinator.getByRole('link', { name: 'CSV, current filters' })).toBeVisible();
    await expect(coordinator.getByRole('checkbox')).toHaveCount(0);
  } finally {
    await coordinator.close();
  }
});

test('each visit of the programme offers its manifest, as a file and as a print view', async ({
  page,
}) => {
  const tourUrl = await openDemoTour(page);
  await page.goto(`${tourUrl}/programme/list?day=${demoData.tour.startDate}`);
  const visit = page.getByTestId('visit').first();
  await visit.getByRole('link', { name: 'Manifest: print or download' }).click();
  // A coordinator is offered no manifest with passport data.
  await expect(page.getByRole('link', { name: /passport data/ })).toHaveCount(0);
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Manifest (.xlsx)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/_Manifest_2025-07-18_.*\.xlsx$/);
  const names = await xlsxColumn(await download.path(), 'Name as in passport');
  expect(names.length).toBeGreaterThan(0);

  await expect(page.getByTestId('print-view')).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Check-in' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Passport number' })).toHaveCount(0);
  await expect(page.locator('.print-table tbody tr')).toHaveCount(names.length);
  await expectAccessible(page);
  // The print view in the other language, whatever the app's.
  await page.goto(`${page.url()}?lang=zh`);
  await expect(page.getByRole('columnheader', { name: '签到' })).toBeVisible();
  await expect(page.getByTestId('print-view')).toHaveAttribute('lang', 'zh-Hans');
});

test('export addresses: an empty result is a file of headers, a malformed filter a 400 naming it, the calendar parses', async ({
  page,
}) => {
  const tourUrl = await openDemoTour(page, demoUsers.organizer);
  const api = tourUrl.replace('/tours/', '/api/tours/');

  const empty = await page.request.get(`${api}/exports/delegates.csv?region=narnia&lang=zh`);
  expect(empty.status()).toBe(200);
  expect(empty.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(empty.headers()['content-disposition']).toMatch(
    /^attachment; filename="[^"]+\.csv"; filename\*=UTF-8''%E8%A1%8C.*\.csv$/,
  );
  const rows = parse(await empty.body(), { bom: true }) as string[][];
  expect(rows).toHaveLength(1);
  expect(rows[0]).toContain('中文姓名');

  const bad = await page.request.get(
    `${api}/exports/delegates.xlsx?region=Europe!&date=2025-02-30`,
  );
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ error: 'invalid_query', fields: ['region', 'date'] });

  const ics = await page.request.get(`${api}/exports/programme.ics`);
  expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  const text = await ics.text();
  const { default: ICAL } = await import('ical.js');
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
  expect(events.length).toBeGreaterThan(10);
  expect(text).toMatch(/DTSTART:2025071\dT\d{6}Z/);
});

test('a ticked export is in the audit log with its filters and row count', async ({ page }) => {
  const tourUrl = await openDemoTour(page, demoUsers.organizer);
  const api = tourUrl.replace('/tours/', '/api/tours/');
  const res = await page.request.get(`${api}/exports/delegates.csv?region=oceania&dob=1`);
  expect(res.status()).toBe(200);
  const rows = parse(await res.body(), { bom: true, columns: true }) as Record<string, string>[];
  await page.goto('/admin/audit?action=export.sensitive');
  const entry = page.getByTestId('audit-entry').filter({ hasText: 'region: oceania' }).first();
  await expect(entry).toContainText('Export with passport data');
  await expect(entry).toContainText(demoUsers.organizer);
  const rowsField = entry
    .locator('dt', { hasText: /^Rows$/ })
    .locator('xpath=following-sibling::dd[1]');
  await expect(rowsField).toHaveText(String(rows.length));
});

test('who is where on a day: the Export menu narrows by city and date', async ({ page }) => {
  // The first day with a visit in Chengdu, and the groups there that day, from the demo data.
  const inChengdu = demoData.visits.filter((v) => v.city === 'chengdu');
  const day = Math.min(...inChengdu.map((v) => v.day));
  const groups = new Set(inChengdu.filter((v) => v.day === day).flatMap((v) => v.groups));
  const date = new Date(Date.parse(`${demoData.tour.startDate}T00:00:00Z`) + (day - 1) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const expected = demoData.outlets
    .flatMap((o) => o.delegates)
    .filter((d) => groups.has(d.group))
    .map((d) => d.passportName)
    .sort();
  expect(expected.length).toBeGreaterThan(0);

  const tourUrl = await openDemoTour(page);
  await page.goto(`${tourUrl}/delegates`);
  await page.getByTestId('export-menu').locator('summary').click();
  await page.getByLabel('City').selectOption({ label: 'Chengdu' });
  await page.getByLabel('Date').fill(date);
  await expectAccessible(page);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Excel (.xlsx)', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toContain(date);
  const names = await xlsxColumn(await download.path(), 'Name as in passport');
  expect(names.sort()).toEqual(expected);
});

test("an organizer's manifest page offers the passport data, and shows it when asked", async ({
  page,
}) => {
  const tourUrl = await openDemoTour(page, demoUsers.organizer);
  await page.goto(`${tourUrl}/programme/list?day=${demoData.tour.startDate}`);
  await page
    .getByTestId('visit')
    .first()
    .getByRole('link', { name: 'Manifest: print or download' })
    .click();
  await expect(page.getByRole('columnheader', { name: 'Passport number' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Print view with passport data (logged)' }).click();
  await expect(page.getByRole('columnheader', { name: 'Passport number' })).toBeVisible();
  const passports = new Set(
    demoData.outlets.flatMap((o) => o.delegates.map((d) => d.passportNumber)),
  );
  const cells = await page.locator('.print-table tbody tr td:nth-child(7)').allInnerTexts();
  expect(cells.length).toBeGreaterThan(0);
  for (const c of cells) expect(passports.has(c)).toBe(true);
});
