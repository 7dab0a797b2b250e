'use client';

import { useTranslations } from 'next-intl';
import { useRef } from 'react';

interface Option {
  code: string;
  label: string;
}

/**
 * A GET form: the filters live in the URL, so a filtered list can be bookmarked or shared, and the
 * form works before JavaScript loads. With JavaScript, choosing a menu entry applies it at once.
 */
export function OutletFilters({
  regions,
  countries,
  themes = [],
  values,
}: {
  regions: Option[];
  countries: (Option & { regionCode: string })[];
  /** The tour's coverage themes (code is the theme's id). */
  themes?: Option[];
  values: {
    region?: string | undefined;
    country?: string | undefined;
    theme?: string | undefined;
    q?: string | undefined;
  };
}) {
  const t = useTranslations('outlets');
  const form = useRef<HTMLFormElement>(null);
  const visibleCountries = values.region
    ? countries.filter((c) => c.regionCode === values.region)
    : countries;
  const submit = () => form.current?.requestSubmit();

  return (
    <search>
      <form
        ref={form}
        method="get"
        aria-label={t('filters')}
        className="mb-4 grid gap-3 rounded-lg border border-gray-200 bg-white p-3 sm:grid-cols-[1fr_auto_auto_auto_auto] sm:items-end"
      >
        <div className="grid gap-1">
          <label htmlFor="outlet-q" className="text-sm font-medium">
            {t('search')}
          </label>
          <input
            id="outlet-q"
            name="q"
            type="search"
            defaultValue={values.q}
            placeholder={t('searchPlaceholder')}
            maxLength={100}
            className="min-h-10 rounded-md border border-gray-400 px-2"
          />
        </div>
        <div className="grid gap-1">
          <label htmlFor="outlet-region" className="text-sm font-medium">
            {t('region')}
          </label>
          <select
            id="outlet-region"
            name="region"
            defaultValue={values.region ?? ''}
            onChange={(e) => {
              // A country from another region would leave the list empty: drop it.
              const country = form.current?.elements.namedItem(
                'country',
              ) as HTMLSelectElement | null;
              if (country) country.value = '';
              if (e.currentTarget.value !== values.region) submit();
            }}
            className="min-h-10 rounded-md border border-gray-400 bg-white px-2"
          >
            <option value="">{t('all')}</option>
            {regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
        <div className="grid gap-1">
          <label htmlFor="outlet-country" className="text-sm font-medium">
            {t('country')}
          </label>
          <select
            id="outlet-country"
            name="country"
            defaultValue={values.country ?? ''}
            onChange={submit}
            className="min-h-10 rounded-md border border-gray-400 bg-white px-2"
          >
            <option value="">{t('all')}</option>
            {visibleCountries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        {themes.length > 0 ? (
          <div className="grid min-w-0 gap-1">
            <label htmlFor="outlet-theme" className="text-sm font-medium">
              {t('theme')}
            </label>
            <select
              id="outlet-theme"
              name="theme"
              defaultValue={values.theme ?? ''}
              onChange={submit}
              className="min-h-10 w-full max-w-full rounded-md border border-gray-400 bg-white px-2 sm:max-w-48"
            >
              <option value="">{t('all')}</option>
              {themes.map((th) => (
                <option key={th.code} value={th.code}>
                  {th.label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="flex gap-2">
          <button
            type="submit"
            className="min-h-10 rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800"
          >
            {t('apply')}
          </button>
          {values.q || values.region || values.country || values.theme ? (
            <a
              href="?"
              className="inline-flex min-h-10 items-center px-2 text-sm text-brand-700 underline"
            >
              {t('clear')}
            </a>
          ) : null}
        </div>
      </form>
    </search>
  );
}
