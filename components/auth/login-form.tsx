'use client';

import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { safeCallbackPath } from '@/lib/auth/redirect';

/** What a refused sign-in says: when the account or the network is locked, and for how long. */
function failureMessage(error: string, t: ReturnType<typeof useTranslations<'auth'>>): string {
  const [kind, scope, ...rest] = error.split(':');
  const until = rest.join(':'); // an ISO instant, colons and all
  if (kind === 'locked' && until) {
    const minutes = Math.max(1, Math.ceil((Date.parse(until) - Date.now()) / 60_000));
    return scope === 'address' ? t('lockedAddress', { minutes }) : t('lockedAccount', { minutes });
  }
  return t('failed');
}

export function LoginForm({ callbackPath, notice }: { callbackPath: string; notice?: string }) {
  const t = useTranslations('auth');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    });
    setPending(false);
    if (!result || result.error) {
      setError(failureMessage(result?.error ?? '', t));
      return;
    }
    // A path the server checked (lib/auth/redirect.ts), and checked again here for the same rule.
    router.replace(safeCallbackPath(callbackPath));
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate={false}>
      {notice ? (
        <p role="status" className="rounded-md bg-brand-50 p-3 text-sm text-brand-800">
          {notice}
        </p>
      ) : null}
      <div className="grid gap-1">
        <label htmlFor="email" className="text-sm font-medium">
          {t('email')}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          maxLength={254}
          className="min-h-11 rounded-md border border-gray-400 px-3"
        />
      </div>
      <div className="grid gap-1">
        <label htmlFor="password" className="text-sm font-medium">
          {t('password')}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={1024}
          className="min-h-11 rounded-md border border-gray-400 px-3"
        />
      </div>
      <p role="alert" className="min-h-5 text-sm font-medium text-red-800">
        {error}
      </p>
      <button
        type="submit"
        disabled={pending}
        className="min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800 disabled:opacity-70"
      >
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
