import { useTranslations } from 'next-intl';
import { pick } from '@/components/ui/bilingual-name';
import { auditEventLabel } from './audit-words';

const input = 'min-h-11 w-full min-w-0 rounded-md border border-gray-500 bg-white px-2';

/** A GET form over the audit log: kind of event, who, which tour, which days. */
export function AuditFilters({
  values,
  actions,
  tours,
  locale,
}: {
  values: Record<string, string | undefined>;
  actions: string[];
  tours: { id: string; nameZh: string; nameEn: string }[];
  locale: string;
}) {
  const t = useTranslations('admin');
  const filtered = Object.values(values).some(Boolean);
  return (
    <search>
      <form
        method="get"
        aria-label={t('audit.filters')}
        className="mb-4 grid gap-3 rounded-lg border border-gray-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-3"
      >
        <div className="grid min-w-0 gap-1">
          <label htmlFor="audit-action" className="text-sm font-medium">
            {t('audit.event')}
          </label>
          <select
            id="audit-action"
            name="action"
            defaultValue={values.action ?? ''}
            className={input}
          >
            <option value="">{t('audit.all')}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {auditEventLabel(t, a)}
              </option>
            ))}
          </select>
        </div>
        <div className="grid min-w-0 gap-1">
          <label htmlFor="audit-user" className="text-sm font-medium">
            {t('audit.actor')}
          </label>
          <input
            id="audit-user"
            name="user"
            type="search"
            maxLength={100}
            defaultValue={values.user}
            className={input}
          />
        </div>
        <div className="grid min-w-0 gap-1">
          <label htmlFor="audit-tour" className="text-sm font-medium">
            {t('audit.tour')}
          </label>
          <select id="audit-tour" name="tour" defaultValue={values.tour ?? ''} className={input}>
            <option value="">{t('audit.all')}</option>
            {tours.map((tour) => (
              <option key={tour.id} value={tour.id}>
                {pick(locale, tour.nameZh, tour.nameEn)}
              </option>
            ))}
          </select>
        </div>
        <div className="grid min-w-0 gap-1">
          <label htmlFor="audit-from" className="text-sm font-medium">
            {t('audit.from')}
          </label>
          <input
            id="audit-from"
            name="from"
            type="date"
            defaultValue={values.from}
            className={input}
          />
        </div>
        <div className="grid min-w-0 gap-1">
          <label htmlFor="audit-to" className="text-sm font-medium">
            {t('audit.to')}
          </label>
          <input id="audit-to" name="to" type="date" defaultValue={values.to} className={input} />
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <button
            type="submit"
            className="min-h-11 rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800"
          >
            {t('audit.apply')}
          </button>
          {filtered ? (
            <a
              href="?"
              className="inline-flex min-h-11 items-center px-2 text-sm text-brand-700 underline"
            >
              {t('audit.clear')}
            </a>
          ) : null}
        </div>
      </form>
    </search>
  );
}
