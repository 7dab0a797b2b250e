import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ConfirmButton } from '@/components/editing/archive-button';
import { OutletFormSection } from '@/components/editing/outlet-form-page';
import { archiveOutletAction, deleteOutletAction } from '@/lib/actions/editing';
import { getOutletForEdit } from '@/lib/dal/editing/pages';
import { requireTourScope } from '@/lib/dal/guards';
import { isUuid } from '@/lib/dal/scope';
import { pick } from '@/lib/i18n/pick';
import { inReaderScript } from '@/lib/i18n/script';

export default async function OutletPage({
  params,
}: {
  params: Promise<{ tourId: string; outletId: string }>;
}) {
  const { tourId, outletId } = await params;
  const { scope } = await requireTourScope(tourId);
  if (!isUuid(outletId)) notFound();
  const outlet = await getOutletForEdit(scope, outletId);
  if (!outlet) notFound();
  const [t, locale] = await Promise.all([getTranslations('editing'), getLocale()]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/tours/${scope.tourId}/outlets`} className="text-brand-700 underline">
          {t('outlets.back')}
        </Link>
      </p>
      <h1 className="mb-3 text-2xl font-bold">
        {pick(locale, inReaderScript(locale, outlet.nameZh), outlet.nameEn)}
      </h1>
      {outlet.archivedAt ? <p className="mb-3 font-medium">{t('outlets.archivedNote')}</p> : null}
      {/* The stored names, as they are: what the form sends back is saved. */}
      <OutletFormSection tourId={scope.tourId} outlet={outlet} />
      {outlet.archivedAt ? null : (
        <section aria-labelledby="archive-outlet" className="mt-6 grid gap-2">
          <h2 id="archive-outlet" className="text-lg font-semibold">
            {t('outlets.archive')}
          </h2>
          <p className="text-sm text-gray-700">{t('outlets.archiveNote')}</p>
          <ConfirmButton
            action={archiveOutletAction}
            hidden={{ tourId: scope.tourId, id: outlet.id }}
            label={t('outlets.archive')}
            confirm={t('outlets.archiveConfirm')}
            done={t('form.saved')}
            redirectTo={`/tours/${scope.tourId}/outlets`}
          />
        </section>
      )}
      <section aria-labelledby="delete-outlet" className="mt-6 grid gap-2">
        <h2 id="delete-outlet" className="text-lg font-semibold">
          {t('form.delete')}
        </h2>
        <p className="text-sm text-gray-700">{t('form.deleteNote')}</p>
        <ConfirmButton
          action={deleteOutletAction}
          hidden={{ tourId: scope.tourId, id: outlet.id }}
          label={t('form.delete')}
          confirm={t('form.deleteConfirm')}
          done={t('form.saved')}
          redirectTo={`/tours/${scope.tourId}/outlets`}
        />
      </section>
    </>
  );
}
