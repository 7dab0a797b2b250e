import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { ItineraryGroup, ItineraryVisit, MarkedChange } from '@/lib/dal/itinerary';
import { ownGroupsKey } from '@/lib/dal/itinerary-keys';
import { isChinese } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/pick';
import type { ItineraryPlan, PlannedDay } from '@/lib/itinerary/plan';
import { datesBetween, formatDateTime, formatDayLabel, formatTime } from '@/lib/time';
import { type ItemExtras, ItineraryItem } from './itinerary-item';

export interface ItineraryViewProps {
  tour: { nameZh: string; nameEn: string; startDate: string; endDate: string; timeZone: string };
  groups: ItineraryGroup[];
  plan: ItineraryPlan<ItineraryVisit>;
  changes: Map<string, MarkedChange>;
  outlets: Map<string, { nameZh: string; nameEn: string }[]>;
  /** When the page was made: shown when it is opened again without a network. */
  renderedAt: Date;
  /** The day the reader picked to look at, when not today. */
  pickedDay?: string | undefined;
  /** The address of this page, for the day links. */
  basePath: string;
  /** Above the programme: who this is (staff views), links to print and calendars. */
  intro?: ReactNode;
  /** Below it: the calendar subscription. */
  footer?: ReactNode;
  /** The page's heading; the journalist's own title by default. */
  heading?: string;
}

/**
 * An itinerary as its journalist reads it on a phone: what is on now and next and the rest of
 * today in full, tomorrow a line a visit, the days after a line a day (each links to itself in
 * full), and the days gone by folded.
 * Server-rendered only: nothing per visit is sent twice to the browser.
 */
export function ItineraryView(props: ItineraryViewProps) {
  const { tour, plan, changes, outlets, groups } = props;
  const t = useTranslations('itinerary');
  const tp = useTranslations('programme');
  const locale = useLocale();
  const tz = tour.timeZone;
  const dayNumber = new Map(datesBetween(tour.startDate, tour.endDate).map((d, i) => [d, i + 1]));
  const dayTitle = (date: string) =>
    `${dayNumber.has(date) ? `${tp('day', { n: dayNumber.get(date) ?? 0 })} · ` : ''}${formatDayLabel(date, locale)}`;
  // Whom the reader travels with is said once; a visit names only the outlets it adds.
  const own = outlets.get(ownGroupsKey) ?? [];
  const ownNames = new Set(own.map((o) => o.nameEn));
  const extras = (v: ItineraryVisit): ItemExtras => ({
    change: changes.get(v.id),
    outlets: outlets.get(v.id)?.filter((o) => !ownNames.has(o.nameEn)),
    othersOnly: own.length > 0,
    groupVehicle: groups.find((g) => v.groups.includes(g.code))?.vehicle,
  });
  const full = (items: ItineraryVisit[], level: 3 | 4 = 3) =>
    items.length ? (
      <ol className="it-list">
        {items.map((v) => (
          <ItineraryItem
            key={v.id}
            visit={v}
            timeZone={tz}
            extras={extras(v)}
            headingLevel={level}
          />
        ))}
      </ol>
    ) : (
      <p className="it-quiet">{tp('nothing')}</p>
    );
  const [tomorrow, ...later] = plan.upcoming;
  // Now and next are at the top in full; the rest of today follows them without repeating them.
  const shownFirst = new Set([...plan.current, ...(plan.next ? [plan.next] : [])].map((v) => v.id));
  const todayRest = plan.today?.items.filter((v) => !shownFirst.has(v.id)) ?? [];
  const dayHref = (date: string) =>
    `${props.basePath}${props.basePath.includes('?') ? '&' : '?'}day=${date}`;
  const changeCount = changes.size;
  return (
    <div className="it" data-testid="itinerary">
      <p data-offline-note className="it-offline" role="status">
        {t('offline', { time: formatDateTime(props.renderedAt, tz, locale) })}
      </p>
      <p className="it-quiet">{pick(locale, tour.nameZh, tour.nameEn)}</p>
      <h1 className="text-2xl font-bold">{props.heading ?? t('title')}</h1>
      {props.intro}
      {own.length ? (
        <p className="it-quiet">
          {t('travelWith', {
            outlets: own
              .map((o) => pick(locale, o.nameZh, o.nameEn))
              .join(isChinese(locale) ? '、' : ', '),
          })}
        </p>
      ) : null}
      {props.pickedDay ? (
        <p className="it-note">
          {t('readingAs', { date: formatDayLabel(props.pickedDay, locale) })}{' '}
          <Link href={props.basePath} prefetch={false}>
            {t('backToNow')}
          </Link>
        </p>
      ) : plan.phase === 'before' ? (
        <p className="it-note">
          {t('beforeTour', { date: formatDayLabel(tour.startDate, locale) })}
        </p>
      ) : plan.phase === 'after' ? (
        <p className="it-note">{t('afterTour')}</p>
      ) : null}
      {changeCount ? (
        <p className="it-note it-changes" data-testid="itinerary-changes">
          {t('changesSince', { count: changeCount })}
        </p>
      ) : null}
      {plan.phase !== 'after' || props.pickedDay ? (
        <section aria-labelledby="it-next" className="it-section">
          <h2 id="it-next">{t('nowAndNext')}</h2>
          {plan.current.length || plan.next ? (
            <ol className="it-list">
              {[...plan.current, ...(plan.next ? [plan.next] : [])].map((v) => (
                <ItineraryItem key={v.id} visit={v} timeZone={tz} extras={extras(v)} />
              ))}
            </ol>
          ) : (
            <p className="it-quiet">{t('nothingNext')}</p>
          )}
        </section>
      ) : null}
      {plan.today ? (
        <section aria-labelledby="it-today" className="it-section">
          <h2 id="it-today">
            {t('today')} · {dayTitle(plan.today.date)}
          </h2>
          {todayRest.length || !plan.today.items.length ? full(todayRest) : null}
        </section>
      ) : null}
      {tomorrow ? (
        <section aria-labelledby="it-tomorrow" className="it-section">
          <h2 id="it-tomorrow">
            <Link href={dayHref(tomorrow.date)} prefetch={false}>
              {dayTitle(tomorrow.date)}
            </Link>
          </h2>
          {tomorrow.items.length ? (
            <ul className="it-rows">
              {tomorrow.items.map((v) => (
                <VisitRow key={v.id} visit={v} props={props} />
              ))}
            </ul>
          ) : (
            <p className="it-quiet">{tp('nothing')}</p>
          )}
        </section>
      ) : null}
      {later.length ? (
        <section aria-labelledby="it-later" className="it-section">
          <h2 id="it-later">{t('comingDays')}</h2>
          <ul className="it-days">
            {later.map((day) => (
              <BriefDay key={day.date} day={day} title={dayTitle(day.date)} props={props} />
            ))}
          </ul>
        </section>
      ) : null}
      {plan.past.length ? (
        <details className="it-section it-past">
          <summary>
            <h2>{t('pastDays', { count: plan.past.length })}</h2>
          </summary>
          <ul className="it-days">
            {plan.past.map((day) => (
              <BriefDay key={day.date} day={day} title={dayTitle(day.date)} props={props} />
            ))}
          </ul>
        </details>
      ) : null}
      {props.footer}
    </div>
  );
}

