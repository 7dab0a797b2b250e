import { useLocale, useTranslations } from 'next-intl';
import type { AuditRow } from '@/lib/dal/audit';
import { pick } from '@/lib/i18n/pick';
import { dateKeyOf, formatTime } from '@/lib/time';
import { auditDetailWords, auditEventLabel } from './audit-words';

const zone = 'Asia/Shanghai';

/** Audit entries, newest first, in words; each a card whose fields wrap on a narrow phone. */
export function AuditList({ entries }: { entries: AuditRow[] }) {
  const t = useTranslations('admin');
  const locale = useLocale();
  if (entries.length === 0) return <p className="text-gray-700">{t('audit.empty')}</p>;
  const when = (at: Date) => `${dateKeyOf(at, zone)} ${formatTime(at, zone)}`;
  return (
    <ol className="grid gap-2" aria-label={t('audit.listLabel')}>
      {entries.map((e) => {
        const tour = pick(locale, e.tourZh, e.tourEn);
        const fields = [
          { label: t('audit.actor'), value: e.actorEmail ?? t('audit.nobody') },
          { label: t('audit.target'), value: e.target },
          { label: t('audit.tour'), value: tour || null },
          { label: t('audit.ip'), value: e.ip },
          ...auditDetailWords(t, e.detail),
          ...(e.count > 1
            ? [
                {
                  label: t('audit.repeated'),
                  value: t('audit.repeatedValue', { count: e.count, last: when(e.lastAt) }),
                },
              ]
            : []),
        ].filter((f) => f.value);
        return (
          <li
            key={e.id}
            data-testid="audit-entry"
            data-action={e.action}
            className="rounded-lg border border-gray-200 bg-white p-3 text-sm"
          >
            <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <time dateTime={e.at.toISOString()} className="font-mono text-gray-800">
                {when(e.at)}
              </time>
              <span className="font-semibold text-gray-900">{auditEventLabel(t, e.action)}</span>
            </p>
            <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5">
              {fields.map((f) => (
                <div key={f.label} className="contents">
                  <dt className="text-gray-700">{f.label}</dt>
                  <dd className="min-w-0 wrap-anywhere text-gray-900">{f.value}</dd>
                </div>
              ))}
            </dl>
          </li>
        );
      })}
    </ol>
  );
}
