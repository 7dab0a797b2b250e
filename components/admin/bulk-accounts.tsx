'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState, useId } from 'react';
import { createAccountsForTourAction } from '@/lib/actions/users';
import { pick } from '@/lib/i18n/pick';
import { useShowCredentials } from './credentials';
import { ActionError, inputClass, secondaryButtonClass } from './form-parts';

export interface BulkTour {
  id: string;
  nameZh: string;
  nameEn: string;
  waiting: number;
  withoutEmail: number;
}

/** Accounts for every delegate of one tour who has none: choose the tour, then one button. */
export function BulkAccountsForm({ tours }: { tours: BulkTour[] }) {
  const t = useTranslations('admin');
  const locale = useLocale();
  const id = useId();
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
    <form action={action} className="grid gap-2 rounded-lg border border-gray-200 bg-white p-3">
      <div className="grid gap-1">
        <label htmlFor={`${id}-tour`} className="text-sm font-medium">
          {t('bulk.tour')}
        </label>
        <select id={`${id}-tour`} name="tourId" required className={inputClass}>
          {tours.map((tour) => (
            <option key={tour.id} value={tour.id}>
              {t('bulk.tourOption', {
                tour: pick(locale, tour.nameZh, tour.nameEn),
                count: tour.waiting,
              })}
            </option>
          ))}
        </select>
      </div>
      <div>
        <button type="submit" disabled={pending} className={secondaryButtonClass}>
          {pending ? t('bulk.pending') : t('bulk.submit')}
        </button>
      </div>
      <ActionError state={state} />
    </form>
  );
}
