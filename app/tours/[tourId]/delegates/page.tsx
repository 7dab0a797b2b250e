import { getTranslations } from 'next-intl/server';
import { DelegateList } from '@/components/delegates/delegate-list';
import { getDelegates } from '@/lib/dal/delegates';
import { refuse, requireTourStaff } from '@/lib/dal/params';

export default async function DelegatesPage({ params }: { params: Promise<{ tourId: string }> }) {
  const { viewer, tour } = await requireTourStaff((await params).tourId);
  const [delegates, t] = await Promise.all([
    getDelegates(viewer, tour.id),
    getTranslations('delegates'),
  ]);
  if (!delegates) return refuse(viewer, tour.id);
  return (
    <>
      <h1 className="mb-3 text-2xl font-bold">{t('title')}</h1>
      <p role="status" className="mb-2 text-sm font-medium">
        {t('count', { count: delegates.length })}
      </p>
      <DelegateList tourId={tour.id} delegates={delegates} />
    </>
  );
}
