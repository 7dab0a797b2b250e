import { useLocale, useTranslations } from 'next-intl';
import { pick } from '@/components/ui/bilingual-name';
import { dateKeyOf, formatTime } from '@/lib/time';

export interface AuditListItem {
  id: number;
  at: Date;
  action: string;
  actorEmail: string | null;
  target: string | null;
  detail: unknown;
  ip: string | null;
  tourZh: string | null;
  tourEn: string | null;
}

const zone = 'Asia/Shanghai';

/** Audit entries, newest first; each a card whose fields wrap on a narrow phone. */
export function AuditList({ entries }: { entries: AuditListItem[] }) {
  const t = useTranslations('admin');
  const locale = useLocale();
  if (entries.length === 0) return <p className="text-gray-700">{t('audit.empty')}</p>;
  return (
    <ol className="grid gap-2" aria-label={t('audit.listLabel')}>
      {entries.map((e) => {
        const tour = pick(locale, e.tourZh, e.tourEn);
        const fields = [
          { label: t('audit.actor'), value: e.actorEmail ?? t('audit.nobody') },
          { label: t('audit.target'), value: e.target },
          { label: t('audit.tour'), value: tour || null },
          { label: t('audit.ip'), value: e.ip },
          {
            label: t('audit.detail'),
            value: e.detail === null || e.detail === undefined ? null : JSON.stringify(e.detail),
            code: true,
          },
        ].filter((f) => f.value);
        return (
          <li
            key={e.id}
            data-testid="audit-entry"
            className="rounded-lg border border-gray-200 bg-white p-3 text-sm"
          >
            <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <time dateTime={e.at.toISOString()} className="font-mono text-gray-800">
                {dateKeyOf(e.at, zone)} {formatTime(e.at, zone)}
              </time>
              <span className="font-mono font-semibold text-gray-900">{e.action}</span>
            </p>
            <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5">
              {fields.map((f) => (
                <div key={f.label} className="contents">
                  <dt className="text-gray-700">{f.label}</dt>
                  <dd className="min-w-0 wrap-anywhere text-gray-900">
                    {f.code ? <code className="font-mono text-xs">{f.value}</code> : f.value}
                  </dd>
                </div>
              ))}
            </dl>
          </li>
        );
      })}
    </ol>
  );
}
