import type { Page, Route } from '@playwright/test';
import { demoData } from '../db/seed/demo-data';
import { demoUsers, loginAs } from './support/auth';
import { expect, expectAccessible, test } from './support/fixtures';

// The schedule board, on the fixture tour (a copy of the demo tour with a coordinator of its own),
// so that the demo tour other tests read is never changed here. Tour day n is 17 + n July 2025.

const otherCoordinator = 'coordinator-other@example.com';
const dateOf = (day: number) => `2025-07-${String(17 + day).padStart(2, '0')}`;

test.describe.configure({ mode: 'serial' });

async function openBoard(page: Page, day: number, as = otherCoordinator) {
  await loginAs(page, as);
  await page.goto('/');
  await page.getByRole('link', { name: /\(fixture\)/ }).click();
  await expect(page).toHaveURL(/\/tours\/[0-9a-f-]{36}$/);
  await page.goto(`${page.url()}/programme?day=${dateOf(day)}`);
  await expect(page.getByRole('heading', { name: 'Schedule board' })).toBeVisible();
  // The live stream is up: changes by others will arrive.
  await expect(page.getByText('Live: changes by others appear here.')).toBeVisible();
}

const row = (page: Page, code: string) =>
  page.locator(`[data-testid="board-row"][data-group="${code}"]`);
const block = (page: Page, code: string, title: string) =>
  row(page, code).getByTestId('board-visit').filter({ hasText: title });

/** The demo visit of a group on a day that starts at a time. */
function demoVisit(day: number, group: 'A' | 'B' | 'C', start: string) {
  const v = demoData.visits.find(
    (x) => x.day === day && x.start === start && x.groups.includes(group),
  );
  if (!v) throw new Error(`no demo visit ${day} ${group} ${start}`);
  return v;
}

test('a visit dragged onto a time its group is busy is refused, naming the other visit, and goes back', async ({
  page,
}) => {
  await openBoard(page, 3);
  const busy = demoVisit(3, 'A', '09:00');
  const moving = demoVisit(3, 'A', '13:30');
  const target = block(page, 'A', `${moving.start}–${moving.end}`);
  await expect(target).toBeVisible();
  const before = await target.boundingBox();
  const timeline = await row(page, 'A').locator('ol').boundingBox();
  if (!before || !timeline) throw new Error('no layout');
  // 4 h 30 earlier: 09:00, when group A is at the other visit. 18 hours span the timeline.
  const dx = -(270 / (18 * 60)) * timeline.width;
  await page.mouse.move(before.x + 10, before.y + before.height / 2);
  await page.mouse.down();
  await page.mouse.move(before.x + 10 + dx / 2, before.y + before.height / 2, { steps: 5 });
  await page.mouse.move(before.x + 10 + dx, before.y + before.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId('board-refusal')).toHaveText(
    `Group A is already at ${busy.titleEn} from ${busy.start} to ${busy.end}.`,
  );
  // Rolled back: the visit is where it was, with its times.
  await expect(target).toBeVisible();
  await expect.poll(async () => (await target.boundingBox())?.x).toBeCloseTo(before.x, 0);
});

