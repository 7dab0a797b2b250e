import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('app');
  return (
    <div className="py-12 text-center">
      <h1 className="mb-2 text-2xl font-bold">{t('notFoundTitle')}</h1>
      <p className="mb-4 text-gray-700">{t('notFoundBody')}</p>
      <Link href="/" className="text-brand-700 underline">
        {t('backHome')}
      </Link>
    </div>
  );
}
