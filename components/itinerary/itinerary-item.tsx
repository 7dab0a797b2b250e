import { useLocale, useTranslations } from 'next-intl';
import type { ItineraryVisit, MarkedChange } from '@/lib/dal/itinerary';
import { htmlLang, isChinese, zhLang } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/pick';
import { dateKeyOf, formatDayLabel, formatTime } from '@/lib/time';

export interface ItemExtras {
  change?: MarkedChange | undefined;
  outlets?: { nameZh: string; nameEn: string }[] | undefined;
  /** The outlets are those beyond the reader's own group's, named once above. */
  othersOnly?: boolean;
  /** The vehicle of the reader's group, when the visit names none. */
  groupVehicle?: string | null | undefined;
}

/** The tel: address of a phone number as people write it. */
const telOf = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

/** One visit in full: when, what, where in both scripts, how to get there, what to bring, whom
 * to call and who else comes; and what changed since the reader last looked. */
export function ItineraryItem({
  visit,
  timeZone,
  extras,
  headingLevel = 3,
}: {
  visit: ItineraryVisit;
  timeZone: string;
  extras: ItemExtras;
  headingLevel?: 3 | 4;
}) {
  const t = useTranslations('itinerary');
  const tKind = useTranslations('visitKind');
  const tMode = useTranslations('board.transport');
  const locale = useLocale();
  const { change, outlets } = extras;
  const H = `h${headingLevel}` as const;
  const start = formatTime(visit.startsAt, timeZone);
  const end = formatTime(visit.endsAt, timeZone);
  const notes = pick(locale, visit.notesZh, visit.notesEn);
  const vehicle = visit.vehicle ?? extras.groupVehicle ?? null;
  const transport = [visit.transportMode ? tMode(visit.transportMode) : null, vehicle]
    .filter(Boolean)
    .join(' · ');
  return (
    <li className={visit.cancelled ? 'it-card it-cancelled' : 'it-card'} data-visit={visit.id}>
      <p className="it-time">
        <time dateTime={visit.startsAt.toISOString()}>{start}</time>–{end}
        <span className="it-kind"> {tKind(visit.kind)}</span>
      </p>
      {change ? <ChangeNote change={change} timeZone={timeZone} /> : null}
      <H className="it-title">
        {visit.cancelled ? <span className="sr-only">{t('change.cancelled')}: </span> : null}
        <Names zh={visit.titleZh} en={visit.titleEn} locale={locale} />
      </H>
      <dl className="it-facts">
        {visit.siteEn || visit.siteZh || visit.cityEn ? (
          <>
            <dt>{t('where')}</dt>
            <dd>
              {visit.fromCityEn ? `${pick(locale, visit.fromCityZh, visit.fromCityEn)} → ` : null}
              <Names
                zh={visit.siteZh ?? visit.cityZh}
                en={visit.siteEn ?? visit.cityEn}
                locale={locale}
              />
              {visit.addressEn || visit.addressZh ? (
                <>
                  <br />
                  <Names zh={visit.addressZh} en={visit.addressEn} locale={locale} />
                </>
              ) : null}
            </dd>
          </>
        ) : null}
        <dt>{t('group')}</dt>
        <dd>{visit.groups.join(', ')}</dd>
        {transport ? (
          <>
            <dt>{t('transport')}</dt>
            <dd>{transport}</dd>
          </>
        ) : null}
        {notes ? (
          <>
            <dt>{t('bring')}</dt>
            <dd lang={notes === visit.notesZh ? zhLang(locale) : htmlLang.en}>{notes}</dd>
          </>
        ) : null}
        {visit.hostContactPhone ? (
          <>
            <dt>{t('host')}</dt>
            <dd>
              {visit.hostContactName}{' '}
              <a href={telOf(visit.hostContactPhone)} className="it-tel">
                {visit.hostContactPhone}
              </a>
            </dd>
          </>
        ) : null}
        {outlets?.length ? (
          <>
            <dt>{t(extras.othersOnly ? 'alsoWith' : 'with')}</dt>
            <dd>
              {outlets
                .map((o) => pick(locale, o.nameZh, o.nameEn))
                .join(isChinese(locale) ? '、' : ', ')}
            </dd>
          </>
        ) : null}
      </dl>
    </li>
  );
}

/** "Moved: was 08:30–10:00", "New", "Cancelled": how it was when the reader last looked. */
export function ChangeNote({ change, timeZone }: { change: MarkedChange; timeZone: string }) {
  const t = useTranslations('itinerary');
  const locale = useLocale();
  const before = change.before;
  const was: string[] = [];
  if (before && change.parts.includes('time')) {
    const from = new Date(before.startsAt);
    was.push(
      t('change.wasTime', {
        day: formatDayLabel(dateKeyOf(from, timeZone), locale),
        start: formatTime(from, timeZone),
        end: formatTime(new Date(before.endsAt), timeZone),
      }),
    );
  }
  if (change.beforePlace) {
    const p = change.beforePlace;
    const place = pick(locale, p.siteZh ?? p.cityZh, p.siteEn ?? p.cityEn);
    if (place) was.push(t('change.wasPlace', { place }));
  }
  const parts = change.parts.filter((p) => p !== 'time' && p !== 'place');
  return (
    <p className="it-change" data-testid="itinerary-change" data-change={change.kind}>
      <strong>{t(`change.${change.kind}`)}</strong>
      {parts.length && change.kind !== 'added' ? (
        <> · {parts.map((p) => t(`part.${p}`)).join(', ')}</>
      ) : null}
      {was.length ? (
        <>
          {' '}
          · <s>{was.join(' · ')}</s>
        </>
      ) : null}
    </p>
  );
}

/**
 * A name in the reader's language and then in the other script, marked with its language. The
 * page's own language needs no mark, and no wrapper: a day repeats this on every visit (the
 * general BilingualName wraps and marks both).
 */
function Names({ zh, en, locale }: { zh: string | null; en: string | null; locale: string }) {
  const zhFirst = isChinese(locale);
  const primary = zhFirst ? (zh ?? en) : (en ?? zh);
  const secondary = primary === zh ? en : zh;
  const primaryIsPageLanguage = (primary === zh) === zhFirst;
  return (
    <>
      {primaryIsPageLanguage ? (
        primary
      ) : (
        <span lang={zhFirst ? htmlLang.en : zhLang(locale)}>{primary}</span>
      )}
      {secondary && secondary !== primary ? (
        <>
          {' '}
          <span lang={primary === zh ? htmlLang.en : zhLang(locale)} className="other-script">
            {secondary}
          </span>
        </>
      ) : null}
    </>
  );
}
