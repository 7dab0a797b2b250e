import { useLocale, useTranslations } from 'next-intl';
import { VisitManifestLink } from '@/components/exports/export-menu';
import { Badge } from '@/components/ui/badge';
import { BilingualName } from '@/components/ui/bilingual-name';
import { cn } from '@/lib/cn';
import type { ProgrammeItem } from '@/lib/dal/programme';
import { htmlLang, zhLang } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/pick';
import { formatTime } from '@/lib/time';

export function VisitItem({
  visit,
  timeZone,
  exports,
}: {
  visit: ProgrammeItem;
  timeZone: string;
  /** Staff views: the visit's manifest for download. */
  exports?: { tourId: string } | undefined;
}) {
  const t = useTranslations('programme');
  const tExport = useTranslations('exports.menu');
  const tKind = useTranslations('visitKind');
  const locale = useLocale();
  const start = formatTime(visit.startsAt, timeZone);
  const end = formatTime(visit.endsAt, timeZone);
  const place = [pick(locale, visit.siteZh, visit.siteEn), pick(locale, visit.cityZh, visit.cityEn)]
    .filter(Boolean)
    .join(' · ');
  // Notes are written in both languages: the reader's, or the other when only that one exists.
  const notes = pick(locale, visit.notesZh, visit.notesEn);
  const notesLang = notes === visit.notesZh ? zhLang(locale) : htmlLang.en;

  return (
    <li data-testid="visit" className={cn('visit-card', visit.cancelled && 'opacity-75')}>
      <p className="text-sm font-semibold tabular-nums">
        <span className="sr-only">{t('timeRange', { start, end })}</span>
        <span aria-hidden="true">
          <time dateTime={visit.startsAt.toISOString()} data-testid="visit-start">
            {start}
          </time>
          <time dateTime={visit.endsAt.toISOString()} className="block font-normal text-gray-700">
            –{end}
          </time>
        </span>
      </p>
      <div className="min-w-0">
        <h3 className={cn('font-semibold', visit.cancelled && 'line-through')}>
          <BilingualName
            zh={visit.titleZh}
            en={visit.titleEn}
            locale={locale}
            secondaryClassName="block text-sm"
          />
        </h3>
        <div className="mt-1 flex flex-wrap items-center gap-1 text-sm">
          <Badge>{tKind(visit.kind)}</Badge>
          {visit.cancelled ? <Badge tone="danger">{t('cancelled')}</Badge> : null}
          {/* The same words for everyone: which groups attend, by name. */}
          <Badge tone="brand">{t('groupsLabel', { groups: visit.groups.join(', ') })}</Badge>
        </div>
        {place || visit.fromCityEn ? (
          <p className="mt-1 text-sm text-gray-700">
            {visit.fromCityEn
              ? `${t('from', { city: pick(locale, visit.fromCityZh, visit.fromCityEn) })} → `
              : ''}
            {place}
          </p>
        ) : null}
        {notes ? (
          <p className="mt-1 text-sm text-gray-800" lang={notesLang}>
            {notes}
          </p>
        ) : null}
        {exports ? (
          <VisitManifestLink
            tourId={exports.tourId}
            visitId={visit.id}
            label={tExport('manifest')}
          />
        ) : null}
      </div>
    </li>
  );
}
