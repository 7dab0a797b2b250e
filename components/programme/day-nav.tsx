import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { cn } from '@/lib/cn';
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
        {dates.map((date, i) => (
          <li key={date}>
            <Link
              href={hrefFor(date)}
              aria-current={date === current ? 'page' : undefined}
              aria-label={`${t('day', { n: i + 1 })} · ${formatDayLabel(date, locale)}`}
              className={cn(
                'inline-flex min-h-9 items-center rounded border px-2 text-sm whitespace-nowrap',
                date === current
                  ? 'border-brand-700 bg-brand-700 text-white'
                  : 'border-gray-300 bg-white hover:border-brand-600',
              )}
            >
              {t('day', { n: i + 1 })}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
