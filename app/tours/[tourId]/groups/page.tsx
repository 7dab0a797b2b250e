import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { BulkForm } from '@/components/editing/bulk-form';
import { EntityForm, type FieldSpec } from '@/components/editing/entity-form';
import { formText } from '@/components/editing/form-text';
import { Pagination, queryString } from '@/components/ui/pagination';
import { moveDelegatesAction, saveGroupAction } from '@/lib/actions/editing';
import { getDelegates } from '@/lib/dal/delegates';
import { getGroupsForEdit } from '@/lib/dal/editing/pages';
import { requireTourScope } from '@/lib/dal/guards';
import { pick } from '@/lib/i18n/pick';
import { shownInScript } from '@/lib/i18n/script';
import { firstValues, listPage, listQuery } from '@/lib/validation/list-params';

const paramsSchema = z.object({
  q: listQuery,
  page: listPage,
  edit: z.uuid().optional().catch(undefined),
  /** Words of a group's code or names, for a tour with more groups than a page lists. */
  gq: listQuery,
});

export default async function GroupsPage({
  params,
  searchParams,
}: {
  params: Promise<{ tourId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { scope, tour } = await requireTourScope((await params).tourId);
  const query = paramsSchema.parse(firstValues(await searchParams));
  const [groupList, list, t, tf, tIt, locale] = await Promise.all([
    getGroupsForEdit(scope, query.gq),
    getDelegates(scope, { q: query.q, page: query.page, sort: 'group' }),
    getTranslations('editing'),
    getTranslations('fields'),
    getTranslations('itinerary'),
    getLocale(),
  ]);
  const groups = groupList.rows;
  // The form is given the stored names (what it sends back is saved); the rest shows them in the
  // reader's script.
  const editing = groups.find((g) => g.id === query.edit);
  const shownGroups = shownInScript(locale, groups);
  const shownDelegates = shownInScript(locale, list.rows);
  const base = `/tours/${tour.id}/groups`;
  const groupFields = (g?: (typeof groups)[number]): FieldSpec[] => [
    {
      name: 'code',
      label: tf('code'),
      type: 'text',
      required: true,
      maxLength: 12,
      defaultValue: g?.code ?? '',
    },
    {
      name: 'vehicle',
      label: tf('vehicle'),
      type: 'text',
      maxLength: 100,
      defaultValue: g?.vehicle ?? '',
    },
    {
      name: 'nameZh',
      label: tf('nameZh'),
      type: 'text',
      required: true,
      maxLength: 200,
      defaultValue: g?.nameZh ?? '',
    },
    {
      name: 'nameEn',
      label: tf('nameEn'),
      type: 'text',
      required: true,
      maxLength: 200,
      defaultValue: g?.nameEn ?? '',
    },
  ];
  return (
    <>
      <h1 className="mb-3 text-2xl font-bold">{t('groups.title')}</h1>
      {groupList.more || query.gq ? (
        <form method="get" action={base} className="mb-3 flex flex-wrap items-end gap-2">
          <div className="grid gap-1">
            <label htmlFor="group-q" className="text-sm font-medium">
              {t('groups.findGroup')}
            </label>
            <input
              id="group-q"
              name="gq"
              type="search"
              defaultValue={query.gq ?? ''}
              className="input"
            />
          </div>
          <button type="submit" className="btn-secondary">
            {t('groups.searchSubmit')}
          </button>
          {groupList.more ? (
            <p className="text-sm text-gray-700">{t('groups.more', { count: groups.length })}</p>
          ) : null}
        </form>
      ) : null}
      <table className="data-table mb-4">
        <caption className="sr-only">{t('groups.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{tf('code')}</th>
            <th scope="col">{t('groups.name')}</th>
            <th scope="col">{tf('vehicle')}</th>
            <th scope="col">
              <span className="sr-only">{t('groups.edit')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shownGroups.map((g) => (
            <tr key={g.id}>
              <td>{g.code}</td>
              <td>{pick(locale, g.nameZh, g.nameEn)}</td>
              <td>{g.vehicle ?? ''}</td>
              <td>
                {/* Plain links, as on the delegates list: a page of a hundred groups would
                    hydrate and prefetch two hundred client links. The edit link is this page's
                    own address with a query, written as just the query. */}
                <a href={`?edit=${g.id}`}>{t('groups.editCode', { code: g.code })}</a>{' '}
                <a href={`${base}/${g.id}/itinerary`}>{tIt('groupItinerary', { code: g.code })}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="grid gap-6">
        {editing ? (
          <EntityForm
            key={editing.id}
            title={t('groups.editCode', { code: editing.code })}
            action={saveGroupAction}
            hidden={{ tourId: tour.id, groupId: editing.id }}
            fields={groupFields(editing)}
            text={await formText()}
            redirectTo={base}
          />
        ) : null}
        <EntityForm
          title={t('groups.new')}
          action={saveGroupAction}
          hidden={{ tourId: tour.id }}
          fields={groupFields()}
          text={await formText(t('groups.create'))}
          resetOnSuccess
          testId="new-group"
        />
        <section aria-labelledby="move-title" className="grid gap-3">
          <h2 id="move-title" className="text-lg font-semibold">
            {t('groups.moveTitle')}
          </h2>
          <form method="get" action={base} className="flex flex-wrap items-end gap-2">
            {query.gq ? <input type="hidden" name="gq" value={query.gq} /> : null}
            <div className="grid gap-1">
              <label htmlFor="move-q" className="text-sm font-medium">
                {t('groups.search')}
              </label>
              <input
                id="move-q"
                name="q"
                type="search"
                defaultValue={query.q ?? ''}
                className="input"
              />
            </div>
            <button type="submit" className="btn-secondary">
              {t('groups.searchSubmit')}
            </button>
          </form>
          <BulkForm
            action={moveDelegatesAction}
            hidden={{ tourId: tour.id }}
            rowsName="delegateIds"
            rowsLegend={t('groups.delegatesLegend', { count: list.total })}
            rows={shownDelegates.map((d) => ({
              id: d.id,
              label: d.nameEn ?? d.nameZh ?? d.passportName,
              detail: `${pick(locale, d.outletZh, d.outletEn)}${d.groupCode ? ` · ${d.groupCode}` : ''}`,
            }))}
            target={{
              name: 'groupId',
              label: t('groups.moveTo'),
              options: shownGroups.map((g) => ({
                value: g.id,
                label: `${g.code} · ${pick(locale, g.nameZh, g.nameEn)}`,
              })),
              emptyLabel: t('groups.noGroup'),
            }}
            text={{
              submit: t('groups.move'),
              done: t('groups.moved'),
              none: t('groups.noDelegates'),
              selectAll: t('groups.selectAll'),
            }}
            testId="move-delegates"
          />
          <Pagination
            page={list.page}
            pages={list.pages}
            hrefFor={(page) => `${base}${queryString({ q: query.q, gq: query.gq, page })}`}
          />
        </section>
      </div>
    </>
  );
}
