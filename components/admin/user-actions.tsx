'use client';

import { useTranslations } from 'next-intl';
import { startTransition, useActionState } from 'react';
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
        {/* A button, not a form per row: a page of 50 accounts stays light. */}
        <button
          type="button"
          disabled={toggling}
          onClick={() =>
            startTransition(() => toggle({ userId: user.id, disabled: !user.disabled }))
          }
          className={user.disabled ? secondaryButtonClass : dangerButtonClass}
        >
          {user.disabled ? t('users.enable') : t('users.disable')}
          {whose}
        </button>
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
