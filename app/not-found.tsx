import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getViewer } from '@/lib/dal/viewer';

export default async function NotFound() {
  const [t, viewer] = await Promise.all([getTranslations('app'), getViewer()]);
  // Home is a different place for each role: a journalist has no list of tours.
  const back = !viewer
    ? t('backToStart')
    : viewer.role === 'journalist'
      ? t('backToItinerary')
      : t('backHome');
  return (
    <div className="py-12 text-center">
      <h1 className="mb-2 text-2xl font-bold">{t('notFoundTitle')}</h1>
      <p className="mb-4 text-gray-700">{t('notFoundBody')}</p>
      <Link href="/" className="text-brand-700 underline">
        {back}
      </Link>
    </div>
  );
}
