import { getTranslations } from 'next-intl/server';
import { OutletFormSection } from '@/components/editing/outlet-form-page';
import { requireTourScope } from '@/lib/dal/guards';

export default async function NewOutletPage({ params }: { params: Promise<{ tourId: string }> }) {
  const { scope } = await requireTourScope((await params).tourId);
  const t = await getTranslations('editing');
  return (
    <>
      <h1 className="mb-3 text-2xl font-bold">{t('outlets.newTitle')}</h1>
      <OutletFormSection tourId={scope.tourId} />
    </>
  );
}
