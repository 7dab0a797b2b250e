import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import * as OpenCC from 'opencc-js';
import { demoData } from '../db/seed/demo-data';
import { demoUsers, loginAs } from './support/auth';
import { expect, expectAccessible, openDemoTour, test } from './support/fixtures';

// A Traditional reader's itinerary, calendar and delegation list: names of outlets and sites,
// stored in Simplified, come out in Traditional; what is stored does not change.

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const zhHantExports = JSON.parse(readFileSync('messages/exports/zh-Hant.json', 'utf8')) as {
  columns: Record<string, string>;
};
/** Text with no Simplified-only character left: OpenCC finds nothing to convert. */
const readsTraditional = (text: string) => toTraditional(text) === text;

const baseURL = () => test.info().project.use.baseURL ?? '';
async function readingIn(page: Page, lang: string) {
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: lang, url: baseURL() }]);
}

const dateOf = (day: number) => `2025-07-${String(17 + day).padStart(2, '0')}`;
const groupA = (day: number) =>
  demoData.visits
    .filter((v) => v.day === day && v.groups.includes('A'))
    .sort((a, b) => a.start.localeCompare(b.start));

test('the itinerary shows titles and sites in Traditional, with no Simplified left', async ({
  page,
}) => {
  await readingIn(page, 'zh-Hant');
  await loginAs(page, demoUsers.journalist);
  const day = 3;
  await page.goto(`/?day=${dateOf(day)}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  const [first] = groupA(day);
  if (!first) throw new Error('no visit');
  const firstItem = page.locator('.it-card').first();
  // The stored Simplified title differs from its Traditional form: the page shows the latter.
  expect(toTraditional(first.titleZh)).not.toBe(first.titleZh);
  await expect(firstItem).toContainText(toTraditional(first.titleZh));
  await expect(firstItem).not.toContainText(first.titleZh);
  // All Chinese on the page, labels and data alike, reads in Traditional.
  const text = await page.locator('main').evaluate((main) =>
    [...main.querySelectorAll<HTMLElement>('*')]
      .filter((el) => !el.closest('[lang]:not([lang="zh-Hant"]):not(html)'))
      .flatMap((el) =>
        [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent),
      )
      .join('\n'),
  );
  const left = text.split('\n').filter((line) => line.trim() && !readsTraditional(line));
  expect(left).toEqual([]);
  await expectAccessible(page);
});

interface CalEvent {
  uid: string;
  summary: string;
  location: string;
}
function readCalendar(text: string): CalEvent[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c);
    return { uid: e.uid, summary: e.summary, location: e.location ?? '' };
  });
}

test('the calendar file for a Traditional reader has the same visits, named in Traditional', async ({
  page,
}) => {
  await loginAs(page, demoUsers.journalist);
  const [simplified, traditional] = await Promise.all(
    ['zh', 'zh-Hant'].map(async (lang) => {
      const res = await page.request.get(`/api/itinerary.ics?lang=${lang}`);
      expect(res.status()).toBe(200);
      return readCalendar(await res.text());
    }),
  );
  expect(traditional?.length).toBeGreaterThan(10);
  expect(traditional?.map((e) => e.uid)).toEqual(simplified?.map((e) => e.uid));
  for (const [i, e] of (traditional ?? []).entries()) {
    const s = simplified?.[i];
    expect(e.summary).toBe(toTraditional(s?.summary ?? ''));
    expect(e.location).toBe(toTraditional(s?.location ?? ''));
  }
  // Sites and titles that are written differently in the two scripts are among them.
  expect(traditional?.some((e, i) => e.location !== simplified?.[i]?.location)).toBe(true);
});

async function xlsxRows(buffer: Buffer): Promise<Record<string, string>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const headerAt = (sheet.views[0] as { ySplit: number }).ySplit;
  const names: string[] = [];
  sheet.getRow(headerAt).eachCell((cell, n) => {
    names[n] = String(cell.value);
  });
  const rows: Record<string, string>[] = [];
  for (let r = headerAt + 1; r <= sheet.rowCount; r++) {
    const row: Record<string, string> = {};
    sheet.getRow(r).eachCell((cell, n) => {
      row[names[n] ?? String(n)] = String(cell.value);
    });
    rows.push(row);
  }
  return rows;
}

test('the delegation list in Traditional names outlets in Traditional', async ({ page }) => {
  const tourUrl = await openDemoTour(page, demoUsers.organizer);
  const api = tourUrl.replace('/tours/', '/api/tours/');
  const [simplified, traditional] = await Promise.all(
    ['zh', 'zh-Hant'].map(async (lang) => {
      const res = await page.request.get(`${api}/exports/delegates.xlsx?lang=${lang}`);
      expect(res.status()).toBe(200);
      return xlsxRows(await res.body());
    }),
  );
  const outlet = zhHantExports.columns.outlet ?? '';
  expect(outlet).toBe('媒體');
  expect(traditional).toHaveLength(simplified?.length ?? -1);
  const outlets = (traditional ?? []).map((r) => r[outlet] ?? '');
  expect(outlets.every(readsTraditional)).toBe(true);
  // The same outlets as the Simplified list, each in Traditional, and some do differ.
  expect(outlets).toEqual((simplified ?? []).map((r) => toTraditional(r.媒体 ?? '')));
  const stored = new Set(demoData.outlets.map((o) => o.nameZh));
  expect(outlets.some((name) => !stored.has(name))).toBe(true);
});

test('the board shows titles in Traditional while its form keeps what is stored', async ({
  page,
}) => {
  await readingIn(page, 'zh-Hant');
  const tourUrl = await openDemoTour(page);
  await page.goto(`${tourUrl}/programme?day=${dateOf(3)}`);
  const [visit] = groupA(3);
  if (!visit) throw new Error('no visit');
  const block = page
    .locator('[data-testid="board-row"][data-group="A"]')
    .getByTestId('board-visit')
    .filter({ hasText: `${visit.start}–${visit.end}` });
  await expect(block).toContainText(toTraditional(visit.titleZh));
  await block.click();
  const dialog = page.getByRole('dialog');
  // Saving the form unchanged must not rewrite the stored Simplified title in Traditional.
  await expect(dialog.locator('input[name="titleZh"]')).toHaveValue(visit.titleZh);
  // The menus it picks from are names, shown in the reader's script.
  const sites = await dialog.locator('select[name="siteId"] option').allTextContents();
  expect(sites.length).toBeGreaterThan(5);
  expect(sites.filter((s) => !readsTraditional(s))).toEqual([]);
  await expectAccessible(page);
});
