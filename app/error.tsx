'use client';

import { useTranslations } from 'next-intl';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('app');
  return (
    <div role="alert" className="py-12 text-center">
      <h1 className="mb-2 text-2xl font-bold">{t('errorTitle')}</h1>
      <p className="mb-4 text-gray-700">{t('errorBody')}</p>
      <button
        type="button"
        onClick={reset}
        className="rounded-md bg-brand-700 px-4 py-2 text-white"
      >
        {t('retry')}
      </button>
    </div>
  );
}
