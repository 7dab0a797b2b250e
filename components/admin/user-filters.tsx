import { useTranslations } from 'next-intl';
import { inputClass } from './form-parts';

const roles = ['organizer', 'coordinator', 'journalist'] as const;

/** Search and role filter of the account list: a GET form, answered by the database. */
export function UserFilters({
  values,
}: {
  values: { q?: string | undefined; role?: string | undefined };
}) {
  const t = useTranslations('admin');
  return (
    <search>
      <form
        method="get"
        aria-label={t('users.filters')}
        className="mb-3 grid gap-3 rounded-lg border border-gray-200 bg-white p-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] sm:items-end"
      >
        <div className="grid min-w-0 gap-1">
          <label htmlFor="users-q" className="text-sm font-medium">
            {t('users.search')}
          </label>
          <input
            id="users-q"
            name="q"
            type="search"
            maxLength={100}
            defaultValue={values.q}
            placeholder={t('users.searchPlaceholder')}
            className={inputClass}
          />
        </div>
        <div className="grid min-w-0 gap-1">
          <label htmlFor="users-role" className="text-sm font-medium">
            {t('users.roleFilter')}
          </label>
          <select
            id="users-role"
            name="role"
            defaultValue={values.role ?? ''}
            className={inputClass}
          >
            <option value="">{t('users.all')}</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-wrap gap-2">
          <button
            type="submit"
            className="min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800"
          >
            {t('users.apply')}
          </button>
          {values.q || values.role ? (
            <a
              href="?"
              className="inline-flex min-h-11 items-center px-2 text-sm text-brand-700 underline"
            >
              {t('users.clear')}
            </a>
          ) : null}
        </div>
      </form>
    </search>
  );
}
