import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { formatDayLabel } from '@/lib/time';

/** The tour's days as links, the shown one marked: the board's and the printable list's. */
export function DayNav({
  dates,
  current,
  hrefFor,
  className,
}: {
  dates: string[];
  current: string;
  hrefFor: (date: string) => string;
  className?: string;
}) {
  const t = useTranslations('programme');
  const locale = useLocale();
  return (
    <nav aria-label={t('chooseDay')} className={className}>
      <ol className="flex gap-1 overflow-x-auto pb-1">
        {dates.map((date, i) => {
          // Once per day: a message with a value is formatted anew on every call.
          const day = t('day', { n: i + 1 });
          return (
            <li key={date}>
              <Link
                href={hrefFor(date)}
                aria-current={date === current ? 'page' : undefined}
                aria-label={`${day} · ${formatDayLabel(date, locale)}`}
                className="day-link"
              >
                {day}
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
