'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { setCoordinatorTourAction } from '@/lib/actions/users';
import { pick } from '@/lib/i18n/pick';
import type { TourOption } from './create-user-form';
import { ActionError, secondaryButtonClass } from './form-parts';
import { useTourPicker } from './tour-picker';

/** The tours a coordinator works on: remove one, or add another (in the page's one dialog). */
export function CoordinatorTours({
  userId,
  email,
  assigned,
}: {
  userId: string;
  email: string;
  assigned: TourOption[];
}) {
  const t = useTranslations('admin');
  const locale = useLocale();
  const openPicker = useTourPicker();
  // One action state for the component's forms: only one of them is ever submitted at a time.
  const [state, action, pending] = useActionState(setCoordinatorTourAction, null);

  return (
    <div className="grid gap-2">
      <p className="text-sm font-medium text-gray-900">{t('staff.title')}</p>
      {assigned.length ? (
        <ul className="flex flex-wrap gap-2">
          {assigned.map((tour) => {
            const name = pick(locale, tour.nameZh, tour.nameEn);
            return (
              <li
                key={tour.id}
                className="flex max-w-full items-center gap-1 rounded-md bg-brand-50 py-1 pr-1 pl-2 text-sm text-brand-800"
              >
                <span className="min-w-0 break-words">{name}</span>
                <form action={action}>
                  <input type="hidden" name="userId" value={userId} />
                  <input type="hidden" name="tourId" value={tour.id} />
                  <input type="hidden" name="assigned" value="false" />
                  <button
                    type="submit"
                    disabled={pending}
                    className="min-h-9 rounded px-2 text-sm font-medium text-brand-800 underline hover:bg-brand-100 disabled:opacity-70"
                  >
                    {t('staff.remove')}
                    <span className="sr-only">
                      {' '}
                      {t('staff.removeContext', { tour: name, email })}
                    </span>
                  </button>
                </form>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-sm text-gray-700">{t('staff.none')}</p>
      )}
      <div>
        <button
          type="button"
          onClick={() => openPicker({ userId, email, assignedIds: assigned.map((a) => a.id) })}
          className={secondaryButtonClass}
        >
          {t('staff.add')}
          <span className="sr-only"> ({email})</span>
        </button>
      </div>
      <ActionError state={state} />
    </div>
  );
}
