import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { manifestLinkLimit, ProgrammeExportLinks } from '@/components/exports/export-menu';
import { DayList } from '@/components/programme/day-list';
import { DayNav } from '@/components/programme/day-nav';
import { FilterButtons, FilterForm, SearchField } from '@/components/ui/filter-form';
import { Pagination, queryString } from '@/components/ui/pagination';
import { cn } from '@/lib/cn';
import { getGroupByCode, getGroupMenu } from '@/lib/dal/groups';
import { requireTourScope } from '@/lib/dal/guards';
import { getProgrammePage } from '@/lib/dal/programme';
import { shownInScript } from '@/lib/i18n/script';
import { dateKeyOf, datesBetween, nextDateKey, zonedInstant } from '@/lib/time';
import { listPage } from '@/lib/validation/list-params';

const filterSchema = z.object({
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  group: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,20}$/)
    .optional()
    .catch(undefined),
  page: listPage,
});

/**
 * The coordinators' programme, one day at a time (today's first while the tour runs), for all
 * groups or one: a tour of 30,000 visits sends the forty it shows.
 */
export default async function ProgrammePage({
  params,
  searchParams,
}: {
  params: Promise<{ tourId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { scope, tour } = await requireTourScope((await params).tourId);
  const filters = filterSchema.parse(await searchParams);
  const dates = datesBetween(tour.startDate, tour.endDate);
  const today = dateKeyOf(new Date(), tour.timeZone);
  const day =
    filters.day && dates.includes(filters.day)
      ? filters.day
      : dates.includes(today)
        ? today
        : (dates[0] ?? tour.startDate);
  const [menu, chosen, t, locale] = await Promise.all([
    getGroupMenu(scope),
    filters.group ? getGroupByCode(scope, filters.group) : null,
    getTranslations('programme'),
    getLocale(),
  ]);
  const list = await getProgrammePage(scope, {
    from: zonedInstant(day, '00:00', tour.timeZone),
    to: zonedInstant(nextDateKey(day), '00:00', tour.timeZone),
    groupIds: chosen ? [chosen.id] : undefined,
    page: filters.page,
  });
  const base = `/tours/${tour.id}/programme/list`;
  const group = chosen?.code;
  const chip = (current: boolean) =>
    cn(
      'inline-flex min-h-9 items-center rounded-full border px-3 text-sm',
      current
        ? 'border-brand-700 bg-brand-700 text-white'
        : 'border-gray-300 bg-white hover:border-brand-600',
    );

  return (
    <>
      <h1 className="mb-3 text-2xl font-bold">{t('title')}</h1>

      {menu ? (
        <nav aria-label={t('groupFilter')} className="mb-3">
          <ul className="flex flex-wrap gap-2">
            {[undefined, ...menu.map((g) => g.code)].map((code) => (
              <li key={code ?? 'all'}>
                <Link
                  href={`${base}${queryString({ day, group: code })}`}
                  aria-current={group === code ? 'page' : undefined}
                  className={chip(group === code)}
                >
                  {code ? `${t('group')} ${code}` : t('allGroups')}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : (
        <FilterForm label={t('groupFilter')}>
          <input type="hidden" name="day" value={day} />
          <SearchField id="programme-group" name="group" label={t('groupCode')} value={group} />
          <FilterButtons
            apply={t('show')}
            clear={t('allGroups')}
            filtered={Boolean(group)}
            clearHref={`${base}?day=${day}`}
          />
        </FilterForm>
      )}
      {filters.group && !chosen ? (
        <p role="status" className="mb-3 text-sm font-medium">
          {t('noSuchGroup', { code: filters.group })}
        </p>
      ) : null}

      <DayNav
        dates={dates}
        current={day}
        hrefFor={(date) => `${base}${queryString({ day: date, group })}`}
        className="mb-4"
      />

      <ProgrammeExportLinks
        tourId={tour.id}
        day={day}
        group={group}
        manifestsHidden={list.rows.length > manifestLinkLimit}
      />
      <DayList
        exports={list.rows.length > manifestLinkLimit ? undefined : { tourId: tour.id }}
        days={[{ date: day, items: shownInScript(locale, list.rows) }]}
        dayNumbers={[dates.indexOf(day) + 1]}
        timeZone={tour.timeZone}
      />
      <Pagination
        page={list.page}
        pages={list.pages}
        hrefFor={(page) => `${base}${queryString({ day, group, page })}`}
      />
    </>
  );
}
