'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { resetPasswordAction, setUserDisabledAction } from '@/lib/actions/users';
import { useShowCredentials } from './credentials';
import { ActionError, dangerButtonClass, secondaryButtonClass } from './form-parts';

/** Disable or enable an account, and hand out a new password. */
export function UserActions({
  user,
  isSelf,
}: {
  user: { id: string; email: string; displayName: string | null; disabled: boolean };
  isSelf: boolean;
}) {
  const t = useTranslations('admin');
  const show = useShowCredentials();
  const [toggleState, toggle, toggling] = useActionState(setUserDisabledAction, null);
  const [resetState, reset, resetting] = useActionState(
    async (previous: unknown, formData: FormData) => {
      const result = await resetPasswordAction(previous, formData);
      if (result.ok) {
        show({
          title: t('results.reset', { email: result.data.email }),
          rows: [
            {
              nameZh: null,
              nameEn: user.displayName,
              email: result.data.email,
              password: result.data.password,
            },
          ],
        });
      }
      return result;
    },
    null,
  );
  // The email is read out with each button, so a screen reader knows whose account it acts on.
  const whose = <span className="sr-only"> ({user.email})</span>;

  if (isSelf) return <p className="text-sm text-gray-700">{t('users.selfNote')}</p>;
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
        <form action={reset}>
          <input type="hidden" name="userId" value={user.id} />
          <button type="submit" disabled={resetting} className={secondaryButtonClass}>
            {t('users.resetPassword')}
            {whose}
          </button>
        </form>
      </div>
      <ActionError state={toggleState} />
      <ActionError state={resetState} />
    </div>
  );
}
