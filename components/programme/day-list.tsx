import { useLocale, useTranslations } from 'next-intl';
import type { ProgrammeItem } from '@/lib/dal/programme';
import { formatDayLabel } from '@/lib/time';
import { VisitItem } from './visit-item';

/** Days of a programme, each with its visits in time order. */
export function DayList({
  days,
  dayNumbers,
  timeZone,
  exports,
}: {
  days: { date: string; items: ProgrammeItem[] }[];
  /** The tour day number of each day shown, when they are not the tour's days from the first. */
  dayNumbers?: number[];
  timeZone: string;
  /** Staff views: each visit offers its manifest for download. */
  exports?: { tourId: string } | undefined;
}) {
  const t = useTranslations('programme');
  const locale = useLocale();
  return (
    <div className="grid gap-6">
      {days.map((day, i) => (
        <section
          key={day.date}
          id={`day-${day.date}`}
          aria-labelledby={`day-${day.date}-h`}
          data-testid="day"
          className="scroll-mt-4"
        >
          <h2 id={`day-${day.date}-h`} className="mb-2 text-lg font-semibold">
            {t('day', { n: dayNumbers?.[i] ?? i + 1 })}
            <span className="font-normal text-gray-700"> · {formatDayLabel(day.date, locale)}</span>
          </h2>
          {day.items.length === 0 ? (
            <p className="text-sm text-gray-700">{t('nothing')}</p>
          ) : (
            <ol className="grid gap-2">
              {day.items.map((visit) => (
                <VisitItem key={visit.id} visit={visit} timeZone={timeZone} exports={exports} />
              ))}
            </ol>
          )}
        </section>
      ))}
    </div>
  );
}