test('moving a Chengdu visit to 30 minutes after a Chongqing one warns of the transfer time needed', async ({
  page,
}) => {
  await openBoard(page, 8);
  const chengdu = demoVisit(8, 'A', '19:30');
  await block(page, 'A', `${chengdu.start}–${chengdu.end}`).click();
  const dialog = page.getByRole('dialog', { name: 'Edit visit' });
  await expect(dialog).toBeVisible();
  // Group A ends day 6 in Yuzhong (Chongqing) at 21:30; Chengdu is 150 minutes away.
  await dialog.getByLabel('Date').fill(dateOf(6));
  await dialog.getByLabel('Start').fill('22:00');
  await dialog.getByLabel('End').fill('23:30');
  const warning =
    'Group A: 180 min needed to get here (150 min travel plus the buffer), 30 min planned.';
  // Told before saving, and it can still be saved.
  await expect(dialog.getByTestId('form-warnings')).toContainText(warning);
  await dialog.getByRole('button', { name: 'Save despite the warnings' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('link', { name: /^Day 6/ }).click();
  await expect(page.getByTestId('problems')).toContainText(warning);
  await expect(block(page, 'A', '22:00–23:30')).toBeVisible();
  // The tour's problems panel lists it under its day, and leads to the visit.
  await page.getByRole('link', { name: 'All problems of the tour' }).click();
  const day6 = page.getByTestId('problem-day').filter({ hasText: 'Wednesday 23 July' });
  await expect(day6).toContainText(warning);
  await day6
    .getByRole('listitem')
    .filter({ hasText: warning })
    .getByRole('link', { name: `Open ${chengdu.titleEn}` })
    .click();
  await expect(page.getByRole('dialog', { name: 'Edit visit' })).toBeVisible();
  await expectAccessible(page);
});

test('two coordinators: a stale save is refused with the first change shown, and a move appears on the other board live', async ({
  page,
  browser,
}) => {
  await openBoard(page, 4);
  const other = await (await browser.newContext()).newPage();
  await openBoard(other, 4, demoUsers.organizer);

  const visit = demoVisit(4, 'C', '19:30');
  const label = `${visit.start}–${visit.end}`;
  // Both open the same visit.
  await block(page, 'C', label).click();
  await block(other, 'C', label).click();
  const mine = page.getByRole('dialog', { name: 'Edit visit' });
  const theirs = other.getByRole('dialog', { name: 'Edit visit' });
  await theirs.getByLabel('Title in English').fill('Changed by the organizer');
  await theirs.getByRole('button', { name: /^Save/ }).click();
  await expect(theirs).toBeHidden();

  await mine.getByLabel('Title in English').fill('Changed by the coordinator');
  await mine.getByRole('button', { name: /^Save/ }).click();
  await expect(mine.getByTestId('form-refusal')).toContainText(
    `${demoUsers.organizer} changed this visit at`,
  );
  // Its history says who changed what, in words.
  await mine.getByText('History').click();
  await expect(mine.getByTestId('visit-history')).toContainText(
    `${demoUsers.organizer} changed it`,
  );
  await expect(mine.getByTestId('visit-history')).toContainText(
    `Title: from ${visit.titleEn} to Changed by the organizer`,
  );
  await mine.getByRole('button', { name: 'Close' }).click();
  // The first change stands, and this board shows it without a reload.
  await expect(block(page, 'C', label)).toContainText('Changed by the organizer');

  // A move on the organizer's board reaches this one by itself.
  const moved = block(other, 'C', 'Changed by the organizer');
  await moved.focus();
  await other.keyboard.press('Alt+ArrowRight');
  await expect(other.getByTestId('board-status')).toContainText('moved to 19:45');
  await expect(block(page, 'C', 'Changed by the organizer')).toContainText('19:45–');
  await other.context().close();
});

test("a visit opened before the board's full read waits for it; one moved away meanwhile opens no form", async ({
  page,
  browser,
}) => {
  // The page paints the day without what only editing needs, which the board's route brings:
  // its answers are held here until released, as on a slow network.
  let release = () => {};
  const held = new Promise<void>((r) => {
    release = r;
  });
  await page.route('**/api/tours/*/board?*', async (route) => {
    await held;
    await route.fallback();
  });
  const day = 6;
  await loginAs(page, otherCoordinator);
  await page.goto('/');
  await page.getByRole('link', { name: /\(fixture\)/ }).click();
  await expect(page).toHaveURL(/\/tours\/[0-9a-f-]{36}$/);
  await page.goto(`${page.url()}/programme?day=${dateOf(day)}`);
  const leaving = demoVisit(day, 'A', '16:00');
  const staying = demoVisit(day, 'C', '14:15');
  await block(page, 'A', leaving.titleEn).click();
  await expect(page.getByText('Opening the form…')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Meanwhile an organizer moves that visit to the early morning of another day.
  const other = await (await browser.newContext()).newPage();
  await openBoard(other, day, demoUsers.organizer);
  await block(other, 'A', leaving.titleEn).click();
  const theirs = other.getByRole('dialog', { name: 'Edit visit' });
  await theirs.getByLabel('Date').fill(dateOf(day + 3));
  await theirs.getByLabel('Start').fill('05:00');
  await theirs.getByLabel('End').fill('05:45');
  await theirs.getByRole('button', { name: /^Save/ }).click();
  await expect(theirs).toBeHidden();
  await other.context().close();

  // Once read, the visit is gone from this day: no form, neither for it nor a blank new one.
  release();
  await expect(block(page, 'A', leaving.titleEn)).toHaveCount(0);
  await expect(page.getByText('Opening the form…')).toHaveCount(0);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // Another visit opens at once, in full.
  await block(page, 'C', staying.titleEn).click();
  const mine = page.getByRole('dialog', { name: 'Edit visit' });
  await expect(mine.getByLabel('Title in English')).toHaveValue(staying.titleEn);
  await mine.getByRole('button', { name: 'Close' }).click();
  await expect(mine).toBeHidden();
  await page.unroute('**/api/tours/*/board?*');
});

test('keyboard only: a visit is created and moved without a mouse, and axe finds nothing', async ({
  page,
}) => {
  await openBoard(page, 10);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Add a visit for group C' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New visit' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Start').fill('06:00');
  await dialog.getByLabel('End').fill('06:45');
  await dialog.getByLabel('Kind').selectOption('meal');
  await dialog.getByLabel('Title in Chinese').fill('早餐');
  await dialog.getByLabel('Title in English').fill('Early breakfast');
  await expectAccessible(page);
  await dialog.getByLabel('Title in English').press('Enter');
  await expect(dialog).toBeHidden();
  const created = block(page, 'C', 'Early breakfast');
  await expect(created).toContainText('06:00–06:45');
  await created.focus();
  await page.keyboard.press('Alt+ArrowRight');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(created).toContainText('06:30–07:15');
  await expect(page.getByTestId('board-status')).toContainText('moved to 06:30');
  // The next save answers slowly, as on a hotel's network: until it is saved, undo must not
  // offer to take back the move before it.
  const slowSaves = async (route: Route) => {
    if (route.request().method() === 'POST' && route.request().headers()['next-action']) {
      await new Promise((r) => setTimeout(r, 1500));
    }
    await route.fallback();
  };
  await page.route('**/*', slowSaves);
  // Alt+Shift+arrow changes its end.
  await page.keyboard.press('Alt+Shift+ArrowLeft');
  await expect(created).toContainText('06:30–07:00');
  // Undo takes the last change back.
  await page.getByRole('button', { name: /^Undo:/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('board-status')).toContainText('Undone');
  await expect(created).toContainText('06:30–07:15');
  await page.unroute('**/*', slowSaves);
  await expectAccessible(page);

  // The same day by city: the breakfast has no place yet, the day's other visits sit in theirs.
  await page.getByRole('button', { name: 'By city' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'By city' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const rows = page.getByTestId('board-row');
  await expect(
    rows.filter({ hasText: 'No site or city' }).getByTestId('board-visit'),
  ).toContainText('Early breakfast');
  await expect(rows.filter({ hasText: 'Leshan' })).not.toHaveCount(0);
  await expectAccessible(page);
});
