import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AuditList } from '@/components/admin/audit-list';
import { requireOrganizer } from '@/lib/dal/params';
import { getAuditEntries } from '@/lib/dal/users';

const limit = 200;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('audit.title') };
}

export default async function AdminAuditPage() {
  const viewer = await requireOrganizer();
  const [entries, t] = await Promise.all([
    getAuditEntries(viewer, limit),
    getTranslations('admin'),
  ]);
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{t('audit.title')}</h1>
      <p className="mb-4 text-gray-700">{t('audit.intro', { count: limit })}</p>
      <AuditList entries={entries} />
    </>
  );
}
