import { useTranslations } from 'next-intl';
import { pick } from '@/components/ui/bilingual-name';
import { delegateRoles } from '@/db/schema/people';

const input = 'min-h-11 w-full min-w-0 rounded-md border border-gray-500 bg-white px-2';

/**
 * A GET form: the filters live in the address, so a filtered list can be bookmarked or shared,
 * and it works without JavaScript. Search, filters and sort are all answered by the database.
 */
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
  const select = (
    name: string,
    label: string,
    options: { value: string; label: string }[],
    allLabel = t('all'),
  ) => (
    <div className="grid min-w-0 gap-1">
      <label htmlFor={`delegate-${name}`} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={`delegate-${name}`}
        name={name}
        defaultValue={String(values[name] ?? '')}
        className={input}
      >
        {allLabel ? <option value="">{allLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const filtered = ['q', 'outlet', 'group', 'role', 'region'].some((k) => values[k]);
  return (
    <search>
      <form
        method="get"
        aria-label={t('filters')}
        className="mb-4 grid gap-3 rounded-lg border border-gray-200 bg-white p-3 sm:grid-cols-3 lg:grid-cols-4"
      >
        <div className="grid min-w-0 gap-1 sm:col-span-3 lg:col-span-4">
          <label htmlFor="delegate-q" className="text-sm font-medium">
            {t('search')}
          </label>
          <input
            id="delegate-q"
            name="q"
            type="search"
            defaultValue={values.q ? String(values.q) : undefined}
            placeholder={t('searchPlaceholder')}
            maxLength={100}
            className={input}
          />
        </div>
        {select(
          'outlet',
          tf('outlet'),
          outlets.map((o) => ({ value: o.id, label: pick(locale, o.nameZh, o.nameEn) })),
        )}
        {select(
          'group',
          tf('group'),
          groups.map((g) => ({ value: g.id, label: pick(locale, g.nameZh, g.nameEn) })),
        )}
        {select(
          'role',
          tf('role'),
          delegateRoles.map((r) => ({ value: r, label: tRole(r) })),
        )}
        {select(
          'region',
          t('region'),
          regions.map((r) => ({ value: r.code, label: pick(locale, r.nameZh, r.nameEn) })),
        )}
        {select(
          'sort',
          t('sort'),
          [
            { value: 'name', label: t('sortName') },
            { value: 'outlet', label: t('sortOutlet') },
            { value: 'group', label: t('sortGroup') },
          ],
          '',
        )}
        <div className="flex flex-wrap items-end gap-2">
          <button
            type="submit"
            className="min-h-11 rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800"
          >
            {t('apply')}
          </button>
          {filtered ? (
            <a
              href="?"
              className="inline-flex min-h-11 items-center px-2 text-sm text-brand-700 underline"
            >
              {t('clear')}
            </a>
          ) : null}
        </div>
      </form>
    </search>
  );
}
