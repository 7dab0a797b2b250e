'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { changePasswordAction } from '@/lib/actions/account';

const fields = [
  { name: 'current', autoComplete: 'current-password' },
  { name: 'next', autoComplete: 'new-password' },
  { name: 'confirm', autoComplete: 'new-password' },
] as const;

export function ChangePasswordForm() {
  const t = useTranslations('account');
  const [state, action, pending] = useActionState(changePasswordAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="grid gap-4">
      {fields.map((f) => (
        <div key={f.name} className="grid gap-1">
          <label htmlFor={`pw-${f.name}`} className="text-sm font-medium">
            {t(f.name)}
          </label>
          <input
            id={`pw-${f.name}`}
            name={f.name}
            type="password"
            required
            minLength={f.name === 'current' ? 1 : 10}
            maxLength={1024}
            autoComplete={f.autoComplete}
            aria-invalid={errors[f.name] ? true : undefined}
            aria-describedby={`pw-${f.name}-msg`}
            className="min-h-11 rounded-md border border-gray-400 px-3"
          />
          <p
            id={`pw-${f.name}-msg`}
            className={
              errors[f.name] ? 'text-sm font-medium text-red-800' : 'text-sm text-gray-700'
            }
          >
            {errors[f.name]?.join(' ') ?? (f.name === 'next' ? t('hint') : '')}
          </p>
        </div>
      ))}
      <p role="alert" className="min-h-5 text-sm font-medium text-red-800">
        {state && !state.ok ? state.message : ''}
      </p>
      <button
        type="submit"
        disabled={pending}
        className="min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800 disabled:opacity-70"
      >
        {t('submit')}
      </button>
    </form>
  );
}
