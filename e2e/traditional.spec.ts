import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import * as OpenCC from 'opencc-js';
import { demoData } from '../db/seed/demo-data';
import { demoUsers } from './support/auth';
import { expect, openDemoTour, test } from './support/fixtures';

// A Traditional reader sees every page in Traditional: the interface, and the data too (stored
// Simplified, shown converted). OpenCC's own Simplified-to-Taiwan conversion changes any text
// that still has a Simplified-only character in it.
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

// Not pages of the app: Next's own, and the sign-in page (the crawl is signed in).
const notCrawled = new Set(['/_not-found', '/_global-error', '/login']);

interface Ids {
  tour: string;
  outlet: string;
  delegate: string;
  group: string;
  visit: string;
  theme: string;
  city: string;
  site: string;
}

const day = demoData.tour.startDate;

/** For each page route of the build: the addresses that show it, with real ids. */
const addresses: Record<string, (ids: Ids) => string[]> = {
  '/': () => ['/'],
  '/account/password': () => ['/account/password'],
  '/admin/users': () => ['/admin/users', '/admin/users?role=journalist'],
  '/admin/audit': () => ['/admin/audit'],
  '/admin/tours': () => ['/admin/tours'],
  '/places': (ids) => ['/places', `/places?city=${ids.city}`, `/places?site=${ids.site}`],
  '/tours/new': () => ['/tours/new'],
  '/tours/[tourId]': (ids) => [`/tours/${ids.tour}`],
  '/tours/[tourId]/settings': (ids) => [`/tours/${ids.tour}/settings`],
  '/tours/[tourId]/import': (ids) => [`/tours/${ids.tour}/import`],
  '/tours/[tourId]/outlets': (ids) => [`/tours/${ids.tour}/outlets`],
  '/tours/[tourId]/outlets/new': (ids) => [`/tours/${ids.tour}/outlets/new`],
  '/tours/[tourId]/outlets/[outletId]': (ids) => [`/tours/${ids.tour}/outlets/${ids.outlet}`],
  '/tours/[tourId]/delegates': (ids) => [
    `/tours/${ids.tour}/delegates`,
    `/tours/${ids.tour}/delegates?sort=outlet&page=2`,
  ],
  '/tours/[tourId]/delegates/new': (ids) => [`/tours/${ids.tour}/delegates/new`],
  '/tours/[tourId]/delegates/[delegateId]': (ids) => [
    `/tours/${ids.tour}/delegates/${ids.delegate}`,
  ],
  '/tours/[tourId]/delegates/[delegateId]/edit': (ids) => [
    `/tours/${ids.tour}/delegates/${ids.delegate}/edit`,
  ],
  '/tours/[tourId]/delegates/[delegateId]/itinerary': (ids) => [
    `/tours/${ids.tour}/delegates/${ids.delegate}/itinerary?day=${day}`,
  ],
  '/tours/[tourId]/groups': (ids) => [
    `/tours/${ids.tour}/groups`,
    `/tours/${ids.tour}/groups?edit=${ids.group}`,
  ],
  '/tours/[tourId]/groups/[groupId]/itinerary': (ids) => [
    `/tours/${ids.tour}/groups/${ids.group}/itinerary`,
  ],
  '/tours/[tourId]/coverage': (ids) => [
    `/tours/${ids.tour}/coverage`,
    `/tours/${ids.tour}/coverage?edit=${ids.theme}`,
  ],
  '/tours/[tourId]/programme': (ids) => [`/tours/${ids.tour}/programme?day=${day}`],
  '/tours/[tourId]/programme/list': (ids) => [
    `/tours/${ids.tour}/programme/list?day=${day}`,
    `/tours/${ids.tour}/programme/list?day=${demoData.tour.endDate}&group=A`,
  ],
  '/tours/[tourId]/programme/problems': (ids) => [`/tours/${ids.tour}/programme/problems`],
  '/tours/[tourId]/print/delegates': (ids) => [`/tours/${ids.tour}/print/delegates`],
  '/tours/[tourId]/print/itinerary/[delegateId]': (ids) => [
    `/tours/${ids.tour}/print/itinerary/${ids.delegate}`,
  ],
  '/tours/[tourId]/print/manifest/[visitId]': (ids) => [
    `/tours/${ids.tour}/print/manifest/${ids.visit}`,
  ],
};

