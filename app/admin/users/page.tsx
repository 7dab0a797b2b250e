import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { BulkAccountsForm } from '@/components/admin/bulk-accounts';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { CredentialsProvider } from '@/components/admin/credentials';
import { ResetDialogProvider } from '@/components/admin/reset-dialog';
import { TourPickerProvider } from '@/components/admin/tour-picker';
import { UserFilters } from '@/components/admin/user-filters';
import { UserList } from '@/components/admin/user-list';
import { ClientMessages } from '@/components/i18n/client-messages';
import { Pagination, queryString } from '@/components/ui/pagination';
import { userRoles } from '@/db/schema';
import { requireOrganizer } from '@/lib/dal/guards';
import { getUserAdminPage } from '@/lib/dal/users/list';
import { shownInScript } from '@/lib/i18n/script';
import { firstValues, listPage, listQuery, optionalEnum } from '@/lib/validation/list-params';

const filtersSchema = z.object({
  q: listQuery,
  role: optionalEnum(userRoles),
  page: listPage,
});

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('users.title') };
}

export default async function AdminUsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireOrganizer();
  const filters = filtersSchema.parse(firstValues(await searchParams));
  const [stored, t, locale] = await Promise.all([
    getUserAdminPage(viewer, filters),
    getTranslations('admin'),
    getLocale(),
  ]);
  // Nothing here edits a name: every one is shown, in the reader's script.
  const { list, tours } = shownInScript(locale, stored);
  const tourOptions = tours.map(({ id, nameZh, nameEn }) => ({ id, nameZh, nameEn }));

  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{t('users.title')}</h1>
      <p className="mb-4 text-gray-700">{t('users.intro')}</p>
      <ClientMessages namespaces={['admin']}>
        <CredentialsProvider>
          <ResetDialogProvider>
            <TourPickerProvider tours={tourOptions}>
              <div className="mb-8">
                <CreateUserForm tours={tourOptions} />
              </div>
              <section aria-labelledby="bulk-title" className="mb-8">
                <h2 id="bulk-title" className="mb-1 text-lg font-semibold">
                  {t('bulk.title')}
                </h2>
                <p className="mb-2 text-sm text-gray-700">{t('bulk.intro')}</p>
                {tours.length === 0 ? (
                  <p className="text-sm text-gray-700">{t('bulk.noTours')}</p>
                ) : (
                  <BulkAccountsForm tours={tours} />
                )}
              </section>
              <UserFilters values={filters} />
              <p role="status" className="mb-2 text-sm font-medium" data-testid="user-count">
                {t('users.count', { count: list.total })}
              </p>
              <UserList users={list.users} viewerId={viewer.userId} />
              <Pagination
                page={list.page}
                pages={list.pages}
                hrefFor={(page) => `/admin/users${queryString({ ...filters, page })}`}
              />
            </TourPickerProvider>
          </ResetDialogProvider>
        </CredentialsProvider>
      </ClientMessages>
    </>
  );
}
