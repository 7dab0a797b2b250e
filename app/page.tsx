import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { FeedPanel } from '@/components/itinerary/feed-panel';
import { ItineraryView } from '@/components/itinerary/itinerary-view';
import { OfflineSupport } from '@/components/itinerary/offline-support';
import { TourList } from '@/components/tours/tour-list';
import { canManageTours, type Viewer } from '@/lib/auth/permissions';
import { getChangesSince, getOwnOpening, openOwnItinerary } from '@/lib/dal/itinerary';
import { getGroupProgramme } from '@/lib/dal/itinerary-cache';
import { selfScope } from '@/lib/dal/scope';
import { getToursFor } from '@/lib/dal/tours';
import { requireViewer } from '@/lib/dal/viewer';
import { pick } from '@/lib/i18n/pick';
import { shownInScript } from '@/lib/i18n/script';
import { planItinerary, readingInstant, shownVisitIds } from '@/lib/itinerary/plan';
import { itineraryQuery } from '@/lib/validation/itinerary';
import { firstValues } from '@/lib/validation/list-params';

/** Each role's home: staff see their tours, a journalist their own programme. */
export default async function HomePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer();
  if (viewer.role === 'journalist') {
    const query = itineraryQuery.safeParse(firstValues(await searchParams));
    if (!query.success) notFound();
    return <JournalistHome viewer={viewer} day={query.data.day} />;
  }
  const [stored, t, tEdit, locale] = await Promise.all([
    getToursFor(viewer),
    getTranslations('home'),
    getTranslations('editing'),
    getLocale(),
  ]);
  const tours = shownInScript(locale, stored);
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

async function JournalistHome({ viewer, day }: { viewer: Viewer; day: string | undefined }) {
  const scope = selfScope(viewer);
  const [opening, t, locale] = await Promise.all([
    scope ? getOwnOpening(scope) : null,
    getTranslations('itinerary'),
    getLocale(),
  ]);
  if (!scope || !opening) {
    return (
      <>
        <h1 className="mb-4 text-2xl font-bold">{t('title')}</h1>
        <p>{t('noLink')}</p>
      </>
    );
  }
  const { tour, groups } = shownInScript(locale, opening);
  const hasFeed = viewer.itinerary?.hasFeed ?? false;
  const renderedAt = new Date();
  const at = readingInstant(tour, renderedAt, day);
  if (!at) notFound();
  const [since, programme] = await Promise.all([
    openOwnItinerary(scope),
    getGroupProgramme(scope, groups, locale),
  ]);
  const plan = planItinerary(programme.visits, tour, at);
  const changes =
    since && programme.lastChange > since.getTime()
      ? shownInScript(locale, await getChangesSince(scope, shownVisitIds(plan), since))
      : new Map();
  return (
    <>
      <ItineraryView
        tour={tour}
        groups={groups}
        plan={plan}
        changes={changes}
        outlets={programme.outlets}
        renderedAt={renderedAt}
        pickedDay={at === renderedAt ? undefined : day}
        basePath="/"
        intro={
          <>
            <p className="it-quiet">
              {t('intro', {
                group: groups.map((g) => pick(locale, g.nameZh, g.nameEn)).join(', '),
              })}
            </p>
            <p className="it-links">
              <Link href={`/tours/${tour.id}/print/itinerary/${scope.delegateId}`} prefetch={false}>
                {t('print')}
              </Link>
              <a href="/api/itinerary.ics" download>
                {t('downloadIcs')}
              </a>
            </p>
          </>
        }
        footer={
          <details className="it-section">
            <summary className="it-check">{t('feed.title')}</summary>
            <FeedPanel
              lang={locale}
              labels={{
                intro: t(hasFeed ? 'feed.introExisting' : 'feed.intro'),
                confirm: t(hasFeed ? 'feed.confirmReplace' : 'feed.confirmPrivate'),
                submit: t(hasFeed ? 'feed.regenerate' : 'feed.create'),
                made: t('feed.made'),
                open: t('feed.open'),
              }}
            />
          </details>
        }
      />
      <OfflineSupport />
    </>
  );
}