/** The page routes of the build, from its manifest (route handlers and Next's own left out). */
function builtPages(): string[] {
  const manifest = JSON.parse(
    readFileSync('.next/app-path-routes-manifest.json', 'utf8'),
  ) as Record<string, string>;
  return Object.entries(manifest)
    .filter(([entry, route]) => entry.endsWith('/page') && !notCrawled.has(route))
    .map(([, route]) => route)
    .filter((route) => !route.startsWith('/api/'))
    .sort();
}

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** The first id in a link on the page at `path` whose address matches `pattern`. */
async function linkedId(page: Page, path: string, pattern: RegExp): Promise<string> {
  await page.goto(path);
  const hrefs = await page
    .locator('a[href]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const id = hrefs.map((h) => pattern.exec(h)?.[1]).find(Boolean);
  expect(id, `a link matching ${pattern} on ${path}`).toBeTruthy();
  return id as string;
}

async function discoverIds(page: Page, tour: string): Promise<Ids> {
  const t = `/tours/${tour}`;
  return {
    tour,
    outlet: await linkedId(page, `${t}/outlets`, new RegExp(`^${t}/outlets/(${uuid})$`)),
    delegate: await linkedId(page, `${t}/delegates`, new RegExp(`^${t}/delegates/(${uuid})$`)),
    group: await linkedId(page, `${t}/groups`, new RegExp(`/groups/(${uuid})/itinerary$`)),
    visit: await linkedId(
      page,
      `${t}/programme/list?day=${day}`,
      new RegExp(`/print/manifest/(${uuid})`),
    ),
    theme: await linkedId(page, `${t}/coverage`, new RegExp(`\\?edit=(${uuid})$`)),
    city: await linkedId(page, '/places', new RegExp(`^/places\\?city=(${uuid})`)),
    site: await linkedId(page, '/places', new RegExp(`^/places\\?site=(${uuid})`)),
  };
}

interface Found {
  /** Text read as Traditional that still has Simplified characters. */
  simplified: string[];
  /** The same, in the entries of a menu (a select's options). */
  simplifiedInMenus: string[];
  /** Chinese text marked as Simplified (lang="zh-Hans") on a Traditional page. */
  markedSimplified: string[];
}

/**
 * Every text of the page a reader meets (text nodes, the labels screen readers read, the tab's
 * title), except what is marked as another language: English names (lang="en") and the language
 * switch's own names. What a form field holds is left out: an edit form keeps what is stored.
 */
async function pageTexts(page: Page): Promise<Found> {
  const texts = await page.evaluate(() => {
    const out: { text: string; lang: string; inSwitch: boolean; inMenu: boolean }[] = [];
    const skip = 'script, style, noscript, template, textarea';
    const langOf = (el: Element) => el.closest('[lang]')?.getAttribute('lang') ?? '';
    // The language switch names each language in its own script, whatever the page's language.
    const inSwitch = (el: Element) => !!el.closest('button[name="locale"]');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (!el || !text || el.closest(skip)) continue;
      out.push({ text, lang: langOf(el), inSwitch: inSwitch(el), inMenu: !!el.closest('option') });
    }
    for (const el of document.body.querySelectorAll(
      '[aria-label], [title], [placeholder], [alt]',
    )) {
      if (el.closest(skip)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const text = el.getAttribute(name)?.trim();
        if (text) out.push({ text, lang: langOf(el), inSwitch: inSwitch(el), inMenu: false });
      }
    }
    out.push({
      text: document.title,
      lang: document.documentElement.lang,
      inSwitch: false,
      inMenu: false,
    });
    return out;
  });
  const found: Found = { simplified: [], simplifiedInMenus: [], markedSimplified: [] };
  for (const { text, lang, inSwitch, inMenu } of texts) {
    if (inSwitch) continue;
    if (lang === 'zh-Hant') {
      if (toTraditional(text) !== text)
        (inMenu ? found.simplifiedInMenus : found.simplified).push(text);
    } else if (lang.startsWith('zh') && /[\u3400-\u9fff]/.test(text)) {
      found.markedSimplified.push(`${lang}: ${text}`);
    }
  }
  return found;
}

