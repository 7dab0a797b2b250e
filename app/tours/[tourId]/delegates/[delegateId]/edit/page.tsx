import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ConfirmButton } from '@/components/editing/archive-button';
import { DelegateFormSection } from '@/components/editing/delegate-form-page';
import { archiveDelegateAction, deleteDelegateAction } from '@/lib/actions/editing';
import { getDelegateForEdit } from '@/lib/dal/editing/pages';
import { requireTourScope } from '@/lib/dal/guards';
import { isUuid } from '@/lib/dal/scope';

export default async function EditDelegatePage({
  params,
}: {
  params: Promise<{ tourId: string; delegateId: string }>;
}) {
  const { tourId, delegateId } = await params;
  const { scope, viewer, tour } = await requireTourScope(tourId);
  if (!isUuid(delegateId)) notFound();
  const delegate = await getDelegateForEdit(scope, delegateId);
  if (!delegate) notFound();
  const t = await getTranslations('editing');
  return (
    <>
      <p className="mb-2 text-sm">
        <Link
          href={`/tours/${scope.tourId}/delegates/${delegate.id}`}
          className="text-brand-700 underline"
        >
          {t('delegates.back')}
        </Link>
      </p>
      <h1 className="mb-3 text-2xl font-bold">{delegate.nameEn ?? delegate.passportName}</h1>
      <DelegateFormSection
        scope={scope}
        viewer={viewer}
        timeZone={tour.timeZone}
        delegate={delegate}
      />
      {delegate.archivedAt ? null : (
        <section aria-labelledby="archive-delegate" className="mt-6 grid gap-2">
          <h2 id="archive-delegate" className="text-lg font-semibold">
            {t('delegates.archive')}
          </h2>
          <p className="text-sm text-gray-700">{t('delegates.archiveNote')}</p>
          <ConfirmButton
            action={archiveDelegateAction}
            hidden={{ tourId: scope.tourId, id: delegate.id }}
            label={t('delegates.archive')}
            confirm={t('delegates.archiveConfirm')}
            done={t('form.saved')}
            redirectTo={`/tours/${scope.tourId}/delegates`}
          />
        </section>
      )}
      <section aria-labelledby="delete-delegate" className="mt-6 grid gap-2">
        <h2 id="delete-delegate" className="text-lg font-semibold">
          {t('form.delete')}
        </h2>
        <p className="text-sm text-gray-700">{t('form.deleteNote')}</p>
        <ConfirmButton
          action={deleteDelegateAction}
          hidden={{ tourId: scope.tourId, id: delegate.id }}
          label={t('form.delete')}
          confirm={t('form.deleteConfirm')}
          done={t('form.saved')}
          redirectTo={`/tours/${scope.tourId}/delegates`}
        />
      </section>
    </>
  );
}
