import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { BilingualName } from '@/components/ui/bilingual-name';
import type { DelegateRow } from '@/lib/dal/delegates';

export function DelegateList({ tourId, delegates }: { tourId: string; delegates: DelegateRow[] }) {
  const t = useTranslations('delegates');
  const tRole = useTranslations('delegateRole');
  const locale = useLocale();
  return (
    <ul className="grid gap-2" aria-label={t('title')}>
      {delegates.map((d) => (
        <li
          key={d.id}
          data-testid="delegate"
          className="grid gap-1 rounded-lg border border-gray-200 bg-white p-3 sm:grid-cols-[2fr_2fr_1fr]"
        >
          <div>
            <Link
              href={`/tours/${tourId}/delegates/${d.id}`}
              className="font-semibold text-brand-700 hover:underline"
            >
              <BilingualName zh={d.nameZh} en={d.nameEn} locale={locale} />
            </Link>
            <p className="text-sm text-gray-700">
              {tRole(d.role)}
              {d.groupCode ? ` · ${t('group')} ${d.groupCode}` : ''}
            </p>
          </div>
          <p className="text-sm">
            <BilingualName zh={d.outletZh} en={d.outletEn} locale={locale} />
          </p>
          <p className="text-sm text-gray-800">
            {d.phone ? <span className="block">{d.phone}</span> : null}
            {'passportNumber' in d ? (
              <span className="block" data-testid="passport">
                <span className="sr-only">{t('passportNumber')}: </span>
                {d.passportNumber ?? t('none')}
              </span>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
