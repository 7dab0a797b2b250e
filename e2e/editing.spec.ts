import { demoData } from '../db/seed/demo-data';
import { demoUsers, loginAs } from './support/auth';
import { expect, expectAccessible, openDemoTour, test } from './support/fixtures';

// Issue 9's must-show items for editing: an organizer creates a tour, adds an outlet and a
// delegate, and the coordinator assigned to it sees them; the coverage matrix warns about a theme
// covered by one outlet and clears the warning after a toggle.

test('an organizer creates a tour, adds an outlet and a delegate; the coordinator assigned to it sees them', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const stamp = Date.now();
  const tourName = `E2E tour ${stamp}`;
  const outletName = `E2E Daily ${stamp}`;
  await loginAs(page, demoUsers.organizer);
  await page.goto('/');
  await page.getByRole('link', { name: 'New tour' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New tour' })).toBeVisible();
  await expectAccessible(page);

  const form = page.getByTestId('new-tour');
  await form.getByLabel('Chinese name').fill(`测试团 ${stamp}`);
  await form.getByLabel('English name').fill(tourName);
  await form.getByLabel('Start date').fill('2026-09-10');
  await form.getByLabel('End date').fill('2026-09-01');
  await form.getByRole('button', { name: 'Create tour' }).click();
  // Bad input names the field, and nothing is saved: the form stays, with what was typed.
  await expect(form.getByRole('alert')).toContainText('End date');
  await expect(form.getByText('End date must be after the start.')).toBeVisible();
  await expect(form.getByLabel('English name')).toHaveValue(tourName);
  await form.getByLabel('End date').fill('2026-09-20');
  await form.getByRole('button', { name: 'Create tour' }).click();
  await expect(page).toHaveURL(/\/tours\/[0-9a-f-]{36}\/settings$/);
  const tourUrl = page.url().replace(/\/settings$/, '');
  await expect(page.getByLabel('Transfer buffer (minutes)')).toHaveValue('30');
  await expectAccessible(page);

  const nav = page.getByRole('navigation', { name: 'Tour sections' });
  await nav.getByRole('link', { name: 'Outlets' }).click();
  await page.getByRole('link', { name: 'Add an outlet' }).click();
  const outletForm = page.getByTestId('outlet-form');
  await outletForm.getByLabel('Chinese name').fill(`测试日报 ${stamp}`);
  await outletForm.getByLabel('English name').fill(outletName);
  await outletForm.getByLabel('Country').selectOption('MY');
  await outletForm.getByLabel('Media type').selectOption('online');
  await expectAccessible(page);
  await outletForm.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/\/outlets\/[0-9a-f-]{36}$/);

  await nav.getByRole('link', { name: 'Delegates' }).click();
  await page.getByRole('link', { name: 'Add a delegate' }).click();
  const delegateForm = page.getByTestId('delegate-form');
  await delegateForm.getByLabel('Outlet').selectOption({ label: outletName });
  await delegateForm.getByLabel('Name as in passport').fill('TESTER ANNA');
  await delegateForm.getByLabel('English name').fill(`Anna Tester ${stamp}`);
  await delegateForm.getByLabel('Arrives').fill('2026-09-11T09:30');
  await delegateForm.getByLabel('Passport number').fill('E12345678');
  await expectAccessible(page);
  await delegateForm.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/\/delegates\/[0-9a-f-]{36}$/);
  await expect(page.getByText('E12345678')).toBeVisible(); // the organizer sees it whole

  // Import two more outlets from a CSV saved as UTF-8 with a byte-order mark: first with an
  // unknown country (the preview names row and column, and nothing can be saved), then fixed.
  await nav.getByRole('link', { name: 'Import' }).click();
  const csv = (country: string) =>
    Buffer.from(
      `\ufeff中文名称,English name,Country,Media type\r\n导入日报,Imported Daily ${stamp},Malaysia,newspaper\r\n导入周刊,Imported Weekly ${stamp},${country},magazine\r\n`,
    );
  await page.getByLabel('What the file lists').selectOption('outlets');
  await page
    .getByLabel('Spreadsheet file')
    .setInputFiles({ name: 'outlets.csv', mimeType: 'text/csv', buffer: csv('Atlantis') });
  await page.getByRole('button', { name: 'Read and preview' }).click();
  const problems = page.getByTestId('import-problems');
  await expect(problems).toContainText('3');
  await expect(problems).toContainText('C (Country)');
  await expect(problems).toContainText('unknown country');
  await expect(page.getByRole('button', { name: /^Save/ })).toBeDisabled();
  await expectAccessible(page);
  await page
    .getByLabel('Spreadsheet file')
    .setInputFiles({ name: 'outlets.csv', mimeType: 'text/csv', buffer: csv('Singapore') });
  await page.getByRole('button', { name: 'Read and preview' }).click();
  await expect(page.getByTestId('import-counts')).toHaveText(
    '2 to create, 0 to update, 0 unchanged.',
  );
  await page.getByRole('button', { name: 'Save 2 rows' }).click();
  await expect(page.getByTestId('import-status')).toHaveText(
    'Saved: 2 created, 0 updated, 0 unchanged.',
  );

  // Assign the demo coordinator to the new tour.
  await page.goto(`/admin/users?q=${encodeURIComponent(demoUsers.coordinator)}`);
  await page.getByRole('button', { name: `Add to tour (${demoUsers.coordinator})` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Add to tour').selectOption({ label: tourName });
  await dialog.getByRole('button', { name: 'Assign' }).click();
  await expect(
    page.getByRole('button', { name: `Remove ${demoUsers.coordinator} from ${tourName}` }),
  ).toBeVisible();

  const context = await browser.newContext();
  const coordinator = await context.newPage();
  await loginAs(coordinator, demoUsers.coordinator);
  await coordinator.goto('/');
  await coordinator.getByRole('link', { name: new RegExp(tourName) }).click();
  await expect(coordinator).toHaveURL(tourUrl);
  await coordinator.goto(`${tourUrl}/outlets`);
  await expect(coordinator.getByTestId('outlet')).toHaveCount(3);
  await expect(coordinator.getByTestId('outlet').filter({ hasText: outletName })).toHaveCount(1);
  await expect(coordinator.getByText(`Imported Weekly ${stamp}`)).toBeVisible();
  await coordinator.goto(`${tourUrl}/delegates`);
  await expect(coordinator.getByText(`Anna Tester ${stamp}`)).toBeVisible();
  // A coordinator sees the passport number masked, never whole.
  await expect(coordinator.getByText('E12345678')).toHaveCount(0);
  await context.close();
});

function regionOf(country: string) {
  return demoData.countries.find((c) => c.code === country)?.region;
}

test('the coverage matrix warns about a theme covered by one outlet and clears it after a toggle', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const tourUrl = await openDemoTour(page);
  const theme = `E2E theme ${Date.now()}`;
  const [first, ...rest] = [...demoData.outlets].sort((a, b) => a.nameEn.localeCompare(b.nameEn));
  if (!first) throw new Error('no outlets');
  const second = rest.find((o) => regionOf(o.country) !== regionOf(first.country));
  if (!second) throw new Error('no outlet of another region');

  await page
    .getByRole('navigation', { name: 'Tour sections' })
    .getByRole('link', { name: 'Coverage' })
    .click();
  await expect(page).toHaveURL(`${tourUrl}/coverage`);
  const create = page.getByRole('form', { name: 'New theme' });
  await create.getByLabel('Chinese name').fill('测试主题');
  await create.getByLabel('English name').fill(theme);
  await create.getByRole('button', { name: 'Create theme' }).click();
  const warnings = page.getByTestId('theme-warnings');
  await expect(warnings).toContainText(`${theme}: covered by no outlet`);

  const cell = (outlet: string) =>
    page.getByRole('checkbox', { name: `${outlet} covers ${theme}` });
  await cell(first.nameEn).check();
  await expect(warnings).toContainText(`${theme}: covered by only 1 outlet`);
  await expectAccessible(page);

  await cell(second.nameEn).check();
  await expect(page.getByRole('status').first()).toHaveText('Saved.');
  await expect(page.getByText(`${theme}:`)).toHaveCount(0);
  await expect(cell(second.nameEn)).toBeChecked();

  // And back: untick it and the warning returns.
  await cell(second.nameEn).uncheck();
  await expect(warnings).toContainText(`${theme}: covered by only 1 outlet`);
});

