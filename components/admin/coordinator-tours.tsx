'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState, useId } from 'react';
import { pick } from '@/components/ui/bilingual-name';
import { setCoordinatorTourAction } from '@/lib/actions/users';
import type { TourOption } from './create-user-form';
import { ActionError, inputClass, secondaryButtonClass } from './form-parts';

/** The tours a coordinator works on: remove one, or add another. */
export function CoordinatorTours({
  userId,
  email,
  assigned,
  tours,
}: {
  userId: string;
  email: string;
  assigned: TourOption[];
  tours: TourOption[];
}) {
  const t = useTranslations('admin');
  const locale = useLocale();
  const selectId = useId();
  // One action state for the component's forms: only one of them is ever submitted at a time.
  const [state, action, pending] = useActionState(setCoordinatorTourAction, null);
  const assignedIds = new Set(assigned.map((tour) => tour.id));
  const available = tours.filter((tour) => !assignedIds.has(tour.id));

  return (
    <div className="grid gap-2">
      <h4 className="text-sm font-medium text-gray-900">{t('staff.title')}</h4>
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
      {available.length ? (
        <form action={action} className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="assigned" value="true" />
          <div className="grid min-w-0 flex-1 basis-48 gap-1">
            <label htmlFor={selectId} className="text-sm text-gray-800">
              {t('staff.add')}
              <span className="sr-only"> ({email})</span>
            </label>
            <select id={selectId} name="tourId" required className={inputClass}>
              {available.map((tour) => (
                <option key={tour.id} value={tour.id}>
                  {pick(locale, tour.nameZh, tour.nameEn)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" disabled={pending} className={secondaryButtonClass}>
            {t('staff.assign')}
            <span className="sr-only"> ({email})</span>
          </button>
        </form>
      ) : null}
      <ActionError state={state} />
    </div>
  );
}
