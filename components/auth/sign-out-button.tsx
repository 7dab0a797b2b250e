import { useTranslations } from 'next-intl';
import { signOutAction } from '@/lib/actions/session';

export function SignOutButton() {
  const t = useTranslations('auth');
  return (
    <form action={signOutAction} data-sign-out>
      <button
        type="submit"
        className="min-h-9 rounded-md px-2 text-sm text-white underline-offset-4 hover:underline"
      >
        {t('signOut')}
      </button>
    </form>
  );
}
