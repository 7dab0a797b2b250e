'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';

export function SignOutButton() {
  const t = useTranslations('auth');
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: '/login' })}
      className="min-h-9 rounded-md px-2 text-sm text-white underline-offset-4 hover:underline"
    >
      {t('signOut')}
    </button>
  );
}
