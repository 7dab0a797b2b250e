import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { BulkForm } from '@/components/editing/bulk-form';
import { CoverageMatrix } from '@/components/editing/coverage-matrix';
import { EntityForm, type FieldSpec } from '@/components/editing/entity-form';
import { formText } from '@/components/editing/form-text';
import { Pagination, queryString } from '@/components/ui/pagination';
import { assignThemeAction, saveThemeAction } from '@/lib/actions/editing';
import { outletWarnings, themeWarnings } from '@/lib/coverage/warnings';
import { getCoverage } from '@/lib/dal/editing/pages';
import { requireTourScope } from '@/lib/dal/guards';
import { isChinese } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/pick';
import { shownInScript } from '@/lib/i18n/script';
import { firstValues, listPage } from '@/lib/validation/list-params';

const paramsSchema = z.object({ page: listPage, edit: z.uuid().optional().catch(undefined) });

export default async function CoveragePage({
  params,
  searchParams,
}: {
  params: Promise<{ tourId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { scope, tour } = await requireTourScope((await params).tourId);
  const query = paramsSchema.parse(firstValues(await searchParams));
  const [stored, t, tf, locale] = await Promise.all([
    getCoverage(scope, query.page),
    getTranslations('editing'),
    getTranslations('fields'),
    getLocale(),
  ]);
  const base = `/tours/${tour.id}/coverage`;
  // The theme form is given the stored names (what it sends back is saved); the rest of the page
  // shows them in the reader's script.
  const editing = stored.themes.find((th) => th.id === query.edit);
  const coverage = shownInScript(locale, stored);
  const themeFields = (th?: { nameZh: string; nameEn: string }): FieldSpec[] => [
    {
      name: 'nameZh',
      label: tf('nameZh'),
      type: 'text',
      required: true,
      maxLength: 200,
      defaultValue: th?.nameZh ?? '',
    },
    {
      name: 'nameEn',
      label: tf('nameEn'),
      type: 'text',
      required: true,
      maxLength: 200,
      defaultValue: th?.nameEn ?? '',
    },
  ];
  const themeLabel = (th: { nameZh: string; nameEn: string }) => pick(locale, th.nameZh, th.nameEn);
  const warned = coverage.themes
    .map((th) => ({ th, warnings: themeWarnings(th.outlets, th.regionsEn.length) }))
    .filter((x) => x.warnings.length > 0);
  return (
    <>
      <h1 className="mb-3 text-2xl font-bold">{t('coverage.title')}</h1>
      <section aria-labelledby="warnings-title" className="mb-4">
        <h2 id="warnings-title" className="text-lg font-semibold">
          {t('coverage.warningsTitle')}
        </h2>
        {coverage.outletWarnings.noTheme > 0 || coverage.outletWarnings.tooMany > 0 ? (
          <ul className="mb-1 grid gap-1" data-testid="outlet-warnings">
            {coverage.outletWarnings.noTheme > 0 ? (
              <li className="text-sm">
                <span className="badge badge-warning mr-2">{t('coverage.warning')}</span>
                {t('coverage.outletsWithout', { count: coverage.outletWarnings.noTheme })}
              </li>
            ) : null}
            {coverage.outletWarnings.tooMany > 0 ? (
              <li className="text-sm">
                <span className="badge badge-warning mr-2">{t('coverage.warning')}</span>
                {t('coverage.outletsOver', {
                  count: coverage.outletWarnings.tooMany,
                  max: coverage.maxThemes,
                })}
              </li>
            ) : null}
          </ul>
        ) : null}
        {warned.length === 0 ? (
          <p className="text-sm" data-testid="no-theme-warnings">
            {t('coverage.noWarnings')}
          </p>
        ) : (
          <ul className="grid gap-1" data-testid="theme-warnings">
            {warned.map(({ th, warnings }) => (
              <li key={th.id} className="text-sm">
                <span className="badge badge-warning mr-2">{t('coverage.warning')}</span>
                {warnings.map((w) =>
                  t(`coverage.themeWarning.${w}`, { theme: themeLabel(th), count: th.outlets }),
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <table className="data-table mb-4">
        <caption className="text-left font-semibold">{t('coverage.themesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('coverage.theme')}</th>
            <th scope="col">{t('coverage.outlets')}</th>
            <th scope="col">{t('coverage.regions')}</th>
            <th scope="col">
              <span className="sr-only">{t('coverage.edit')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {coverage.themes.map((th) => (
            <tr key={th.id}>
              <td>{themeLabel(th)}</td>
              <td>
                <Link
                  href={`/tours/${tour.id}/outlets?theme=${th.id}`}
                  className="text-brand-700 underline"
                >
                  {t('coverage.outletCount', { count: th.outlets })}
                </Link>
              </td>
              <td>
                {(isChinese(locale) ? th.regionsZh : th.regionsEn).join(t('coverage.separator'))}
              </td>
              <td>
                <Link href={`${base}?edit=${th.id}`} className="text-brand-700 underline">
                  {t('coverage.editTheme', { theme: themeLabel(th) })}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="mb-2 text-lg font-semibold">{t('coverage.matrixTitle')}</h2>
      <CoverageMatrix
        tourId={tour.id}
        themes={coverage.themes.map((th) => ({ id: th.id, label: themeLabel(th) }))}
        outlets={coverage.outlets.map((o) => {
          const [w] = outletWarnings(o.themeIds.length, coverage.maxThemes);
          return {
            id: o.id,
            label: pick(locale, o.nameZh, o.nameEn),
            themeIds: o.themeIds,
            warning: w ? t(`coverage.outletWarning.${w}`, { max: coverage.maxThemes }) : null,
          };
        })}
        text={{
          caption: t('coverage.matrixTitle'),
          outlet: t('coverage.outlet'),
          cell: t('coverage.cell', { outlet: '{outlet}', theme: '{theme}' }),
          saving: t('form.saving'),
          saved: t('form.saved'),
        }}
      />
      <Pagination
        page={coverage.page}
        pages={coverage.pages}
        hrefFor={(page) => `${base}${queryString({ page })}`}
      />
      <div className="mt-6 grid gap-6">
        <section aria-labelledby="assign-title" className="grid gap-2">
          <h2 id="assign-title" className="text-lg font-semibold">
            {t('coverage.assignTitle')}
          </h2>
          <BulkForm
            action={assignThemeAction}
            hidden={{ tourId: tour.id }}
            rowsName="outletIds"
            rowsLegend={t('coverage.outletsLegend')}
            rows={coverage.outlets.map((o) => ({
              id: o.id,
              label: pick(locale, o.nameZh, o.nameEn),
            }))}
            target={{
              name: 'themeId',
              label: t('coverage.theme'),
              options: coverage.themes.map((th) => ({ value: th.id, label: themeLabel(th) })),
            }}
            text={{
              submit: t('coverage.assign'),
              done: t('form.saved'),
              none: t('coverage.noOutlets'),
              selectAll: t('groups.selectAll'),
            }}
          />
        </section>
        {editing ? (
          <EntityForm
            key={editing.id}
            title={t('coverage.editTheme', { theme: themeLabel(shownInScript(locale, editing)) })}
            action={saveThemeAction}
            hidden={{ tourId: tour.id, themeId: editing.id }}
            fields={themeFields(editing)}
            text={await formText()}
            redirectTo={base}
          />
        ) : null}
        <EntityForm
          title={t('coverage.newTheme')}
          action={saveThemeAction}
          hidden={{ tourId: tour.id }}
          fields={themeFields()}
          text={await formText(t('coverage.create'))}
          resetOnSuccess
        />
      </div>
    </>
  );
}
