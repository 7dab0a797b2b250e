import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuditList } from '@/components/admin/audit-list';
import { getDb } from '@/db';
import { canManageUsers } from '@/lib/auth/permissions';
import { recordAuditSafely } from '@/lib/dal/audit';
import { clientIp } from '@/lib/dal/request';
import { listAuditEntries } from '@/lib/dal/users';
import { requireViewer } from '@/lib/dal/viewer';

const limit = 200;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('audit.title') };
}

export default async function AdminAuditPage() {
  const viewer = await requireViewer();
  if (!canManageUsers(viewer)) {
    await recordAuditSafely({
      action: 'access.refused',
      userId: viewer.userId,
      actorEmail: viewer.email,
      target: '/admin/audit',
      ip: await clientIp(),
      detail: { role: viewer.role },
    });
    notFound();
  }
  const [entries, t] = await Promise.all([
    listAuditEntries(await getDb(), viewer, { limit }),
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
