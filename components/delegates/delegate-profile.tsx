import { useLocale, useTranslations } from 'next-intl';
import { BilingualName } from '@/components/ui/bilingual-name';
import type { DelegateProfile as Profile } from '@/lib/dal/delegates';
import { pick } from '@/lib/i18n/pick';
import { formatDateTime } from '@/lib/time';

type Entry = [label: string, value: string | null | undefined, mono?: boolean];

export function DelegateProfile({ delegate: d }: { delegate: Profile }) {
  const t = useTranslations('delegates');
  const tRole = useTranslations('delegateRole');
  const locale = useLocale();
  const zone = 'Asia/Shanghai';
  const rows: Entry[] = [
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
      [d.emergencyContactName, d.emergencyContactPhone].filter(Boolean).join(' · ') || null,
    ],
    ...(d.arrivesAt ? [[t('arrives'), formatDateTime(d.arrivesAt, zone, locale)] as Entry] : []),
    ...(d.departsAt ? [[t('departs'), formatDateTime(d.departsAt, zone, locale)] as Entry] : []),
  ];
  const sensitive: Entry[] =
    'whole' in d.passport
      ? [
          [t('passportNumber'), d.passport.whole, true],
          [t('nationality'), pick(locale, d.nationalityZh, d.nationalityEn) || null],
          [t('dateOfBirth'), d.dateOfBirth],
        ]
      : [];
  const list = (entries: Entry[]) => (
    <dl className="grid grid-cols-[minmax(6rem,auto)_minmax(0,1fr)] gap-x-4 gap-y-2 rounded-lg border border-gray-200 bg-white p-4 text-sm">
      {entries.map(([label, value, mono]) => (
        <div key={label} className="contents">
          <dt className="text-gray-700">{label}</dt>
          <dd className={mono ? 'font-mono wrap-anywhere' : 'wrap-anywhere'}>
            {value || t('none')}
          </dd>
        </div>
      ))}
    </dl>
  );
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold wrap-anywhere">
        <BilingualName
          zh={d.nameZh}
          en={d.nameEn ?? d.passportName}
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
      ) : 'masked' in d.passport && d.passport.masked ? (
        <p className="mt-3 text-sm text-gray-700">
          {t('passportMasked')}: <span className="font-mono">{d.passport.masked}</span> ·{' '}
          {t('passportHidden')}
        </p>
      ) : null}
    </>
  );
}
