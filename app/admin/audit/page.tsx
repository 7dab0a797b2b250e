import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { AuditFilters } from '@/components/admin/audit-filters';
import { AuditList } from '@/components/admin/audit-list';
import { queryString } from '@/components/ui/pagination';
import { getAuditPage } from '@/lib/dal/audit-page';
import { requireOrganizer } from '@/lib/dal/guards';
import { shownInScript } from '@/lib/i18n/script';
import { nextDateKey, zonedInstant } from '@/lib/time';
import { firstValues, listQuery, optionalUuid } from '@/lib/validation/list-params';

const zone = 'Asia/Shanghai';
const dateKey = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(v)))
  .optional()
  .catch(undefined);

const filtersSchema = z.object({
  action: z
    .string()
    .regex(/^[a-z_.]{1,80}$/)
    .optional()
    .catch(undefined),
  user: listQuery,
  tour: optionalUuid,
  from: dateKey,
  to: dateKey,
  before: z.coerce
    .number()
    .int()
    .positive()
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .catch(undefined),
});

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('audit.title') };
}

export default async function AdminAuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireOrganizer();
  const filters = filtersSchema.parse(firstValues(await searchParams));
  const [stored, t, locale] = await Promise.all([
    getAuditPage(viewer, {
      action: filters.action,
      user: filters.user,
      tourId: filters.tour,
      // Days on the tour's clock, the "to" day included.
      from: filters.from ? zonedInstant(filters.from, '00:00', zone) : undefined,
      to: filters.to ? zonedInstant(nextDateKey(filters.to), '00:00', zone) : undefined,
      before: filters.before,
    }),
    getTranslations('admin'),
    getLocale(),
  ]);
  // What an entry recorded (a visit's titles and notes before and after, say) is shown in the
  // reader's script like any other name; the log itself is never rewritten.
  const page = shownInScript(locale, stored);
  const { before: _before, ...kept } = filters;
  const last = page.entries.at(-1);
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{t('audit.title')}</h1>
      <p className="mb-4 text-gray-700">{t('audit.intro')}</p>
      <AuditFilters values={kept} actions={page.actions} tours={page.tours} locale={locale} />
      <AuditList entries={page.entries} />
      <nav aria-label={t('audit.pages')} className="mt-4 flex flex-wrap gap-3">
        {filters.before ? (
          <Link href={`/admin/audit${queryString(kept)}`} className="text-brand-700 underline">
            {t('audit.newest')}
          </Link>
        ) : null}
        {page.more && last ? (
          <Link
            href={`/admin/audit${queryString({ ...kept, before: last.id })}`}
            className="text-brand-700 underline"
          >
            {t('audit.older')}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
