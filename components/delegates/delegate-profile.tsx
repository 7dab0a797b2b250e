import { useLocale, useTranslations } from 'next-intl';
import { BilingualName, pick } from '@/components/ui/bilingual-name';
import type { DelegateRow } from '@/lib/dal/delegates';

export function DelegateProfile({ delegate: d }: { delegate: DelegateRow }) {
  const t = useTranslations('delegates');
  const tRole = useTranslations('delegateRole');
  const locale = useLocale();
  const rows: [string, string | null | undefined][] = [
    [t('outlet'), pick(locale, d.outletZh, d.outletEn)],
    [t('role'), tRole(d.role)],
    [t('group'), d.groupCode],
    [t('passportName'), d.passportName],
    [t('phone'), d.phone],
    [t('email'), d.email],
    [t('dietary'), d.dietaryNeeds],
    [t('access'), d.accessNeeds],
    [
      t('emergency'),
      [d.emergencyContactName, d.emergencyContactPhone].filter(Boolean).join(' · ') || undefined,
    ],
  ];
  const sensitive: [string, string | null | undefined][] =
    'passportNumber' in d
      ? [
          [t('passportNumber'), d.passportNumber],
          [t('nationality'), pick(locale, d.nationalityZh, d.nationalityEn)],
          [t('dateOfBirth'), d.dateOfBirth],
        ]
      : [];
  const list = (entries: [string, string | null | undefined][]) => (
    <dl className="grid grid-cols-[minmax(7rem,auto)_1fr] gap-x-4 gap-y-2 rounded-lg border border-gray-200 bg-white p-4 text-sm">
      {entries
        .filter(([, value]) => value !== undefined)
        .map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-gray-700">{label}</dt>
            <dd className="break-words">{value || t('none')}</dd>
          </div>
        ))}
    </dl>
  );
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">
        <BilingualName
          zh={d.nameZh}
          en={d.nameEn}
          locale={locale}
          secondaryClassName="block text-base"
        />
      </h1>
      {list(rows)}
      {sensitive.length ? (
        <section aria-labelledby="sensitive-h" className="mt-4">
          <h2 id="sensitive-h" className="mb-2 text-sm font-semibold text-amber-900">
            {t('sensitive')}
          </h2>
          {list(sensitive)}
        </section>
      ) : null}
    </>
  );
}
