import { getLocale, getTranslations } from 'next-intl/server';
import { PrintButton } from '@/components/exports/print-button';
import { ItineraryItem } from '@/components/itinerary/itinerary-item';
import { BilingualName } from '@/components/ui/bilingual-name';
import { refuse } from '@/lib/dal/guards';
import { getAttendingOutlets, getDelegateItinerary, getOwnItinerary } from '@/lib/dal/itinerary';
import { isUuid, selfScope, tourScope } from '@/lib/dal/scope';
import { requireViewer } from '@/lib/dal/viewer';
import { pick } from '@/lib/i18n/pick';
import { shownInScript } from '@/lib/i18n/script';
import { groupByTourDay } from '@/lib/programme';
import { datesBetween, formatDateTime, formatDayLabel } from '@/lib/time';

type Delegate = NonNullable<Awaited<ReturnType<typeof getDelegateItinerary>>>['delegate'];

/**
 * A delegate's whole itinerary on A4, in the reader's language with names in both scripts, days
 * running on with several visits a page. The tour's staff, or the delegate themself.
 */
export default async function PrintItineraryPage({
  params,
}: {
  params: Promise<{ tourId: string; delegateId: string }>;
}) {
  const viewer = await requireViewer();
  const { tourId, delegateId } = await params;
  const staff = tourScope(viewer, tourId);
  const own = selfScope(viewer);
  const stored = staff
    ? isUuid(delegateId)
      ? await getDelegateItinerary(staff, delegateId)
      : null
    : own && own.tourId === tourId && own.delegateId === delegateId.toLowerCase()
      ? await getOwnItinerary(own)
      : null;
  const scope = staff ?? own;
  if (!stored || !scope) return refuse(viewer);
  const [t, tp, locale] = await Promise.all([
    getTranslations('itinerary'),
    getTranslations('programme'),
    getLocale(),
  ]);
  const itinerary = shownInScript(locale, stored);
  const { tour, groups } = itinerary;
  const visits = itinerary.visits.filter((v) => !v.cancelled);
  const outlets = shownInScript(locale, await getAttendingOutlets(scope, visits));
  const dayNumber = new Map(datesBetween(tour.startDate, tour.endDate).map((d, i) => [d, i + 1]));
  const who = 'delegate' in itinerary ? (itinerary.delegate as Delegate) : null;
  return (
    <article className="it-print" data-testid="print-view">
      <div className="no-print mb-3">
        <PrintButton label={t('printButton')} />
      </div>
      <h1 className="text-xl font-bold">
        {t('title')}
        {who ? (
          <>
            {' · '}
            <BilingualName zh={who.nameZh} en={who.nameEn ?? who.passportName} locale={locale} />
          </>
        ) : null}
      </h1>
      <p>
        <BilingualName zh={tour.nameZh} en={tour.nameEn} locale={locale} />
      </p>
      <p className="it-quiet">
        {groups.map((g) => `${g.code} · ${pick(locale, g.nameZh, g.nameEn)}`).join(', ')} ·{' '}
        {t('printedAt', { time: formatDateTime(new Date(), tour.timeZone, locale) })}
      </p>
      {groupByTourDay(visits, tour).map((day) => (
        <section key={day.date} className="it-section" aria-labelledby={`d-${day.date}`}>
          <h2 id={`d-${day.date}`}>
            {tp('day', { n: dayNumber.get(day.date) ?? 0 })} · {formatDayLabel(day.date, locale)}
          </h2>
          {day.items.length ? (
            <ol className="it-list">
              {day.items.map((v) => (
                <ItineraryItem
                  key={v.id}
                  visit={v}
                  timeZone={tour.timeZone}
                  extras={{
                    outlets: outlets.get(v.id),
                    groupVehicle: groups.find((g) => v.groups.includes(g.code))?.vehicle,
                  }}
                />
              ))}
            </ol>
          ) : (
            <p className="it-quiet">{tp('nothing')}</p>
          )}
        </section>
      ))}
    </article>
  );
}
