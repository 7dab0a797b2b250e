import type { APIRequestContext, Page } from '@playwright/test';
import ICAL from 'ical.js';
import { demoData } from '../db/seed/demo-data';
import { demoUsers, loginAs } from './support/auth';
import {
  expect,
  expectAccessible,
  expectNoSidewaysScroll,
  openDemoTour,
  test,
} from './support/fixtures';

// The journalist's itinerary on a phone (390 px), in English and Chinese: what comes next, what a
// coordinator changed, the calendar file and feed, the offline copy. The demo tour is in the past,
// so the pages are read "as on" a day of it (`?day=`). The demo journalist travels in group A.

test.use({ viewport: { width: 390, height: 844 } });
test.describe.configure({ mode: 'serial' });

const dateOf = (day: number) => `2025-07-${String(17 + day).padStart(2, '0')}`;
const groupA = (day: number) =>
  demoData.visits
    .filter((v) => v.day === day && v.groups.includes('A'))
    .sort((a, b) => a.start.localeCompare(b.start));

const baseURL = () => test.info().project.use.baseURL ?? '';

async function asJournalist(page: Page, lang: 'en' | 'zh' = 'en') {
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: lang, url: baseURL() }]);
  await loginAs(page, demoUsers.journalist);
}

for (const [lang, words] of [
  ['en', { next: 'Now and next', today: 'Today', past: /days? gone by/ }],
  ['zh', { next: '正在进行和下一项', today: '今天', past: /已过去/ }],
] as const) {
  test(`${lang}: the next item comes first, the days gone by are folded, and it works by keyboard`, async ({
    page,
  }) => {
    await asJournalist(page, lang);
    const day = 3;
    const [first] = groupA(day);
    if (!first) throw new Error('no visit');
    await page.goto(`/?day=${dateOf(day)}`);
    const next = page.getByRole('region', { name: words.next });
    await expect(next).toBeVisible();
    // The first thing on the page after the headings is the first visit of that morning.
    const firstItem = page.locator('.it-card').first();
    await expect(firstItem).toContainText(lang === 'zh' ? first.titleZh : first.titleEn);
    await expect(firstItem).toContainText(first.start);
    // Both scripts of its title; today's section lists the day in full.
    await expect(firstItem).toContainText(lang === 'zh' ? first.titleEn : first.titleZh);
    await expect(page.getByRole('region', { name: new RegExp(words.today) })).toContainText(
      (lang === 'zh' ? groupA(day)[1]?.titleZh : groupA(day)[1]?.titleEn) ?? '',
    );
    // The days gone by are folded; the keyboard opens them and follows a day's link.
    const past = page.locator('details.it-past');
    await expect(past).not.toHaveAttribute('open');
    await past.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(past).toHaveAttribute('open');
    const link = past.getByRole('link').first();
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`day=${dateOf(1)}`));
    await expect(page.locator('.it-card').first()).toContainText(
      lang === 'zh' ? (groupA(1)[0]?.titleZh ?? '') : (groupA(1)[0]?.titleEn ?? ''),
    );
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    // A host can be called with a tap.
    await expect(page.locator('a[href^="tel:"]').first()).toBeVisible();
  });
}

test('a day outside the tour is no page', async ({ page }) => {
  await asJournalist(page);
  expect((await page.goto('/?day=2020-01-01'))?.status()).toBe(404);
  expect((await page.goto('/?day=yesterday'))?.status()).toBe(404);
});

test("a coordinator's move on the board is marked on the itinerary with the old time, in both languages", async ({
  page,
  browser,
}) => {
  const day = 12;
  const last = groupA(day).at(-1);
  if (!last) throw new Error('no visit');
  await asJournalist(page);
  // The journalist looks once; what changes after this is news to them.
  await page.goto('/');
  await expect(page.getByTestId('itinerary')).toBeVisible();

  const staff = await (await browser.newContext()).newPage();
  const tourUrl = await openDemoTour(staff);
  await staff.goto(`${tourUrl}/programme?day=${dateOf(day)}`);
  const block = staff
    .locator('[data-testid="board-row"][data-group="A"]')
    .getByTestId('board-visit')
    .filter({ hasText: `${last.start}–${last.end}` });
  await block.focus();
  await staff.keyboard.press('Alt+ArrowRight');
  await expect(staff.getByTestId('board-status')).toContainText('moved to');
  try {
    await page.goto(`/?day=${dateOf(day)}`);
    await expect(page.getByTestId('itinerary-changes')).toBeVisible();
    const card = page.locator('.it-card').filter({ hasText: last.titleEn }).first();
    const mark = card.getByTestId('itinerary-change');
    await expect(mark).toContainText('Moved');
    await expect(mark).toContainText(`was`);
    await expect(mark).toContainText(`${last.start}–${last.end}`);
    await expectAccessible(page);
    // The same in Chinese.
    await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'zh', url: baseURL() }]);
    await page.reload();
    const zhCard = page.locator('.it-card').filter({ hasText: last.titleZh }).first();
    await expect(zhCard.getByTestId('itinerary-change')).toContainText('时间已改');
    await expect(zhCard.getByTestId('itinerary-change')).toContainText(`原为 7月${17 + day}日`);
    await expect(zhCard.getByTestId('itinerary-change')).toContainText(`${last.start}–${last.end}`);
  } finally {
    // Put it back for the other specs that read the demo tour.
    const moved = staff
      .locator('[data-testid="board-row"][data-group="A"]')
      .getByTestId('board-visit')
      .filter({ hasText: last.titleEn })
      .first();
    await moved.focus();
    await staff.keyboard.press('Alt+ArrowLeft');
    await expect(staff.getByTestId('board-status')).toContainText(`moved to ${last.start}`);
    await staff.context().close();
  }
});

