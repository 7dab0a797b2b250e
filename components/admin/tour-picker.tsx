'use client';

import { useLocale, useTranslations } from 'next-intl';
import {
  createContext,
  type ReactNode,
  useActionState,
  useCallback,
  useContext,
  useId,
  useRef,
  useState,
} from 'react';
import { setCoordinatorTourAction } from '@/lib/actions/users';
import { pick } from '@/lib/i18n/pick';
import type { TourOption } from './create-user-form';
import { ActionError, inputClass, primaryButtonClass, secondaryButtonClass } from './form-parts';

interface Target {
  userId: string;
  email: string;
  assignedIds: string[];
}

const OpenContext = createContext<(target: Target) => void>(() => {});

export function useTourPicker() {
  return useContext(OpenContext);
}

/**
 * One dialog for the whole page that adds a coordinator to a tour: the list of tours is sent
 * once, not once per coordinator.
 */
export function TourPickerProvider({
  tours,
  children,
}: {
  tours: TourOption[];
  children: ReactNode;
}) {
  const t = useTranslations('admin');
  const locale = useLocale();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [target, setTarget] = useState<Target | null>(null);
  const [state, action, pending] = useActionState(async (previous: unknown, form: FormData) => {
    const result = await setCoordinatorTourAction(previous, form);
    if (result.ok) dialog.current?.close();
    return result;
  }, null);
  const open = useCallback((next: Target) => {
    setTarget(next);
    dialog.current?.showModal();
  }, []);
  const available = target ? tours.filter((tour) => !target.assignedIds.includes(tour.id)) : [];
  return (
    <OpenContext.Provider value={open}>
      {children}
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        className="m-auto w-full max-w-md rounded-lg border border-gray-300 p-4 backdrop:bg-black/40"
      >
        {target ? (
          <form action={action} className="grid gap-3">
            <h3 id={`${id}-title`} className="text-lg font-semibold wrap-anywhere">
              {t('staff.dialogTitle', { email: target.email })}
            </h3>
            <input type="hidden" name="userId" value={target.userId} />
            <input type="hidden" name="assigned" value="true" />
            <div className="grid gap-1">
              <label htmlFor={`${id}-tour`} className="text-sm font-medium">
                {t('staff.add')}
              </label>
              <select id={`${id}-tour`} name="tourId" required className={inputClass}>
                {available.map((tour) => (
                  <option key={tour.id} value={tour.id}>
                    {pick(locale, tour.nameZh, tour.nameEn)}
                  </option>
                ))}
              </select>
            </div>
            <div className="flex flex-wrap gap-2">
              <button type="submit" disabled={pending} className={primaryButtonClass}>
                {t('staff.assign')}
              </button>
              <button
                type="button"
                onClick={() => dialog.current?.close()}
                className={secondaryButtonClass}
              >
                {t('staff.close')}
              </button>
            </div>
            <ActionError state={state} />
          </form>
        ) : null}
      </dialog>
    </OpenContext.Provider>
  );
}
