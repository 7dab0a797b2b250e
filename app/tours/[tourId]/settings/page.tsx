import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ConfirmButton } from '@/components/editing/archive-button';
import { EntityForm } from '@/components/editing/entity-form';
import { formText } from '@/components/editing/form-text';
import { tourFields } from '@/components/editing/specs';
import { setTourArchivedAction, updateTourAction } from '@/lib/actions/editing';
import { canManageTours } from '@/lib/auth/permissions';
import { getTourSettings } from '@/lib/dal/editing/pages';
import { requireTourScope } from '@/lib/dal/guards';

export default async function TourSettingsPage({
  params,
}: {
  params: Promise<{ tourId: string }>;
}) {
  const { scope, viewer } = await requireTourScope((await params).tourId);
  const settings = await getTourSettings(scope);
  if (!settings) notFound();
  const [t, tf] = await Promise.all([getTranslations('editing'), getTranslations('fields')]);
  const archived = !!settings.archivedAt;
  return (
    <>
      <h1 className="mb-3 text-2xl font-bold">{t('tours.settingsTitle')}</h1>
      <p className="mb-4 text-sm text-gray-700">{t('tours.settingsHint')}</p>
      <EntityForm
        title={t('tours.details')}
        action={updateTourAction}
        hidden={{ tourId: scope.tourId }}
        fields={tourFields((k) => tf(k), { ...settings, archivedAt: null })}
        text={await formText()}
        testId="tour-settings"
      />
      {canManageTours(viewer) ? (
        <section aria-labelledby="archive-title" className="mt-6 grid gap-2">
          <h2 id="archive-title" className="text-lg font-semibold">
            {archived ? t('tours.archivedTitle') : t('tours.archiveTitle')}
          </h2>
          <p className="text-sm text-gray-700">
            {archived ? t('tours.archivedNote') : t('tours.archiveNote')}
          </p>
          <ConfirmButton
            action={setTourArchivedAction}
            hidden={{ tourId: scope.tourId, archived: archived ? 'false' : 'true' }}
            label={archived ? t('tours.restore') : t('tours.archive')}
            confirm={archived ? t('tours.restoreConfirm') : t('tours.archiveConfirm')}
            done={t('form.saved')}
            tone={archived ? 'secondary' : 'danger'}
          />
        </section>
      ) : null}
    </>
  );
}
