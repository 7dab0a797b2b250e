'use server';

import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { changeOwnPassword } from '@/lib/dal/accounts';
import { authedAction } from '@/lib/dal/action';
import { fail } from '@/lib/dal/action-result';
import { changePasswordSchema } from '@/lib/validation/account';

// Any signed-in user may change their own password (authedAction authenticates the session).
export const changePasswordAction = authedAction(
  {
    name: 'changePassword',
    schema: changePasswordSchema,
    roles: ['organizer', 'coordinator', 'journalist'],
  },
  async (input, { viewer, db, ip }) => {
    const t = await getTranslations('account');
    if (input.next !== input.confirm) {
      return fail('invalid', t('mismatch'), { confirm: [t('mismatch')] });
    }
    const result = await changeOwnPassword(db, viewer, {
      current: input.current,
      next: input.next,
      ip,
    });
    if (result === 'locked') return fail('locked', t('locked'));
    if (result === 'wrongCurrent') {
      return fail('invalid', t('wrongCurrent'), { current: [t('wrongCurrent')] });
    }
    // Every session of this user just ended, this one too: sign in again with the new password.
    redirect('/login?changed=1');
  },
);
