import { useTranslations } from 'next-intl';
import { FilterButtons, FilterForm, SearchField, SelectField } from '@/components/ui/filter-form';
import { delegateRoles } from '@/db/schema/people';
import { pick } from '@/lib/i18n/pick';

/** Search, filters and sort of the delegates list, all answered by the database. */
export function DelegateFilters({
  values,
  outlets,
  groups,
  regions,
  locale,
}: {
  values: Record<string, string | number | undefined>;
  /** Null when the tour has too many for a menu: a search by name stands in. */
  outlets: { id: string; nameZh: string; nameEn: string }[] | null;
  groups: { id: string; code: string; nameZh: string; nameEn: string }[] | null;
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
      {outlets ? (
        <SelectField
          id="delegate-outlet"
          name="outlet"
          label={tf('outlet')}
          value={value('outlet')}
          allLabel={t('all')}
          options={outlets.map((o) => ({ value: o.id, label: label(o) }))}
        />
      ) : (
        <SearchField
          id="delegate-outlet"
          name="outletQ"
          label={tf('outlet')}
          value={value('outletQ')}
          placeholder={tf('typeName')}
        />
      )}
      {groups ? (
        <SelectField
          id="delegate-group"
          name="group"
          label={tf('group')}
          value={value('group')}
          allLabel={t('all')}
          options={groups.map((g) => ({ value: g.id, label: label(g) }))}
        />
      ) : (
        <SearchField
          id="delegate-group"
          name="groupQ"
          label={tf('group')}
          value={value('groupQ')}
          placeholder={tf('typeName')}
        />
      )}
      {/* A link from an outlet or group page filters by its id, even when there is no menu. */}
      {!outlets && values.outlet ? (
        <input type="hidden" name="outlet" value={value('outlet')} />
      ) : null}
      {!groups && values.group ? <input type="hidden" name="group" value={value('group')} /> : null}
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
