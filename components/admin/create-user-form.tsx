'use client';

import { useLocale, useTranslations } from 'next-intl';
import { startTransition, useActionState, useRef, useState } from 'react';
import { createUserAction } from '@/lib/actions/users';
import type { DelegateOption } from '@/lib/dal/users/list';
import { pick } from '@/lib/i18n/pick';
import { useShowCredentials } from './credentials';
import { DelegatePicker } from './delegate-picker';
import { ActionError, inputClass, primaryButtonClass } from './form-parts';

export interface TourOption {
  id: string;
  nameZh: string;
  nameEn: string;
}

const roles = ['coordinator', 'journalist', 'organizer'] as const;
type Role = (typeof roles)[number];

/**
 * Creates one account. For a journalist, the delegate is found by searching the chosen tour's
 * delegates without an account, as the organizer types.
 */
export function CreateUserForm({ tours }: { tours: TourOption[] }) {
  const t = useTranslations('admin');
  const locale = useLocale();
  const show = useShowCredentials();
  const form = useRef<HTMLFormElement>(null);
  const emailInput = useRef<HTMLInputElement>(null);
  const [role, setRole] = useState<Role>('coordinator');
  const [tourId, setTourId] = useState('');
  const [delegate, setDelegate] = useState<DelegateOption | null>(null);

  const [state, action, pending] = useActionState(async (previous: unknown, formData: FormData) => {
    const result = await createUserAction(previous, formData);
    if (result.ok) {
      show({
        title: t('results.created', { email: result.data.email }),
        rows: [
          {
            nameZh: delegate?.nameZh ?? null,
            nameEn: result.data.displayName,
            outletZh: delegate?.outletZh,
            outletEn: delegate?.outletEn,
            email: result.data.email,
            password: result.data.password,
          },
        ],
      });
      form.current?.reset();
      setRole('coordinator');
      setTourId('');
      setDelegate(null);
    }
    return result;
  }, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const shownFields = ['email', 'displayName', 'role'].concat(
    role === 'journalist' ? ['tourId', 'delegateId'] : [],
  );
  const describedBy = (field: string) => (errors[field] ? `create-${field}-error` : undefined);
  const fieldError = (field: string) =>
    errors[field] ? (
      <p id={`create-${field}-error`} className="text-sm font-medium text-red-800">
        {errors[field].join(' ')}
      </p>
    ) : null;

  return (
    <form
      ref={form}
      action={action}
      onSubmit={(event) => {
        // Submitted by hand so that a refused form keeps what was typed (React resets a form
        // after its action otherwise).
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
      aria-labelledby="create-user-title"
      className="grid gap-4 rounded-lg border border-gray-200 bg-white p-4"
    >
      <h2 id="create-user-title" className="text-lg font-semibold">
        {t('create.title')}
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="grid content-start gap-1">
          <label htmlFor="create-email" className="text-sm font-medium">
            {t('create.email')}
          </label>
          <input
            ref={emailInput}
            id="create-email"
            name="email"
            type="email"
            required
            maxLength={254}
            autoComplete="off"
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={describedBy('email')}
            className={inputClass}
          />
          {fieldError('email')}
        </div>
        <div className="grid content-start gap-1">
          <label htmlFor="create-displayName" className="text-sm font-medium">
            {t('create.displayName')}{' '}
            <span className="font-normal text-gray-700">{t('create.optional')}</span>
          </label>
          <input
            id="create-displayName"
            name="displayName"
            type="text"
            maxLength={100}
            autoComplete="off"
            aria-invalid={errors.displayName ? true : undefined}
            aria-describedby={describedBy('displayName')}
            className={inputClass}
          />
          {fieldError('displayName')}
        </div>
        <div className="grid content-start gap-1">
          <label htmlFor="create-role" className="text-sm font-medium">
            {t('create.role')}
          </label>
          <select
            id="create-role"
            name="role"
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as Role)}
            aria-invalid={errors.role ? true : undefined}
            aria-describedby={describedBy('role')}
            className={inputClass}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
          {fieldError('role')}
        </div>
      </div>

      {role === 'journalist' ? (
        <fieldset className="grid gap-4 rounded-md border border-gray-300 p-3 sm:grid-cols-2">
          <legend className="px-1 text-sm font-medium">{t('create.link')}</legend>
          <p className="text-sm text-gray-700 sm:col-span-2">{t('create.linkHint')}</p>
          <div className="grid content-start gap-1">
            <label htmlFor="create-tourId" className="text-sm font-medium">
              {t('create.tour')}
            </label>
            <select
              id="create-tourId"
              name="tourId"
              required
              value={tourId}
              onChange={(e) => {
                setTourId(e.currentTarget.value);
                setDelegate(null);
              }}
              aria-invalid={errors.tourId ? true : undefined}
              aria-describedby={describedBy('tourId')}
              className={inputClass}
            >
              <option value="">{t('create.chooseTour')}</option>
              {tours.map((tour) => (
                <option key={tour.id} value={tour.id}>
                  {pick(locale, tour.nameZh, tour.nameEn)}
                </option>
              ))}
            </select>
            {fieldError('tourId')}
          </div>
          <DelegatePicker
            tourId={tourId}
            value={delegate?.id ?? ''}
            error={errors.delegateId}
            onChange={(chosen) => {
              setDelegate(chosen);
              // Offer the delegate's own address when none was typed yet.
              if (chosen?.email && emailInput.current && !emailInput.current.value) {
                emailInput.current.value = chosen.email;
              }
            }}
          />
        </fieldset>
      ) : null}

      {/* A refusal about one field shows beside it; the alert still reads it out. */}
      <ActionError
        state={state}
        className={
          Object.keys(errors).some((field) => shownFields.includes(field)) ? 'sr-only' : undefined
        }
      />
      <div>
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? t('create.pending') : t('create.submit')}
        </button>
      </div>
    </form>
  );
}
