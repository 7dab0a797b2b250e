'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { setUserDisabledAction } from '@/lib/actions/users';
import { ActionError, dangerButtonClass, secondaryButtonClass } from './form-parts';
import { useResetDialog } from './reset-dialog';

/** Disable or enable an account; reset its password (after the page's confirmation dialog). */
export function UserActions({
  user,
}: {
  user: { id: string; email: string; displayName: string | null; disabled: boolean; role: string };
}) {
  const t = useTranslations('admin');
  const openReset = useResetDialog();
  const [state, toggle, toggling] = useActionState(setUserDisabledAction, null);
  // The email is read out with each button, so a screen reader knows whose account it acts on.
  const whose = <span className="sr-only"> ({user.email})</span>;
  return (
    <div className="grid gap-1">
      <div className="flex flex-wrap gap-2">
        <form action={toggle}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="disabled" value={user.disabled ? 'false' : 'true'} />
          <button
            type="submit"
            disabled={toggling}
            className={user.disabled ? secondaryButtonClass : dangerButtonClass}
          >
            {user.disabled ? t('users.enable') : t('users.disable')}
            {whose}
          </button>
        </form>
        <button
          type="button"
          onClick={() =>
            openReset({
              userId: user.id,
              email: user.email,
              displayName: user.displayName,
              role: user.role,
            })
          }
          className={secondaryButtonClass}
        >
          {t('users.resetPassword')}
          {whose}
        </button>
      </div>
      <ActionError state={state} />
    </div>
  );
}
