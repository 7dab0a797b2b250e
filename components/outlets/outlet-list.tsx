import { useLocale, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { BilingualName } from '@/components/ui/bilingual-name';
import type { OutletRow } from '@/lib/dal/outlets';
import { pick } from '@/lib/i18n/pick';

export function OutletList({ outlets, tourId }: { outlets: OutletRow[]; tourId: string }) {
  const t = useTranslations('outlets');
  const tType = useTranslations('mediaType');
  const locale = useLocale();
  return (
    <ul className="grid gap-2" aria-label={t('title')}>
      {outlets.map((o) => (
        <li key={o.id} data-testid="outlet" className="outlet-card">
          <div>
            <h2 className="font-semibold">
              {/* A plain link, as on the delegates list: no hydration or prefetch per card. */}
              <a
                href={`/tours/${tourId}/outlets/${o.id}`}
                className="text-brand-700 hover:underline"
              >
                <BilingualName zh={o.nameZh} en={o.nameEn} locale={locale} />
              </a>
            </h2>
            <p className="text-sm text-gray-700">
              {pick(locale, o.countryZh, o.countryEn)} · {pick(locale, o.regionZh, o.regionEn)} ·{' '}
              {tType(o.mediaType)}
            </p>
          </div>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm sm:mt-0">
            <dt className="text-gray-700">{t('delegates')}</dt>
            <dd>{o.delegateCount}</dd>
            <dt className="text-gray-700">{t('themes')}</dt>
            <dd className="flex flex-wrap gap-1">
              {o.themes.map((theme) => (
                <Badge key={theme.nameEn} tone="brand">
                  {pick(locale, theme.nameZh, theme.nameEn)}
                </Badge>
              ))}
            </dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
