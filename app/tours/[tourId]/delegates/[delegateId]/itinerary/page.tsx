import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ItineraryView } from '@/components/itinerary/itinerary-view';
import { BilingualName } from '@/components/ui/bilingual-name';
import { refuse, requireTourScope } from '@/lib/dal/guards';
import { getChangesSince, getDelegateHeader } from '@/lib/dal/itinerary';
import { getGroupProgramme } from '@/lib/dal/itinerary-cache';
import { isUuid } from '@/lib/dal/scope';
import { pick } from '@/lib/i18n/pick';
import { shownInScript } from '@/lib/i18n/script';
import { planItinerary, readingInstant, shownVisitIds } from '@/lib/itinerary/plan';
import { itineraryQuery } from '@/lib/validation/itinerary';
import { firstValues } from '@/lib/validation/list-params';

/** A delegate's itinerary as they see it, read-only, for the tour's staff on the phone with them. */
export default async function DelegateItineraryPage({
  params,
  searchParams,
}: {
  params: Promise<{ tourId: string; delegateId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { tourId, delegateId } = await params;
  const { scope, viewer } = await requireTourScope(tourId);
  const query = itineraryQuery.safeParse(firstValues(await searchParams));
  if (!query.success) notFound();
  const itinerary = isUuid(delegateId) ? await getDelegateHeader(scope, delegateId) : null;
  if (!itinerary) return refuse(viewer, scope.tourId);
  const [t, locale] = await Promise.all([getTranslations('itinerary'), getLocale()]);
  const { tour, groups, delegate } = shownInScript(locale, itinerary);
  const renderedAt = new Date();
  const at = readingInstant(tour, renderedAt, query.data.day);
  if (!at) notFound();
  const programme = await getGroupProgramme(scope, groups, locale);
  const plan = planItinerary(programme.visits, tour, at);
  // What the journalist would see marked: changes since they last looked; nothing is recorded.
  const changes = shownInScript(
    locale,
    await getChangesSince(scope, shownVisitIds(plan), delegate.seenAt),
  );
  const base = `/tours/${tour.id}/delegates/${delegate.id}/itinerary`;
  return (
    <ItineraryView
      tour={tour}
      groups={groups}
      plan={plan}
      changes={changes}
      outlets={programme.outlets}
      renderedAt={renderedAt}
      pickedDay={at === renderedAt ? undefined : query.data.day}
      heading={t('staffTitle')}
      basePath={base}
      intro={
        <>
          <p className="it-note" data-testid="view-as">
            {t('viewingDelegate')}{' '}
            <strong>
              <BilingualName
                zh={delegate.nameZh}
                en={delegate.nameEn ?? delegate.passportName}
                locale={locale}
              />
            </strong>{' '}
            · {pick(locale, delegate.outletZh, delegate.outletEn)} ·{' '}
            {groups.map((g) => g.code).join(', ') || t('noGroup')}
          </p>
          <p className="it-links">
            <Link href={`/tours/${tour.id}/delegates/${delegate.id}`} prefetch={false}>
              {t('delegateProfile')}
            </Link>
            <Link href={`/tours/${tour.id}/print/itinerary/${delegate.id}`} prefetch={false}>
              {t('print')}
            </Link>
          </p>
        </>
      }
    />
  );
}
