import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { BilingualName } from '@/components/ui/bilingual-name';
import type { TourSummary } from '@/lib/dal/tours';
import { formatDate } from '@/lib/time';

export function TourList({ tours }: { tours: TourSummary[] }) {
  const t = useTranslations('home');
  const tApp = useTranslations('app');
  const locale = useLocale();
  return (
    <ul className="grid gap-3">
      {tours.map((tour) => (
        <li key={tour.id} className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
          <Link
            href={`/tours/${tour.id}`}
            className="text-lg font-semibold text-brand-700 hover:underline"
          >
            <BilingualName
              zh={tour.nameZh}
              en={tour.nameEn}
              locale={locale}
              secondaryClassName="block text-sm"
            />
          </Link>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-gray-700">
            <span>
              {t('dates', {
                start: formatDate(tour.startDate, locale),
                end: formatDate(tour.endDate, locale),
              })}
            </span>
            <span aria-hidden="true">·</span>
            <span>{t('outlets', { count: tour.outletCount })}</span>
            {tour.isSample ? <Badge tone="warning">{tApp('sampleData')}</Badge> : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
