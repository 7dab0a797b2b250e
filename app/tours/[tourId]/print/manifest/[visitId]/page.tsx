import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { ManifestDownloads } from '@/components/exports/export-menu';
import { PrintTable } from '@/components/exports/print-table';
import { canSeeSensitive } from '@/lib/auth/permissions';
import { manifestTableOf } from '@/lib/dal/export-files';
import { requireTourScope } from '@/lib/dal/guards';
import { clientIp } from '@/lib/dal/request';
import { exportCommonQuery } from '@/lib/validation/exports';
import { firstValues } from '@/lib/validation/list-params';

/** A visit's manifest as an A4 print view, for the host's door. */
export default async function PrintManifestPage({
  params,
  searchParams,
}: {
  params: Promise<{ tourId: string; visitId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { tourId, visitId } = await params;
  const { scope, tour, viewer } = await requireTourScope(tourId);
  const query = z.object(exportCommonQuery).safeParse(firstValues(await searchParams));
  if (!query.success || !z.uuid().safeParse(visitId).success) notFound();
  const t = await getTranslations('exports.menu');
  const locale = query.data.lang ?? (await getLocale());
  const found = await manifestTableOf(
    { scope, tour, locale, origin: { ip: await clientIp(), format: 'print' } },
    { visitId, sensitive: query.data.passport || query.data.nationality || query.data.dob },
  );
  if (!found) notFound();
  return (
    <PrintTable
      table={found.table}
      lang={locale}
      printLabel={t('printButton')}
      countLabel={t('rows', { count: found.table.rows.length })}
      actions={
        <ManifestDownloads tourId={tour.id} visitId={visitId} sensitive={canSeeSensitive(viewer)} />
      }
    />
  );
}