test('the edit screens read in Chinese, and a refused form names the field in Chinese', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(150_000); // seven pages, each checked by axe
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'zh', url: baseURL ?? '' }]);
  const tourUrl = await openDemoTour(page);
  await page.goto(`${tourUrl}/settings`);
  await expect(page.getByRole('heading', { level: 1, name: '活动设置' })).toBeVisible();
  await expect(page.getByRole('link', { name: '报道主题' })).toBeVisible();
  await expectAccessible(page);
  for (const path of ['groups', 'coverage', 'import', 'outlets/new', 'delegates/new']) {
    await page.goto(`${tourUrl}/${path}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAccessible(page);
  }
  await page.goto('/places');
  await expect(page.getByRole('heading', { level: 1, name: '城市与地点' })).toBeVisible();
  await expectAccessible(page);

  // A group code that is taken: refused, naming the field, in Chinese; nothing saved.
  await page.goto(`${tourUrl}/groups`);
  const form = page.getByTestId('new-group');
  await form.getByLabel('代码').fill('A');
  await form.getByLabel('中文名称').fill('重复组');
  await form.getByLabel('英文名称').fill('Duplicate group');
  await form.getByRole('button', { name: '创建分组' }).click();
  await expect(form.getByText('已有相同代码的条目。').first()).toBeVisible();
  await expect(form.getByLabel('代码')).toHaveAttribute('aria-invalid', 'true');
});

test('the import refuses a file that is not a spreadsheet, one over 5 MB and another site, saving nothing', async ({
  page,
}) => {
  const tourUrl = await openDemoTour(page);
  const api = `${tourUrl.replace(/^https?:\/\/[^/]+/, '')}`.replace('/tours/', '/api/tours/');
  const post = (buffer: Buffer, name: string, headers: Record<string, string> = {}) =>
    page.request.post(`${api}/import`, {
      headers,
      multipart: {
        kind: 'outlets',
        mode: 'commit',
        file: { name, mimeType: 'application/octet-stream', buffer },
      },
    });
  const png = await post(
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    'outlets.xlsx',
  );
  expect(png.status()).toBe(400);
  expect((await png.json()).message).toContain('not a spreadsheet');
  const big = await post(Buffer.alloc(5 * 1024 * 1024 + 10, 65), 'big.csv');
  expect(big.status()).toBe(413);
  expect((await big.json()).message).toContain('5 MB');
  const forged = await post(
    Buffer.from('name_zh,name_en,country,media_type\n甲,A,MY,online\n'),
    'a.csv',
    {
      'Sec-Fetch-Site': 'cross-site',
    },
  );
  expect(forged.status()).toBe(404);
  await page.goto(`${tourUrl}/outlets`);
  await expect(page.getByTestId('outlet-count')).toHaveText('26 outlets');
});
