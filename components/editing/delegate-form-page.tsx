import { getLocale, getTranslations } from 'next-intl/server';
import { delegateRoles, sexes } from '@/db/schema';
import { saveDelegateAction } from '@/lib/actions/editing';
import { canSeeSensitive, type Viewer } from '@/lib/auth/permissions';
import type { queryDelegateForEdit } from '@/lib/dal/editing/delegates';
import { getCountries, getOutletMenu } from '@/lib/dal/editing/pages';
import type { TourScope } from '@/lib/dal/scope';
import { pick } from '@/lib/i18n/pick';
import { inReaderScript } from '@/lib/i18n/script';
import { compareNames } from '@/lib/search';
import { dateKeyOf, formatTime } from '@/lib/time';
import { EntityForm, type FieldSpec } from './entity-form';
import { formText } from './form-text';

type Delegate = NonNullable<Awaited<ReturnType<typeof queryDelegateForEdit>>>;

/** The delegate form, new or existing. Passport fields only for organizers. */
export async function DelegateFormSection({
  scope,
  viewer,
  timeZone,
  delegate,
}: {
  scope: TourScope;
  viewer: Viewer;
  timeZone: string;
  delegate?: Delegate;
}) {
  const [t, tf, tRole, locale, outletMenu, countries] = await Promise.all([
    getTranslations('editing'),
    getTranslations('fields'),
    getTranslations('delegateRole'),
    getLocale(),
    getOutletMenu(scope),
    getCountries(),
  ]);
  const local = (d: Date | null | undefined) =>
    d ? `${dateKeyOf(d, timeZone)}T${formatTime(d, timeZone)}` : '';
  const byName = (a: { label: string }, b: { label: string }) =>
    compareNames(locale, a.label, b.label);
  const text = (name: keyof Delegate & string, max: number, required = false): FieldSpec => ({
    name,
    label: tf(name),
    type: 'text',
    maxLength: max,
    required,
    defaultValue: (delegate?.[name] as string | null | undefined) ?? '',
  });
  const fields: FieldSpec[] = [
    outletMenu
      ? {
          name: 'outletId',
          label: tf('outletId'),
          type: 'select',
          required: true,
          options: outletMenu
            .map((o) => ({
              value: o.id,
              label: pick(locale, inReaderScript(locale, o.nameZh), o.nameEn),
            }))
            .sort(byName),
          defaultValue: delegate?.outletId ?? '',
        }
      : {
          name: 'outletId',
          label: tf('outletId'),
          type: 'text',
          required: true,
          hint: t('delegates.outletIdHint'),
          defaultValue: delegate?.outletId ?? '',
        },
    text('passportName', 200, true),
    text('nameZh', 200),
    text('nameEn', 200),
    {
      name: 'role',
      label: tf('role'),
      type: 'select',
      required: true,
      options: delegateRoles.map((r) => ({ value: r, label: tRole(r) })),
      defaultValue: delegate?.role ?? 'journalist',
    },
    {
      name: 'sex',
      label: tf('sex'),
      type: 'select',
      options: sexes.map((s) => ({ value: s, label: t(`sex.${s}`) })),
      defaultValue: delegate?.sex ?? '',
    },
    text('phone', 50),
    { ...text('email', 254), type: 'email' },
    text('pressCard', 100),
    {
      name: 'arrivesAt',
      label: tf('arrivesAt'),
      type: 'datetime-local',
      hint: t('delegates.clockHint', { zone: timeZone }),
      defaultValue: local(delegate?.arrivesAt),
    },
    {
      name: 'departsAt',
      label: tf('departsAt'),
      type: 'datetime-local',
      hint: t('delegates.clockHint', { zone: timeZone }),
      defaultValue: local(delegate?.departsAt),
    },
    text('emergencyContactName', 200),
    text('emergencyContactPhone', 50),
    { ...text('dietaryNeeds', 500), type: 'textarea' },
    { ...text('accessNeeds', 500), type: 'textarea' },
  ];
  if (canSeeSensitive(viewer)) {
    fields.push(
      {
        name: 'passportNumber',
        label: tf('passportNumber'),
        type: 'text',
        maxLength: 20,
        hint: delegate?.sensitive?.hasPassport
          ? t('delegates.passportKeep')
          : t('delegates.passportHint'),
        defaultValue: '',
      },
      {
        name: 'passportExpiry',
        label: tf('passportExpiry'),
        type: 'date',
        defaultValue: delegate?.sensitive?.passportExpiry ?? '',
      },
      {
        name: 'nationality',
        label: tf('nationality'),
        type: 'select',
        options: countries
          .map((c) => ({
            value: c.code,
            label: pick(locale, inReaderScript(locale, c.nameZh), c.nameEn),
          }))
          .sort(byName),
        defaultValue: delegate?.sensitive?.nationality ?? '',
      },
      {
        name: 'dateOfBirth',
        label: tf('dateOfBirth'),
        type: 'date',
        defaultValue: delegate?.sensitive?.dateOfBirth ?? '',
      },
    );
  }
  return (
    <EntityForm
      title={delegate ? t('delegates.editTitle') : t('delegates.newTitle')}
      action={saveDelegateAction}
      hidden={{ tourId: scope.tourId, ...(delegate ? { delegateId: delegate.id } : {}) }}
      fields={fields}
      text={await formText()}
      redirectTo={`/tours/${scope.tourId}/delegates/{id}`}
      testId="delegate-form"
    />
  );
}
