import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { DayList } from '@/components/programme/day-list';
import { TourList } from '@/components/tours/tour-list';
import { BilingualName } from '@/components/ui/bilingual-name';
import { canManageTours, type Viewer } from '@/lib/auth/permissions';
import { getOwnItinerary } from '@/lib/dal/itinerary';
import { selfScope } from '@/lib/dal/scope';
import { getToursFor } from '@/lib/dal/tours';
import { requireViewer } from '@/lib/dal/viewer';
import { pick } from '@/lib/i18n/pick';
import { groupByTourDay } from '@/lib/programme';

/** Each role's home: staff see their tours, a journalist their own programme. */
export default async function HomePage() {
  const viewer = await requireViewer();
  if (viewer.role === 'journalist') return <JournalistHome viewer={viewer} />;
  const [tours, t, tEdit] = await Promise.all([
    getToursFor(viewer),
    getTranslations('home'),
    getTranslations('editing'),
  ]);
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        {canManageTours(viewer) ? (
          <Link href="/tours/new" className="btn-primary">
            {tEdit('tours.newTitle')}
          </Link>
        ) : null}
      </div>
      {tours.length === 0 ? (
        <p>{viewer.role === 'coordinator' ? t('noTours') : t('empty')}</p>
      ) : (
        <TourList tours={tours} />
      )}
    </>
  );
}

async function JournalistHome({ viewer }: { viewer: Viewer }) {
  const scope = selfScope(viewer);
  const [itinerary, t, locale] = await Promise.all([
    scope ? getOwnItinerary(scope) : null,
    getTranslations('itinerary'),
    getLocale(),
  ]);
  if (!itinerary) {
    return (
      <>
        <h1 className="mb-4 text-2xl font-bold">{t('title')}</h1>
        <p>{t('noLink')}</p>
      </>
    );
  }
  const { tour, groups, visits } = itinerary;
  return (
    <>
      <p className="text-sm text-gray-700">
        <BilingualName zh={tour.nameZh} en={tour.nameEn} locale={locale} />
      </p>
      <h1 className="mb-1 text-2xl font-bold">{t('title')}</h1>
      <p className="mb-4 text-sm text-gray-700">
        {t('intro', { group: groups.map((g) => pick(locale, g.nameZh, g.nameEn)).join(', ') })}
      </p>
      <DayList days={groupByTourDay(visits, tour)} timeZone={tour.timeZone} />
    </>
  );
}