/** A visit on one line: time, title and place in the reader's language, and its change flag. */
function VisitRow({ visit: v, props }: { visit: ItineraryVisit; props: ItineraryViewProps }) {
  const t = useTranslations('itinerary');
  const locale = useLocale();
  const change = props.changes.get(v.id);
  const title = pick(locale, v.titleZh, v.titleEn);
  return (
    <li data-visit={v.id}>
      <time dateTime={v.startsAt.toISOString()}>{formatTime(v.startsAt, props.tour.timeZone)}</time>{' '}
      {v.cancelled ? <s>{title}</s> : title}
      {change ? (
        <strong className="it-flag" data-testid="itinerary-change" data-change={change.kind}>
          {' '}
          {t(`change.${change.kind}`)}
        </strong>
      ) : null}
    </li>
  );
}

/**
 * A day in brief, one line: its link (the day in full), how many visits, and only the visits
 * that changed since the reader last looked, each flagged. Fourteen days of every visit would
 * make the page several times heavier for what a tap shows.
 */
function BriefDay({
  day,
  title,
  props,
}: {
  day: PlannedDay<ItineraryVisit>;
  title: string;
  props: ItineraryViewProps;
}) {
  const t = useTranslations('itinerary');
  const sep = props.basePath.includes('?') ? '&' : '?';
  const changed = day.items.filter((v) => props.changes.has(v.id));
  return (
    <li>
      <Link href={`${props.basePath}${sep}day=${day.date}`} prefetch={false}>
        {title}
      </Link>{' '}
      <span className="it-quiet">· {t('visitCount', { count: day.items.length })}</span>
      {changed.length ? (
        <ul className="it-rows">
          {changed.map((v) => (
            <VisitRow key={v.id} visit={v} props={props} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
