import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { DelegateFilters } from '@/components/delegates/delegate-filters';
import { DelegateList } from '@/components/delegates/delegate-list';
import { DelegateExportMenu } from '@/components/exports/export-menu';
import { Pagination, queryString } from '@/components/ui/pagination';
import { delegateRoles } from '@/db/schema';
import { canSeeSensitive } from '@/lib/auth/permissions';
import { delegateSorts, getDelegateFilterOptions, getDelegates } from '@/lib/dal/delegates';
import { requireTourScope } from '@/lib/dal/guards';
import { labelsOf } from '@/lib/i18n/labels';
import { isChinese, zhLang } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/pick';
import { shownInScript } from '@/lib/i18n/script';
import {
  firstValues,
  listPage,
  listQuery,
  optionalEnum,
  optionalUuid,
  regionCode,
} from '@/lib/validation/list-params';

const filtersSchema = z.object({
  q: listQuery,
  outlet: optionalUuid,
  outletQ: listQuery,
  group: optionalUuid,
  groupQ: listQuery,
  role: optionalEnum(delegateRoles),
  region: regionCode,
  sort: optionalEnum(delegateSorts),
  page: listPage,
});

export default async function DelegatesPage({
  params,
  searchParams,
}: {
  params: Promise<{ tourId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { scope, tour, viewer } = await requireTourScope((await params).tourId);
  const filters = filtersSchema.parse(firstValues(await searchParams));
  const [list, storedOptions, t, locale] = await Promise.all([
    getDelegates(scope, filters),
    getDelegateFilterOptions(scope),
    getTranslations('delegates'),
    getLocale(),
  ]);
  const options = shownInScript(locale, storedOptions);
  const base = `/tours/${tour.id}/delegates`;
  const [tEdit, tRole] = await Promise.all([
    getTranslations('editing'),
    getTranslations('delegateRole'),
  ]);
  return (
    <>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <Link href={`${base}/new`} className="btn-primary">
          {tEdit('delegates.add')}
        </Link>
      </div>
      <DelegateFilters
        values={filters}
        outlets={options.outlets}
        groups={options.groups}
        regions={options.regions}
        locale={locale}
      />
      <DelegateExportMenu
        tourId={tour.id}
        filters={filters}
        sensitive={canSeeSensitive(viewer)}
        choices={{
          countries: options.countries.map((c) => ({
            value: c.code,
            label: pick(locale, c.nameZh, c.nameEn),
          })),
          themes: options.themes.map((c) => ({
            value: c.id,
            label: pick(locale, c.nameZh, c.nameEn),
          })),
          cities: options.cities.map((c) => ({
            value: c.code,
            label: pick(locale, c.nameZh, c.nameEn),
          })),
        }}
        days={{ first: tour.startDate, last: tour.endDate }}
      />
      <p role="status" className="mb-2 text-sm font-medium" data-testid="delegate-count">
        {list.total === 0 &&
        (filters.q ||
          filters.outlet ||
          filters.outletQ ||
          filters.group ||
          filters.groupQ ||
          filters.role)
          ? t('noMatch')
          : t('count', { count: list.total })}
      </p>
      <DelegateList
        tourId={tour.id}
        delegates={shownInScript(locale, list.rows)}
        zhFirst={isChinese(locale)}
        zhLang={zhLang(locale)}
        labels={{
          title: t('title'),
          name: t('name'),
          role: t('role'),
          outlet: t('outlet'),
          phone: t('phone'),
          passportMasked: t('passportMasked'),
          group: t('group'),
          roles: labelsOf(delegateRoles, (v) => tRole(v)),
        }}
      />
      <Pagination
        page={list.page}
        pages={list.pages}
        hrefFor={(page) => `${base}${queryString({ ...filters, page })}`}
      />
    </>
  );
}
