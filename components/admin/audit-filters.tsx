import { useTranslations } from 'next-intl';
import {
  DateField,
  FilterButtons,
  FilterForm,
  SearchField,
  SelectField,
} from '@/components/ui/filter-form';
import { pick } from '@/lib/i18n/pick';
import { auditEventLabel } from './audit-words';

/** The audit log's filters: kind of event, who, which tour, which days. */
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
  return (
    <FilterForm label={t('audit.filters')}>
      <SelectField
        id="audit-action"
        name="action"
        label={t('audit.event')}
        value={values.action}
        allLabel={t('audit.all')}
        options={actions.map((a) => ({ value: a, label: auditEventLabel(t, a) }))}
      />
      <SearchField id="audit-user" name="user" label={t('audit.actor')} value={values.user} />
      <SelectField
        id="audit-tour"
        name="tour"
        label={t('audit.tour')}
        value={values.tour}
        allLabel={t('audit.all')}
        options={tours.map((tour) => ({
          value: tour.id,
          label: pick(locale, tour.nameZh, tour.nameEn),
        }))}
      />
      <DateField id="audit-from" name="from" label={t('audit.from')} value={values.from} />
      <DateField id="audit-to" name="to" label={t('audit.to')} value={values.to} />
      <FilterButtons
        apply={t('audit.apply')}
        clear={t('audit.clear')}
        filtered={Object.values(values).some(Boolean)}
      />
    </FilterForm>
  );
}
