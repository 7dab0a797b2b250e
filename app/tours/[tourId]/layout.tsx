import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { TourNav } from '@/components/tour/tour-nav';
import { Badge } from '@/components/ui/badge';
import { BilingualName } from '@/components/ui/bilingual-name';
import { findTourScope } from '@/lib/dal/guards';
import { getTour } from '@/lib/dal/tours';
import { inReaderScript } from '@/lib/i18n/script';
import { formatDate } from '@/lib/time';

// Decoration only: each page authorizes itself. Staff get the tour's header and sections; a
// journalist on their own profile gets the page alone.
export default async function TourLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ tourId: string }>;
}) {
  const scope = await findTourScope((await params).tourId);
  const tour = scope ? await getTour(scope) : null;
  if (!tour) return children;
  const [locale, t, tApp] = await Promise.all([
    getLocale(),
    getTranslations('home'),
    getTranslations('app'),
  ]);
  return (
    <>
      <div className="mb-4">
        <p className="text-lg font-semibold text-gray-900">
          <BilingualName
            zh={inReaderScript(locale, tour.nameZh)}
            en={tour.nameEn}
            locale={locale}
            secondaryClassName="block text-sm"
          />
        </p>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-gray-700">
          {t('dates', {
            start: formatDate(tour.startDate, locale),
            end: formatDate(tour.endDate, locale),
          })}
          {tour.isSample ? (
            <Badge tone="warning">
              <span title={tApp('sampleDataNote')}>{tApp('sampleData')}</span>
            </Badge>
          ) : null}
        </p>
      </div>
      <TourNav tourId={tour.id} />
      {children}
    </>
  );
}
