import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type {
  ItineraryGroup,
  ItineraryVisit,
  MarkedChange,
  VisitOutline,
} from '@/lib/dal/itinerary';
import { pick } from '@/lib/i18n/pick';
import type { ItineraryPlan, PlannedDay } from '@/lib/itinerary/plan';
import { datesBetween, formatDateTime, formatDayLabel, formatTime } from '@/lib/time';
import { type ItemExtras, ItineraryItem } from './itinerary-item';

export interface ItineraryViewProps {
  tour: { nameZh: string; nameEn: string; startDate: string; endDate: string; timeZone: string };
  groups: ItineraryGroup[];
  plan: ItineraryPlan<VisitOutline>;
  /** The visits shown in full (now, next, today, tomorrow), by id. */
  details: Map<string, ItineraryVisit>;
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
 * An itinerary as its journalist reads it on a phone: what is on now and next, today, tomorrow in
 * full, the days after in brief (each links to itself in full), and the days gone by folded.
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
  const extras = (v: ItineraryVisit): ItemExtras => ({
    change: changes.get(v.id),
    outlets: outlets.get(v.id),
    groupVehicle: groups.find((g) => v.groups.includes(g.code))?.vehicle,
  });
  const inFull = (items: VisitOutline[]) =>
    items.flatMap((v) => {
      const d = props.details.get(v.id);
      return d ? [d] : [];
    });
  const full = (outline: VisitOutline[], level: 3 | 4 = 3) =>
    outline.length ? (
      <ol className="it-list">
        {inFull(outline).map((v) => (
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
  const changeCount = changes.size;
  return (
    <div className="it" data-testid="itinerary">
      <p data-offline-note className="it-offline" role="status">
        {t('offline', { time: formatDateTime(props.renderedAt, tz, locale) })}
      </p>
      <p className="it-quiet">{pick(locale, tour.nameZh, tour.nameEn)}</p>
      <h1 className="text-2xl font-bold">{props.heading ?? t('title')}</h1>
      {props.intro}
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
              {inFull([...plan.current, ...(plan.next ? [plan.next] : [])]).map((v) => (
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
          {full(plan.today.items)}
        </section>
      ) : null}
      {tomorrow ? (
        <section aria-labelledby="it-tomorrow" className="it-section">
          <h2 id="it-tomorrow">{dayTitle(tomorrow.date)}</h2>
          {full(tomorrow.items)}
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
  day: PlannedDay<VisitOutline>;
  title: string;
  props: ItineraryViewProps;
}) {
  const t = useTranslations('itinerary');
  const locale = useLocale();
  const tz = props.tour.timeZone;
  const sep = props.basePath.includes('?') ? '&' : '?';
  const changed = day.items.filter((v) => props.changes.has(v.id));
  return (
    <li>
      <Link href={`${props.basePath}${sep}day=${day.date}`} prefetch={false}>
        {title}
      </Link>{' '}
      <span className="it-quiet">· {t('visitCount', { count: day.items.length })}</span>
      {changed.length ? (
        <ul>
          {changed.map((v) => {
            const change = props.changes.get(v.id);
            return (
              <li key={v.id} data-testid="itinerary-row" data-visit={v.id}>
                <strong
                  className="it-flag"
                  data-testid="itinerary-change"
                  data-change={change?.kind}
                >
                  {change ? t(`change.${change.kind}`) : null}
                </strong>{' '}
                <time dateTime={v.startsAt.toISOString()}>{formatTime(v.startsAt, tz)}</time>{' '}
                {v.cancelled ? (
                  <s>{pick(locale, v.titleZh, v.titleEn)}</s>
                ) : (
                  pick(locale, v.titleZh, v.titleEn)
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </li>
  );
}
