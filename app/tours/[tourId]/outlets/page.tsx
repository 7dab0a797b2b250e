import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { ClientMessages } from '@/components/i18n/client-messages';
import { OutletFilters } from '@/components/outlets/outlet-filters';
import { OutletList } from '@/components/outlets/outlet-list';
import { Pagination, queryString } from '@/components/ui/pagination';
import { mediaTypes } from '@/db/schema';
import { requireTourScope } from '@/lib/dal/guards';
import { getOutletFilterOptions, getOutlets } from '@/lib/dal/outlets';
import { labelsOf } from '@/lib/i18n/labels';
import { pick } from '@/lib/i18n/pick';
import { shownInScript } from '@/lib/i18n/script';
import { outletCard } from '@/lib/outlets/card';
import { compareNames } from '@/lib/search';
import { firstValues, listPage, listQuery } from '@/lib/validation/list-params';

// Unknown or malformed filters are dropped rather than failing the page.
const filtersSchema = z.object({
  region: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .optional()
    .catch(undefined),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  theme: z.uuid().optional().catch(undefined),
  // A long query is cut, not refused: the first words are what anyone meant.
  q: listQuery,
  page: listPage,
});

export default async function OutletsPage({
  params,
  searchParams,
}: {
  params: Promise<{ tourId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { scope, tour } = await requireTourScope((await params).tourId);
  const filters = filtersSchema.parse(firstValues(await searchParams));
  const locale = await getLocale();
  const [list, storedOptions, t] = await Promise.all([
    getOutlets(scope, filters, locale),
    getOutletFilterOptions(scope),
    getTranslations('outlets'),
  ]);
  const options = shownInScript(locale, storedOptions);
  const [tEdit, tType] = await Promise.all([
    getTranslations('editing'),
    getTranslations('mediaType'),
  ]);
  const byName = (a: { label: string }, b: { label: string }) =>
    compareNames(locale, a.label, b.label);

  return (
    <>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <Link href={`/tours/${tour.id}/outlets/new`} className="btn-primary">
          {tEdit('outlets.add')}
        </Link>
      </div>
      <ClientMessages namespaces={['outlets']}>
        <OutletFilters
          values={filters}
          themes={options.themes.map((th) => ({
            code: th.id,
            label: pick(locale, th.nameZh, th.nameEn),
          }))}
          regions={options.regions.map((r) => ({
            code: r.code,
            label: pick(locale, r.nameZh, r.nameEn),
          }))}
          countries={options.countries
            .map((c) => ({
              code: c.code,
              regionCode: c.regionCode,
              label: pick(locale, c.nameZh, c.nameEn),
            }))
            .sort(byName)}
        />
      </ClientMessages>
      <p role="status" className="mb-2 text-sm font-medium" data-testid="outlet-count">
        {t('count', { count: list.total })}
      </p>
      <OutletList
        outlets={list.rows.map((row) => outletCard(shownInScript(locale, row), locale))}
        tourId={tour.id}
        locale={locale}
        labels={{
          title: t('title'),
          delegates: t('delegates'),
          themes: t('themes'),
          mediaTypes: labelsOf(mediaTypes, (v) => tType(v)),
        }}
      />
      <Pagination
        page={list.page}
        pages={list.pages}
        hrefFor={(page) => `/tours/${tour.id}/outlets${queryString({ ...filters, page })}`}
      />
    </>
  );
}
