import { getTranslations } from 'next-intl/server';
import { ImportPanel } from '@/components/editing/import-panel';
import { ClientMessages } from '@/components/i18n/client-messages';
import { requireTourScope } from '@/lib/dal/guards';

export default async function ImportPage({ params }: { params: Promise<{ tourId: string }> }) {
  const { scope } = await requireTourScope((await params).tourId);
  const t = await getTranslations('editing');
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{t('import.title')}</h1>
      <p className="mb-4 text-sm text-gray-700">{t('import.intro')}</p>
      <ClientMessages namespaces={['editing']}>
        <ImportPanel tourId={scope.tourId} />
      </ClientMessages>
    </>
  );
}