interface CalEvent {
  uid: string;
  start: number;
  status: string | null;
  summary: string;
}
function readCalendar(text: string): CalEvent[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c);
    return {
      uid: e.uid,
      start: e.startDate.toJSDate().getTime(),
      status: (c.getFirstPropertyValue('status') as string | null) ?? null,
      summary: e.summary,
    };
  });
}

async function cardsOf(page: Page) {
  return page.locator('.it-card').evaluateAll((items) =>
    items.map((li) => ({
      id: li.getAttribute('data-visit') ?? '',
      start: new Date(li.querySelector('time')?.getAttribute('datetime') ?? '').getTime(),
      cancelled: li.classList.contains('it-cancelled'),
    })),
  );
}

test('the .ics download and the subscription feed hold the visits of the page; a new address retires the old one', async ({
  page,
  playwright,
}) => {
  await asJournalist(page);
  const download = await page.request.get('/api/itinerary.ics');
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toContain('text/calendar');
  const text = await download.text();
  expect(text).toContain('\r\n');
  expect(text).toContain('X-WR-TIMEZONE:Asia/Shanghai');
  expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H');
  expect(text).not.toMatch(/\+86|TEL/);
  const events = readCalendar(text);
  const byUid = new Map(events.map((e) => [e.uid, e]));
  for (const day of [1, 5, 14]) {
    await page.goto(`/?day=${dateOf(day)}`);
    for (const card of await cardsOf(page)) {
      const e = byUid.get(`visit-${card.id}@tourdesk`);
      expect(e, `visit ${card.id} in the calendar`).toBeTruthy();
      expect(e?.start).toBe(card.start);
      expect(e?.status).toBe(card.cancelled ? 'CANCELLED' : 'CONFIRMED');
    }
  }

  // The subscription: made once, shown once.
  await page.goto('/');
  await page.getByText('Subscribe in your calendar app').click();
  await page.getByLabel('I will keep this address to myself').check();
  await page.getByRole('button', { name: 'Make my address' }).click();
  const first = await page.getByTestId('feed-address').inputValue();
  expect(first).toMatch(/\/api\/feeds\/[A-Za-z0-9_-]{43}\.ics\?lang=en$/);
  const anonymous: APIRequestContext = await playwright.request.newContext();
  try {
    const feed = await anonymous.get(first);
    expect(feed.status()).toBe(200);
    expect(readCalendar(await feed.text()).map((e) => e.uid)).toEqual(events.map((e) => e.uid));

    await page.reload();
    await page.getByText('Subscribe in your calendar app').click();
    await page.getByLabel('The old address will stop working').check();
    await page.getByRole('button', { name: 'Make a new address' }).click();
    const second = await page.getByTestId('feed-address').inputValue();
    expect(second).not.toBe(first);
    expect((await anonymous.get(first)).status()).toBe(404);
    expect((await anonymous.get(second)).status()).toBe(200);
    expect(
      (await anonymous.get(second.replace(/[A-Za-z0-9_-]{5}\.ics/, 'AAAAA.ics'))).status(),
    ).toBe(404);
  } finally {
    await anonymous.dispose();
  }
  await expectAccessible(page);
});

test('after one visit the itinerary opens without a network, saying when it was last updated', async ({
  page,
  context,
}) => {
  await asJournalist(page);
  await page.goto('/');
  await expect(page.getByTestId('itinerary')).toBeVisible();
  // The worker is in charge and holds the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    for (let i = 0; i < 50; i++) {
      const cache = await caches.open('itinerary');
      if (await cache.match('/')) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the itinerary was not kept');
  });
  await expect(page.getByTestId('itinerary').locator('[data-offline-note]')).toBeHidden();
  await context.setOffline(true);
  try {
    await page.reload();
    await expect(page.getByTestId('itinerary')).toBeVisible();
    await expect(page.locator('[data-offline-note]')).toBeVisible();
    await expect(page.locator('[data-offline-note]')).toContainText('Offline — last updated');
  } finally {
    await context.setOffline(false);
  }
  // Signing out empties the kept copy.
  await page.reload();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(
    await page.evaluate(
      async () =>
        (await caches.keys()).includes('itinerary') &&
        !!(await (await caches.open('itinerary')).match('/')),
    ),
  ).toBe(false);
});

test('staff open a delegate’s and a group’s itinerary read-only from the profile and the groups page', async ({
  page,
}) => {
  const tourUrl = await openDemoTour(page);
  await page.goto(`${tourUrl}/groups`);
  await page.getByRole('link', { name: 'Itinerary of A' }).click();
  await expect(page.getByTestId('view-as')).toBeVisible();
  await expect(page.getByTestId('itinerary')).toBeVisible();
  await page.goto(`${tourUrl}/delegates`);
  await page.locator('table.data-table tbody a').first().click();
  await page.getByRole('link', { name: 'Itinerary', exact: true }).click();
  await expect(page).toHaveURL(/\/delegates\/[0-9a-f-]{36}\/itinerary$/);
  await expect(page.getByTestId('view-as')).toBeVisible();
  // No feed, no subscription form, nothing to change here.
  await expect(page.getByRole('button')).not.toContainText(['Make my address']);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Print' }).click();
  await expect(page.getByTestId('print-view')).toBeVisible();
  await expectAccessible(page);
});
