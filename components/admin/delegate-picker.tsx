'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useState } from 'react';
import type { DelegateOption } from '@/lib/dal/users/list';
import { pick } from '@/lib/i18n/pick';
import { inputClass } from './form-parts';

/**
 * Finds a delegate without an account as the organizer types: a search field, and a menu of the
 * (at most 20) matches fetched from the server. A plain input and a plain select, so a keyboard
 * and a screen reader work as they always do.
 */
export function DelegatePicker({
  tourId,
  value,
  onChange,
  error,
}: {
  tourId: string;
  value: string;
  onChange: (delegate: DelegateOption | null) => void;
  error?: string[] | undefined;
}) {
  const t = useTranslations('admin');
  const locale = useLocale();
  const id = useId();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<DelegateOption[] | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!tourId) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setLoading(true);
      try {
        const res = await fetch(
          `/api/admin/tours/${tourId}/delegates-without-account?q=${encodeURIComponent(q)}`,
          { signal: controller.signal },
        );
        const body = (await res.json()) as { delegates?: DelegateOption[] };
        setOptions(body.delegates ?? []);
      } catch {
        // aborted by a newer search
      } finally {
        setLoading(false);
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [tourId, q]);

  const selectId = `${id}-delegate`;
  return (
    <div className="grid content-start gap-3">
      <div className="grid gap-1">
        <label htmlFor={`${id}-q`} className="text-sm font-medium">
          {t('create.delegateSearch')}
        </label>
        <input
          id={`${id}-q`}
          type="search"
          value={q}
          maxLength={100}
          disabled={!tourId}
          onChange={(e) => setQ(e.currentTarget.value)}
          aria-describedby={`${id}-hint ${id}-status`}
          className={inputClass}
        />
        <p id={`${id}-hint`} className="text-sm text-gray-700">
          {t('create.delegateSearchHint')}
        </p>
        <p id={`${id}-status`} role="status" className="text-sm text-gray-800">
          {!tourId
            ? ''
            : loading
              ? t('create.searching')
              : options
                ? t('create.matches', { count: options.length })
                : ''}
        </p>
      </div>
      <div className="grid gap-1">
        <label htmlFor={selectId} className="text-sm font-medium">
          {t('create.delegate')}
        </label>
        <select
          id={selectId}
          name="delegateId"
          required
          disabled={!tourId}
          value={value}
          onChange={(e) => {
            const chosen = options?.find((d) => d.id === e.currentTarget.value) ?? null;
            onChange(chosen);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${selectId}-error` : undefined}
          className={inputClass}
        >
          <option value="">
            {tourId ? t('create.chooseDelegate') : t('create.chooseTourFirst')}
          </option>
          {(options ?? []).map((d) => (
            <option key={d.id} value={d.id}>
              {`${pick(locale, d.nameZh, d.nameEn)} · ${pick(locale, d.outletZh, d.outletEn)}`}
            </option>
          ))}
        </select>
        {error ? (
          <p id={`${selectId}-error`} className="text-sm font-medium text-red-800">
            {error.join(' ')}
          </p>
        ) : null}
      </div>
    </div>
  );
}
