import { useTranslations } from 'next-intl';
import { Fragment } from 'react';
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
      {(
        [
          ['outlet', outlets],
          ['group', groups],
        ] as const
      ).map(([name, menu]) =>
        menu ? (
          <SelectField
            key={name}
            id={`delegate-${name}`}
            name={name}
            label={tf(name)}
            value={value(name)}
            allLabel={t('all')}
            options={menu.map((o) => ({ value: o.id, label: label(o) }))}
          />
        ) : (
          <Fragment key={name}>
            <SearchField
              id={`delegate-${name}`}
              name={`${name}Q`}
              label={tf(name)}
              value={value(`${name}Q`)}
              placeholder={tf('typeName')}
            />
            {/* A link from an outlet or group page filters by its id, even without a menu. */}
            {values[name] ? <input type="hidden" name={name} value={value(name)} /> : null}
          </Fragment>
        ),
      )}
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
