import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireTourScope } from '@/lib/dal/guards';
import { getTourCounts } from '@/lib/dal/tours';
import { isChinese } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/pick';
import { shownInScript } from '@/lib/i18n/script';
import { datesBetween, formatDayLabel } from '@/lib/time';

export default async function TourOverviewPage({
  params,
}: {
  params: Promise<{ tourId: string }>;
}) {
  const { scope, tour } = await requireTourScope((await params).tourId);
  const [stored, locale, t] = await Promise.all([
    getTourCounts(scope, tour.timeZone),
    getLocale(),
    getTranslations('tour'),
  ]);
  const counts = shownInScript(locale, stored);
  const perDay = new Map(counts.byDay.map((d) => [d.date, d]));
  const days = datesBetween(tour.startDate, tour.endDate).map((date) => ({
    date,
    items: perDay.get(date)?.items ?? 0,
    cities: isChinese(locale)
      ? (perDay.get(date)?.citiesZh ?? [])
      : (perDay.get(date)?.citiesEn ?? []),
  }));
  const outletTotal = counts.byRegion.reduce((sum, r) => sum + r.outlets, 0);
  const stats = [
    { label: t('outletCount'), value: outletTotal },
    { label: t('delegateCount'), value: counts.delegates },
    { label: t('groupCount'), value: counts.groupCount },
    { label: t('dayCount'), value: days.length },
  ];

  return (
    <div className="grid gap-8">
      <section aria-labelledby="stats-heading">
        <h1 id="stats-heading" className="sr-only">
          {t('overview')}
        </h1>
        <h2 className="sr-only">{t('stats')}</h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {stats.map((s) => (
            <div key={s.label} className="rounded-lg border border-gray-200 bg-white p-3">
              <dt className="text-sm text-gray-700">{s.label}</dt>
              <dd className="text-2xl font-bold">{s.value}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-2 text-sm text-gray-700">{t('timeZone', { zone: tour.timeZone })}</p>
      </section>

      <section aria-labelledby="regions-heading">
        <h2 id="regions-heading" className="mb-2 text-xl font-semibold">
          {t('outletsByRegion')}
        </h2>
        <ul className="grid gap-2 sm:grid-cols-2">
          {counts.byRegion.map((r) => {
            const region = pick(locale, r.regionZh, r.regionEn);
            return (
              <li key={r.regionCode}>
                <Link
                  href={`/tours/${tour.id}/outlets?region=${r.regionCode}`}
                  className="flex items-center justify-between rounded-lg border border-gray-200 bg-white px-3 py-2 hover:border-brand-600"
                  aria-label={t('viewOutlets', { count: r.outlets, region })}
                >
                  <span>{region}</span>
                  <span className="font-semibold">{r.outlets}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="groups-heading">
        <h2 id="groups-heading" className="mb-2 text-xl font-semibold">
          {t('groups')}
        </h2>
        <ul className="grid gap-2 sm:grid-cols-3">
          {counts.byGroup.map((g) => (
            <li key={g.id} className="rounded-lg border border-gray-200 bg-white px-3 py-2">
              <span className="font-medium">{pick(locale, g.nameZh, g.nameEn)}</span>
              <span className="block text-sm text-gray-700">
                {t('members', { count: g.members })}
              </span>
            </li>
          ))}
        </ul>
        {counts.groupCount > counts.byGroup.length ? (
          <p className="mt-2 text-sm">
            <Link
              href={`/tours/${tour.id}/delegates?sort=group`}
              className="font-medium text-brand-700 underline"
            >
              {t('moreGroups', { count: counts.groupCount - counts.byGroup.length })}
            </Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="days-heading">
        <h2 id="days-heading" className="mb-2 text-xl font-semibold">
          {t('days')}
        </h2>
        <ol className="grid gap-2 sm:grid-cols-2">
          {days.map((day) => {
            const cities = day.cities;
            return (
              <li key={day.date}>
                <Link
                  href={`/tours/${tour.id}/programme?day=${day.date}`}
                  className="block rounded-lg border border-gray-200 bg-white px-3 py-2 hover:border-brand-600"
                >
                  <span className="font-medium">{formatDayLabel(day.date, locale)}</span>
                  <span className="block text-sm text-gray-700">
                    {t('dayItems', { count: day.items })}
                    {cities.length ? ` · ${cities.join(isChinese(locale) ? '、' : ', ')}` : ''}
                  </span>
                </Link>
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
