import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PrintTable } from '@/components/exports/print-table';
import { delegatesTable } from '@/lib/dal/export-files';
import { requireTourScope } from '@/lib/dal/guards';
import { clientIp } from '@/lib/dal/request';
import { delegateExportQuery, withoutEmpty } from '@/lib/validation/exports';
import { firstValues } from '@/lib/validation/list-params';

/** The delegation list as an A4 print view, with the same filters and columns as its files. */
export default async function PrintDelegatesPage({
  params,
  searchParams,
}: {
  params: Promise<{ tourId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { scope, tour } = await requireTourScope((await params).tourId);
  const query = delegateExportQuery.safeParse(withoutEmpty(firstValues(await searchParams)));
  const t = await getTranslations('exports.menu');
  if (!query.success) notFound();
  const locale = query.data.lang ?? (await getLocale());
  const table = await delegatesTable(
    { scope, tour, locale, origin: { ip: await clientIp(), format: 'print' } },
    query.data,
  );
  return (
    <PrintTable
      table={table}
      lang={locale}
      printLabel={t('printButton')}
      countLabel={t('rows', { count: table.rows.length })}
    />
  );
}
