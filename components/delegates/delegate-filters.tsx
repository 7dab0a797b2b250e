import { useTranslations } from 'next-intl';
import { pick } from '@/components/ui/bilingual-name';
import { FilterButtons, FilterForm, SearchField, SelectField } from '@/components/ui/filter-form';
import { delegateRoles } from '@/db/schema/people';

/** Search, filters and sort of the delegates list, all answered by the database. */
export function DelegateFilters({
  values,
  outlets,
  groups,
  regions,
  locale,
}: {
  values: Record<string, string | number | undefined>;
  outlets: { id: string; nameZh: string; nameEn: string }[];
  groups: { id: string; code: string; nameZh: string; nameEn: string }[];
  regions: { code: string; nameZh: string; nameEn: string }[];
  locale: string;
}) {
  const t = useTranslations('delegates');
  const tf = useTranslations('delegateFilters');
  const tRole = useTranslations('delegateRole');
  const value = (key: string) => (values[key] === undefined ? undefined : String(values[key]));
  const label = (r: { nameZh: string; nameEn: string }) => pick(locale, r.nameZh, r.nameEn);
  return (
    <FilterForm label={t('filters')} className="lg:grid-cols-4">
      <SearchField
        id="delegate-q"
        name="q"
        label={t('search')}
        value={value('q')}
        placeholder={t('searchPlaceholder')}
        className="sm:col-span-2 lg:col-span-4"
      />
      <SelectField
        id="delegate-outlet"
        name="outlet"
        label={tf('outlet')}
        value={value('outlet')}
        allLabel={t('all')}
        options={outlets.map((o) => ({ value: o.id, label: label(o) }))}
      />
      <SelectField
        id="delegate-group"
        name="group"
        label={tf('group')}
        value={value('group')}
        allLabel={t('all')}
        options={groups.map((g) => ({ value: g.id, label: label(g) }))}
      />
      <SelectField
        id="delegate-role"
        name="role"
        label={tf('role')}
        value={value('role')}
        allLabel={t('all')}
        options={delegateRoles.map((r) => ({ value: r, label: tRole(r) }))}
      />
      <SelectField
        id="delegate-region"
        name="region"
        label={t('region')}
        value={value('region')}
        allLabel={t('all')}
        options={regions.map((r) => ({ value: r.code, label: label(r) }))}
      />
      <SelectField
        id="delegate-sort"
        name="sort"
        label={t('sort')}
        value={value('sort')}
        options={[
          { value: 'name', label: t('sortName') },
          { value: 'outlet', label: t('sortOutlet') },
          { value: 'group', label: t('sortGroup') },
        ]}
      />
      <FilterButtons
        apply={t('apply')}
        clear={t('clear')}
        filtered={['q', 'outlet', 'group', 'role', 'region'].some((k) => values[k])}
      />
    </FilterForm>
  );
}
