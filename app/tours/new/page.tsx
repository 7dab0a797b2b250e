import { getTranslations } from 'next-intl/server';
import { EntityForm } from '@/components/editing/entity-form';
import { formText } from '@/components/editing/form-text';
import { tourFields } from '@/components/editing/specs';
import { createTourAction } from '@/lib/actions/editing';
import { requireTourCreator } from '@/lib/dal/editing/pages';

export default async function NewTourPage() {
  await requireTourCreator();
  const [t, tf] = await Promise.all([getTranslations('editing'), getTranslations('fields')]);
  return (
    <>
      <h1 className="mb-3 text-2xl font-bold">{t('tours.newTitle')}</h1>
      <p className="mb-4 text-sm text-gray-700">{t('tours.settingsHint')}</p>
      <EntityForm
        title={t('tours.details')}
        action={createTourAction}
        fields={tourFields((k) => tf(k))}
        text={await formText(t('tours.create'))}
        redirectTo="/tours/{id}/settings"
        testId="new-tour"
      />
    </>
  );
}
