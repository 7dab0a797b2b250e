'use client';

import { useTranslations } from 'next-intl';
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
import { resetPasswordAction } from '@/lib/actions/users';
import { useShowCredentials } from './credentials';
import { ActionError, primaryButtonClass, secondaryButtonClass } from './form-parts';

interface Target {
  userId: string;
  email: string;
  displayName: string | null;
  role: string;
}

const OpenContext = createContext<(target: Target) => void>(() => {});

export function useResetDialog() {
  return useContext(OpenContext);
}

/**
 * The confirmation step of every password reset, one dialog for the whole page: it says what a
 * reset does (and that an organizer's reset is recorded as such) before anything changes.
 */
export function ResetDialogProvider({ children }: { children: ReactNode }) {
  const t = useTranslations('admin');
  const id = useId();
  const show = useShowCredentials();
  const dialog = useRef<HTMLDialogElement>(null);
  const [target, setTarget] = useState<Target | null>(null);
  const [state, action, pending] = useActionState(async (previous: unknown, form: FormData) => {
    const result = await resetPasswordAction(previous, form);
    if (result.ok) {
      dialog.current?.close();
      show({
        title: t('results.reset', { email: result.data.email }),
        rows: [
          {
            nameZh: null,
            nameEn: target?.displayName ?? null,
            email: result.data.email,
            password: result.data.password,
          },
        ],
      });
    }
    return result;
  }, null);
  const open = useCallback((next: Target) => {
    setTarget(next);
    dialog.current?.showModal();
  }, []);
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
              {t('users.resetTitle', { email: target.email })}
            </h3>
            <p className="text-sm text-gray-800">{t('users.resetBody')}</p>
            {target.role === 'organizer' ? (
              <p className="text-sm font-medium text-amber-900">{t('users.resetOrganizer')}</p>
            ) : null}
            <input type="hidden" name="userId" value={target.userId} />
            <input type="hidden" name="confirmed" value="true" />
            <div className="flex flex-wrap gap-2">
              <button type="submit" disabled={pending} className={primaryButtonClass}>
                {t('users.resetConfirm')}
              </button>
              <button
                type="button"
                onClick={() => dialog.current?.close()}
                className={secondaryButtonClass}
              >
                {t('users.cancel')}
              </button>
            </div>
            <ActionError state={state} />
          </form>
        ) : null}
      </dialog>
    </OpenContext.Provider>
  );
}
