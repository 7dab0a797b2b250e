'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { BilingualName, pick } from '@/components/ui/bilingual-name';
import { createAccountsForTourAction } from '@/lib/actions/users';
import type { TourOption } from './create-user-form';
import { useShowCredentials } from './credentials';
import { ActionError, secondaryButtonClass } from './form-parts';

/** One tour's delegates without an account, and the button that makes all their accounts. */
export function BulkAccountsForm({
  tour,
  waiting,
  withoutEmail,
}: {
  tour: TourOption;
  waiting: number;
  withoutEmail: number;
}) {
  const t = useTranslations('admin');
  const locale = useLocale();
  const show = useShowCredentials();
  const [state, action, pending] = useActionState(async (previous: unknown, formData: FormData) => {
    const result = await createAccountsForTourAction(previous, formData);
    if (result.ok) {
      const { created, skipped } = result.data;
      show({
        title: t('results.bulk', {
          count: created.length,
          tour: pick(locale, result.data.tour.nameZh, result.data.tour.nameEn),
        }),
        rows: created,
        skipped,
      });
    }
    return result;
  }, null);

  return (
    <li className="grid gap-2 rounded-lg border border-gray-200 bg-white p-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center">
      <div className="min-w-0">
        <p className="font-semibold">
          <BilingualName zh={tour.nameZh} en={tour.nameEn} locale={locale} />
        </p>
        <p className="text-sm text-gray-700">
          {t('bulk.waiting', { count: waiting })}
          {withoutEmail ? ` ${t('bulk.withoutEmail', { count: withoutEmail })}` : ''}
        </p>
        <ActionError state={state} />
      </div>
      {waiting > 0 ? (
        <form action={action}>
          <input type="hidden" name="tourId" value={tour.id} />
          <button type="submit" disabled={pending} className={secondaryButtonClass}>
            {pending ? t('bulk.pending') : t('bulk.submit')}
            <span className="sr-only"> ({pick(locale, tour.nameZh, tour.nameEn)})</span>
          </button>
        </form>
      ) : null}
    </li>
  );
}
