import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { ConfirmButton } from '@/components/editing/archive-button';
import { EntityForm, type FieldSpec } from '@/components/editing/entity-form';
import { formText } from '@/components/editing/form-text';
import {
  archiveSiteAction,
  deleteSiteAction,
  saveCityAction,
  saveSiteAction,
  setTravelTimeAction,
} from '@/lib/actions/editing';
import {
  getCities,
  getSites,
  getTravelTimes,
  requireReferenceEditor,
} from '@/lib/dal/editing/pages';
import { pick } from '@/lib/i18n/pick';
import { shownInScript } from '@/lib/i18n/script';
import { compareNames } from '@/lib/search';
import { firstValues } from '@/lib/validation/list-params';

const paramsSchema = z.object({
  city: z.uuid().optional().catch(undefined),
  site: z.uuid().optional().catch(undefined),
});

/** Cities, sites (with opening hours and closed days) and travel times, shared by every tour. */
export default async function PlacesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireReferenceEditor();
  const query = paramsSchema.parse(firstValues(await searchParams));
  const [cities, sites, travel, t, tf, locale] = await Promise.all([
    getCities(),
    getSites(),
    getTravelTimes(),
    getTranslations('editing'),
    getTranslations('fields'),
    getLocale(),
  ]);
  // The forms are given the stored names (what they send back is saved); lists, menus and titles
  // show them in the reader's script.
  const shownCities = shownInScript(locale, cities);
  const shownSites = shownInScript(locale, sites);
  const cityName = new Map(shownCities.map((c) => [c.id, pick(locale, c.nameZh, c.nameEn)]));
  const siteName = new Map(shownSites.map((s) => [s.id, pick(locale, s.nameZh, s.nameEn)]));
  const cityOptions = shownCities
    .map((c) => ({ value: c.id, label: pick(locale, c.nameZh, c.nameEn) }))
    .sort((a, b) => compareNames(locale, a.label, b.label));
  const city = cities.find((c) => c.id === query.city);
  const site = sites.find((s) => s.id === query.site);
  const cityFields = (c?: (typeof cities)[number]): FieldSpec[] => [
    {
      name: 'code',
      label: tf('code'),
      type: 'text',
      required: true,
      maxLength: 40,
      hint: t('places.codeHint'),
      defaultValue: c?.code ?? '',
    },
    {
      name: 'nameZh',
      label: tf('nameZh'),
      type: 'text',
      required: true,
      maxLength: 200,
      defaultValue: c?.nameZh ?? '',
    },
    {
      name: 'nameEn',
      label: tf('nameEn'),
      type: 'text',
      required: true,
      maxLength: 200,
      defaultValue: c?.nameEn ?? '',
    },
    {
      name: 'provinceZh',
      label: tf('provinceZh'),
      type: 'text',
      required: true,
      maxLength: 200,
      defaultValue: c?.provinceZh ?? '',
    },
    {
      name: 'provinceEn',
      label: tf('provinceEn'),
      type: 'text',
      required: true,
      maxLength: 200,
      defaultValue: c?.provinceEn ?? '',
    },
  ];
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => ({
    value: String(d),
    label: t(`places.weekday.${d}`),
  }));
  const siteFields = (s?: (typeof sites)[number]): FieldSpec[] => [
    {
      name: 'cityId',
      label: tf('cityId'),
      type: 'select',
      required: true,
      options: cityOptions,
      defaultValue: s?.cityId ?? '',
    },
    {
      name: 'capacity',
      label: tf('capacity'),
      type: 'number',
      min: 1,
      max: 100000,
      defaultValue: s?.capacity?.toString() ?? '',
    },
    {
      name: 'nameZh',
      label: tf('nameZh'),
      type: 'text',
      required: true,
      maxLength: 200,
      defaultValue: s?.nameZh ?? '',
    },
    {
      name: 'nameEn',
      label: tf('nameEn'),
      type: 'text',
      required: true,
      maxLength: 200,
      defaultValue: s?.nameEn ?? '',
    },
    {
      name: 'addressZh',
      label: tf('addressZh'),
      type: 'text',
      maxLength: 300,
      defaultValue: s?.addressZh ?? '',
    },
    {
      name: 'addressEn',
      label: tf('addressEn'),
      type: 'text',
      maxLength: 300,
      defaultValue: s?.addressEn ?? '',
    },
    {
      name: 'hostContactName',
      label: tf('hostContactName'),
      type: 'text',
      maxLength: 200,
      defaultValue: s?.hostContactName ?? '',
    },
    {
      name: 'hostContactPhone',
      label: tf('hostContactPhone'),
      type: 'text',
      maxLength: 50,
      defaultValue: s?.hostContactPhone ?? '',
    },
    {
      name: 'hostContactEmail',
      label: tf('hostContactEmail'),
      type: 'email',
      maxLength: 254,
      defaultValue: s?.hostContactEmail ?? '',
      wide: true,
    },
    {
      name: 'opensAt',
      label: tf('opensAt'),
      type: 'time',
      hint: t('places.hoursHint'),
      defaultValue: s?.opensAt ?? '',
    },
    { name: 'closesAt', label: tf('closesAt'), type: 'time', defaultValue: s?.closesAt ?? '' },
    {
      name: 'closedWeekdays',
      label: tf('closedWeekdays'),
      type: 'checkboxes',
      options: weekdays,
      defaultValue: (s?.closedWeekdays ?? []).map(String),
      wide: true,
    },
    {
      name: 'closures',
      label: tf('closures'),
      type: 'textarea',
      maxLength: 5000,
      hint: t('places.closuresHint'),
      defaultValue: s?.closures ?? '',
      wide: true,
    },
  ];
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{t('places.title')}</h1>
      <p className="mb-4 text-sm text-gray-700">{t('places.intro')}</p>

      <section aria-labelledby="cities-title" className="mb-8 grid gap-3">
        <h2 id="cities-title" className="text-xl font-semibold">
          {t('places.cities')}
        </h2>
        <ul className="flex flex-wrap gap-2">
          {shownCities.map((c) => (
            <li key={c.id}>
              <Link href={`/places?city=${c.id}#city-form`} className="btn-secondary">
                {t('places.editCity', { city: pick(locale, c.nameZh, c.nameEn) })}
              </Link>
            </li>
          ))}
        </ul>
        <div id="city-form" className="grid gap-4">
          {city ? (
            <EntityForm
              key={city.id}
              title={t('places.editCity', { city: cityName.get(city.id) ?? '' })}
              action={saveCityAction}
              hidden={{ cityId: city.id }}
              fields={cityFields(city)}
              text={await formText()}
              redirectTo="/places"
            />
          ) : null}
          <EntityForm
            title={t('places.newCity')}
            action={saveCityAction}
            fields={cityFields()}
            text={await formText(t('places.create'))}
            resetOnSuccess
          />
        </div>
      </section>

      <section aria-labelledby="sites-title" className="mb-8 grid gap-3">
        <h2 id="sites-title" className="text-xl font-semibold">
          {t('places.sites')}
        </h2>
        <table className="data-table">
          <caption className="sr-only">{t('places.sites')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('places.site')}</th>
              <th scope="col">{tf('cityId')}</th>
              <th scope="col">{t('places.hours')}</th>
              <th scope="col">
                <span className="sr-only">{t('places.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shownSites.map((s) => (
              <tr key={s.id}>
                <td>{pick(locale, s.nameZh, s.nameEn)}</td>
                <td>{cityName.get(s.cityId) ?? ''}</td>
                <td>
                  {s.opensAt && s.closesAt ? `${s.opensAt}–${s.closesAt}` : t('places.allDay')}
                </td>
                <td>
                  <Link
                    href={`/places?site=${s.id}#site-form`}
                    className="text-brand-700 underline"
                  >
                    {t('places.editSite', { site: pick(locale, s.nameZh, s.nameEn) })}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div id="site-form" className="grid gap-4">
          {site ? (
            <>
              <EntityForm
                key={site.id}
                title={t('places.editSite', { site: siteName.get(site.id) ?? '' })}
                action={saveSiteAction}
                hidden={{ siteId: site.id }}
                fields={siteFields(site)}
                text={await formText()}
                redirectTo="/places"
              />
              <ConfirmButton
                action={archiveSiteAction}
                hidden={{ siteId: site.id }}
                label={t('places.archiveSite')}
                confirm={t('places.archiveConfirm')}
                done={t('form.saved')}
                redirectTo="/places"
              />
              <ConfirmButton
                action={deleteSiteAction}
                hidden={{ siteId: site.id }}
                label={t('form.delete')}
                confirm={t('form.deleteConfirm')}
                done={t('form.saved')}
                redirectTo="/places"
              />
            </>
          ) : null}
          <EntityForm
            title={t('places.newSite')}
            action={saveSiteAction}
            fields={siteFields()}
            text={await formText(t('places.create'))}
            resetOnSuccess
          />
        </div>
      </section>

      <section aria-labelledby="travel-title" className="grid gap-3">
        <h2 id="travel-title" className="text-xl font-semibold">
          {t('places.travel')}
        </h2>
        <table className="data-table">
          <caption className="sr-only">{t('places.travel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('places.between')}</th>
              <th scope="col">{tf('minutes')}</th>
            </tr>
          </thead>
          <tbody>
            {travel
              .map((p) => ({
                ...p,
                label: `${cityName.get(p.cityAId) ?? '?'} – ${cityName.get(p.cityBId) ?? '?'}`,
              }))
              .sort((a, b) => compareNames(locale, a.label, b.label))
              .map((p) => (
                <tr key={`${p.cityAId}:${p.cityBId}`}>
                  <td>{p.label}</td>
                  <td>{p.minutes}</td>
                </tr>
              ))}
          </tbody>
        </table>
        <EntityForm
          title={t('places.setTravel')}
          action={setTravelTimeAction}
          fields={[
            {
              name: 'fromCityId',
              label: tf('fromCityId'),
              type: 'select',
              required: true,
              options: cityOptions,
            },
            {
              name: 'toCityId',
              label: tf('toCityId'),
              type: 'select',
              required: true,
              options: cityOptions,
            },
            {
              name: 'minutes',
              label: tf('minutes'),
              type: 'number',
              min: 1,
              max: 2000,
              hint: t('places.minutesHint'),
            },
          ]}
          text={await formText()}
        />
      </section>
    </>
  );
}
