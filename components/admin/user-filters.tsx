import { useTranslations } from 'next-intl';
import { FilterButtons, FilterForm, SearchField, SelectField } from '@/components/ui/filter-form';

const roles = ['organizer', 'coordinator', 'journalist'] as const;

/** Search and role filter of the account list, answered by the database. */
export function UserFilters({
  values,
}: {
  values: { q?: string | undefined; role?: string | undefined };
}) {
  const t = useTranslations('admin');
  return (
    <FilterForm label={t('users.filters')}>
      <SearchField
        id="users-q"
        name="q"
        label={t('users.search')}
        value={values.q}
        placeholder={t('users.searchPlaceholder')}
      />
      <SelectField
        id="users-role"
        name="role"
        label={t('users.roleFilter')}
        value={values.role}
        allLabel={t('users.all')}
        options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
      />
      <FilterButtons
        apply={t('users.apply')}
        clear={t('users.clear')}
        filtered={Boolean(values.q || values.role)}
      />
    </FilterForm>
  );
}
