import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { BulkAccountsForm } from '@/components/admin/bulk-accounts';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { CredentialsProvider } from '@/components/admin/credentials';
import { UserList } from '@/components/admin/user-list';
import { requireOrganizer } from '@/lib/dal/params';
import { getUserAdminPage } from '@/lib/dal/users';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('users.title') };
}

export default async function AdminUsersPage() {
  const viewer = await requireOrganizer();
  const [{ users, tours, delegatesByTour }, t] = await Promise.all([
    getUserAdminPage(viewer),
    getTranslations('admin'),
  ]);
  const tourOptions = tours.map(({ id, nameZh, nameEn }) => ({ id, nameZh, nameEn }));

  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{t('users.title')}</h1>
      <p className="mb-4 text-gray-700">{t('users.intro')}</p>
      <CredentialsProvider>
        <div className="mb-8">
          <CreateUserForm tours={tourOptions} delegatesByTour={delegatesByTour} />
        </div>
        <section aria-labelledby="bulk-title" className="mb-8">
          <h2 id="bulk-title" className="mb-1 text-lg font-semibold">
            {t('bulk.title')}
          </h2>
          <p className="mb-2 text-sm text-gray-700">{t('bulk.intro')}</p>
          {tourOptions.length === 0 ? (
            <p className="text-sm text-gray-700">{t('bulk.noTours')}</p>
          ) : (
            <ul className="grid gap-2">
              {tourOptions.map((tour) => {
                const list = delegatesByTour[tour.id] ?? [];
                return (
                  <BulkAccountsForm
                    key={tour.id}
                    tour={tour}
                    waiting={list.length}
                    withoutEmail={list.filter((d) => !d.email).length}
                  />
                );
              })}
            </ul>
          )}
        </section>
        <UserList users={users} tours={tourOptions} viewerId={viewer.userId} />
      </CredentialsProvider>
    </>
  );
}
