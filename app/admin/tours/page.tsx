import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/i18n/client-messages';
import { ImportTourForm } from '@/components/ops/import-tour-form';
import { requireOrganizer } from '@/lib/dal/guards';
import { getToursFor } from '@/lib/dal/tours';
import { shownInScript } from '@/lib/i18n/script';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('ops');
  return { title: t('transfer.title') };
}

/** Organizers download a tour as one file, and import one from another instance. */
export default async function TourFilesPage() {
  const viewer = await requireOrganizer();
  const [stored, t, locale] = await Promise.all([
    getToursFor(viewer),
    getTranslations('ops'),
    getLocale(),
  ]);
  const tours = shownInScript(locale, stored);
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{t('transfer.title')}</h1>
      <p className="mb-4 text-gray-700">{t('transfer.intro')}</p>
      <section aria-labelledby="tours-title" className="mb-8">
        <h2 id="tours-title" className="mb-2 text-lg font-semibold">
          {t('transfer.tours')}
        </h2>
        {tours.length === 0 ? (
          <p className="text-gray-700">{t('transfer.noTours')}</p>
        ) : (
          <ul className="space-y-2">
            {tours.map((tour) => (
              <li key={tour.id}>
                <a
                  href={`/api/tours/${tour.id}/export`}
                  download
                  className="inline-flex min-h-11 items-center text-brand-800 underline"
                >
                  {t('transfer.download', { name: `${tour.nameZh} · ${tour.nameEn}` })}
                </a>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-2 text-sm text-gray-700">{t('transfer.passports')}</p>
      </section>
      <section aria-labelledby="import-title">
        <h2 id="import-title" className="mb-2 text-lg font-semibold">
          {t('import.title')}
        </h2>
        <ClientMessages namespaces={['ops']}>
          <ImportTourForm />
        </ClientMessages>
      </section>
    </>
  );
}