async function readInTraditional(page: Page) {
  const tourUrl = await openDemoTour(page, demoUsers.organizer);
  await page
    .context()
    .addCookies([{ name: 'NEXT_LOCALE', value: 'zh-Hant', url: new URL(tourUrl).origin }]);
  await page.goto(tourUrl);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  return new URL(tourUrl).pathname.split('/')[2] as string;
}

test('every page of the build reads in Traditional for a Traditional reader', async ({ page }) => {
  test.setTimeout(480_000);
  const routes = builtPages();
  expect(routes.length).toBeGreaterThan(20);
  // A page added later must be given an address here, not skipped.
  expect(
    routes.filter((r) => !(r in addresses)),
    'page routes without an address in e2e/traditional.spec.ts',
  ).toEqual([]);

  const ids = await discoverIds(page, await readInTraditional(page));
  const failures: string[] = [];
  for (const route of routes) {
    for (const path of addresses[route]?.(ids) ?? []) {
      const res = await page.goto(path);
      if (!res?.ok()) {
        failures.push(`${path}: HTTP ${res?.status()}`);
        continue;
      }
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
      // What a page fetches after it loads (the board's visits) is read too. A page with a live
      // stream open never goes quiet: it is read after the wait, as it is by then.
      await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
      const { simplified, simplifiedInMenus, markedSimplified } = await pageTexts(page);
      const unique = (list: string[]) => [...new Set(list)].slice(0, 8);
      if (simplified.length) failures.push(`${path}: Simplified ${unique(simplified).join(' | ')}`);
      if (simplifiedInMenus.length)
        failures.push(`${path}: Simplified in menus ${unique(simplifiedInMenus).join(' | ')}`);
      if (markedSimplified.length)
        failures.push(`${path}: marked Simplified ${unique(markedSimplified).join(' | ')}`);
    }
  }
  expect(failures).toEqual([]);
});

test('names are shown in Traditional while edit forms keep what is stored', async ({ page }) => {
  const tour = await readInTraditional(page);
  // Data whose Traditional differs from the stored Simplified, so that the check means something.
  const converts = <T extends { nameZh: string }>(list: T[]) =>
    list.find((x) => toTraditional(x.nameZh) !== x.nameZh) as T;
  const outlet = converts(demoData.outlets);
  expect(outlet).toBeTruthy();

  await page.goto(`/tours/${tour}/outlets?q=${encodeURIComponent(outlet.nameEn)}`);
  const card = page.getByTestId('outlet').first();
  await expect(card.locator('h2 [lang="zh-Hant"]')).toHaveText(toTraditional(outlet.nameZh));
  await expect(card).not.toContainText(outlet.nameZh);

  // The outlet's page: its title in Traditional, its form with the stored Simplified name.
  await card.locator('h2 a').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(toTraditional(outlet.nameZh));
  await expect(page.locator('input[name="nameZh"]')).toHaveValue(outlet.nameZh);

  const group = converts(demoData.groups);
  await page.goto(`/tours/${tour}/groups`);
  await expect(page.locator('table').first()).toContainText(toTraditional(group.nameZh));
  await page
    .locator('tr', { hasText: toTraditional(group.nameZh) })
    .locator('a[href^="?edit="]')
    .click();
  await expect(page.locator('form input[name="nameZh"]').first()).toHaveValue(group.nameZh);

  const theme = converts(demoData.themes);
  await page.goto(`/tours/${tour}/coverage`);
  await page
    .locator('tr', { hasText: toTraditional(theme.nameZh) })
    .locator('a[href*="?edit="]')
    .first()
    .click();
  await expect(page.locator('form input[name="nameZh"]').first()).toHaveValue(theme.nameZh);
});
