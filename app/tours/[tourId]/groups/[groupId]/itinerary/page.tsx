import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ItineraryView } from '@/components/itinerary/itinerary-view';
import { BilingualName } from '@/components/ui/bilingual-name';
import { refuse, requireTourScope } from '@/lib/dal/guards';
import { getGroupHeader } from '@/lib/dal/itinerary';
import { getGroupProgramme } from '@/lib/dal/itinerary-cache';
import { isUuid } from '@/lib/dal/scope';
import { shownInScript } from '@/lib/i18n/script';
import { planItinerary, readingInstant } from '@/lib/itinerary/plan';
import { itineraryQuery } from '@/lib/validation/itinerary';
import { firstValues } from '@/lib/validation/list-params';

/** A group's itinerary as its journalists see it, read-only, for the tour's staff. */
export default async function GroupItineraryPage({
  params,
  searchParams,
}: {
  params: Promise<{ tourId: string; groupId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { tourId, groupId } = await params;
  const { scope, viewer } = await requireTourScope(tourId);
  const query = itineraryQuery.safeParse(firstValues(await searchParams));
  if (!query.success) notFound();
  const itinerary = isUuid(groupId) ? await getGroupHeader(scope, groupId) : null;
  if (!itinerary) return refuse(viewer, scope.tourId);
  const [t, locale] = await Promise.all([getTranslations('itinerary'), getLocale()]);
  const { tour, groups } = shownInScript(locale, itinerary);
  const renderedAt = new Date();
  const at = readingInstant(tour, renderedAt, query.data.day);
  if (!at) notFound();
  const programme = await getGroupProgramme(scope, groups, locale);
  const plan = planItinerary(programme.visits, tour, at);
  const group = groups[0];
  return (
    <ItineraryView
      tour={tour}
      groups={groups}
      plan={plan}
      changes={new Map()}
      outlets={programme.outlets}
      renderedAt={renderedAt}
      pickedDay={at === renderedAt ? undefined : query.data.day}
      heading={t('staffTitle')}
      basePath={`/tours/${tour.id}/groups/${groupId}/itinerary`}
      intro={
        <p className="it-note" data-testid="view-as">
          {t('viewingGroup')}{' '}
          <strong>
            {group?.code} · <BilingualName zh={group?.nameZh} en={group?.nameEn} locale={locale} />
          </strong>
        </p>
      }
    />
  );
}
