import { getLocale, getTranslations } from 'next-intl/server';
import { mediaTypes } from '@/db/schema';
import { saveOutletAction } from '@/lib/actions/editing';
import { getCountries } from '@/lib/dal/editing/pages';
import { pick } from '@/lib/i18n/pick';
import { inReaderScript } from '@/lib/i18n/script';
import { compareNames } from '@/lib/search';
import { EntityForm } from './entity-form';
import { formText } from './form-text';
import { outletFields } from './specs';

/** The outlet form, new or existing (a server component shared by both pages). */
export async function OutletFormSection({
  tourId,
  outlet,
}: {
  tourId: string;
  outlet?: {
    id: string;
    nameZh: string;
    nameEn: string;
    countryCode: string;
    mediaType: string;
    website: string | null;
  };
}) {
  const [t, tf, tType, locale, countries] = await Promise.all([
    getTranslations('editing'),
    getTranslations('fields'),
    getTranslations('mediaType'),
    getLocale(),
    getCountries(),
  ]);
  const countryOptions = countries
    .map((c) => ({
      value: c.code,
      label: pick(locale, inReaderScript(locale, c.nameZh), c.nameEn),
    }))
    .sort((a, b) => compareNames(locale, a.label, b.label));
  const typeOptions = mediaTypes.map((m) => ({ value: m, label: tType(m) }));
  return (
    <EntityForm
      title={outlet ? t('outlets.editTitle') : t('outlets.newTitle')}
      action={saveOutletAction}
      hidden={{ tourId, ...(outlet ? { outletId: outlet.id } : {}) }}
      fields={outletFields((k) => tf(k), countryOptions, typeOptions, outlet ?? {})}
      text={await formText()}
      redirectTo={`/tours/${tourId}/outlets/{id}`}
      testId="outlet-form"
    />
  );
}
