import { getTranslations } from 'next-intl/server';
import { DelegateFormSection } from '@/components/editing/delegate-form-page';
import { requireTourScope } from '@/lib/dal/guards';

export default async function NewDelegatePage({ params }: { params: Promise<{ tourId: string }> }) {
  const { scope, viewer, tour } = await requireTourScope((await params).tourId);
  const t = await getTranslations('editing');
  return (
    <>
      <h1 className="mb-3 text-2xl font-bold">{t('delegates.newTitle')}</h1>
      <DelegateFormSection scope={scope} viewer={viewer} timeZone={tour.timeZone} />
    </>
  );
}
