import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { TourNav } from '@/components/tour/tour-nav';
import { Badge } from '@/components/ui/badge';
import { BilingualName } from '@/components/ui/bilingual-name';
import { requireTour } from '@/lib/dal/params';
import { formatDate } from '@/lib/time';

export default async function TourLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ tourId: string }>;
}) {
  const { tourId } = await params;
  const [tour, locale, t, tApp] = await Promise.all([
    requireTour(tourId),
    getLocale(),
    getTranslations('home'),
    getTranslations('app'),
  ]);
  return (
    <>
      <div className="mb-4">
        <p className="text-lg font-semibold text-gray-900">
          <BilingualName
            zh={tour.nameZh}
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
