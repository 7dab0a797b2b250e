'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useState } from 'react';
import { ActionError, inputClass, primaryButtonClass } from '@/components/admin/form-parts';
import { importTourAction } from '@/lib/actions/tour-transfer';

const maxChars = 900_000;

/** Reads the chosen file in the browser and sends its text to the import action. */
export function ImportTourForm() {
  const t = useTranslations('ops');
  const [tooLarge, setTooLarge] = useState(false);
  const [name, setName] = useState('');
  const [state, action, pending] = useActionState(importTourAction, null);

  return (
    <form
      className="space-y-3"
      onSubmit={async (event) => {
        event.preventDefault();
        const input = event.currentTarget.elements.namedItem('file') as HTMLInputElement;
        const file = input.files?.[0];
        if (!file) return;
        const text = await file.text();
        setTooLarge(text.length > maxChars);
        if (text.length > maxChars) return;
        try {
          setName((JSON.parse(text) as { tour?: { nameEn?: string } }).tour?.nameEn ?? '');
        } catch {
          setName('');
        }
        startTransition(() => action({ file: text }));
      }}
    >
      <label className="block">
        <span className="mb-1 block font-medium">{t('import.file')}</span>
        <input
          name="file"
          type="file"
          accept="application/json,.json"
          required
          className={inputClass}
          aria-describedby="import-error"
        />
      </label>
      <button type="submit" className={primaryButtonClass} disabled={pending}>
        {pending ? t('import.pending') : t('import.submit')}
      </button>
      <div id="import-error">
        {tooLarge ? (
          <p role="alert" className="text-sm font-medium text-red-800">
            {t('import.tooLarge')}
          </p>
        ) : (
          <ActionError state={state} />
        )}
      </div>
      {state?.ok ? (
        <p role="status" className="text-sm font-medium text-green-800">
          {t('import.done', { name, ...state.data.counts })}{' '}
          <Link href={`/tours/${state.data.tourId}`} className="underline">
            {t('import.open')}
          </Link>
        </p>
      ) : null}
    </form>
  );
}
