'use client';

import { useTranslations } from 'next-intl';
import { useErrorReference } from '@/components/layout/error-reference';

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations('app');
  const ref = useErrorReference(error.digest);
  return (
    <div role="alert" className="py-12 text-center">
      <h1 className="mb-2 text-2xl font-bold">{t('errorTitle')}</h1>
      <p className="mb-4 text-gray-700">{t('errorBody')}</p>
      {ref ? (
        <p className="mb-4 text-sm text-gray-700" data-testid="error-ref">
          {t('errorRef', { ref })}
        </p>
      ) : null}
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
