import { getTranslations } from 'next-intl/server';
import { queryString } from '@/components/ui/pagination';

type Values = Record<string, string | number | undefined | null>;

/**
 * The "Export" menu of the delegates list: the same people as the list shows (its filters go
 * along), as Excel, CSV or a print view. Organizers may tick passport data into the file; the
 * form is a plain GET to the download address, so it works without JavaScript and the address
 * can be bookmarked.
 */
export async function DelegateExportMenu({
  tourId,
  filters,
  sensitive,
}: {
  tourId: string;
  filters: Values;
  /** Organizers only: offer the passport, nationality and birth date columns. */
  sensitive: boolean;
}) {
  const t = await getTranslations('exports.menu');
  const { page: _page, sort: _sort, ...kept } = filters;
  const api = `/api/tours/${tourId}/exports`;
  const qs = queryString(kept);
  const hidden = Object.entries(kept).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return (
    <details className="export-menu no-print mb-3" data-testid="export-menu">
      <summary className="btn-secondary inline-flex cursor-pointer items-center">
        {t('export')}
      </summary>
      <div className="mt-2 grid max-w-md gap-2 rounded-md border border-gray-300 bg-white p-3 text-sm">
        <a className="export-link" href={`${api}/delegates.xlsx${qs}`} download>
          {t('delegatesXlsx')}
        </a>
        <a className="export-link" href={`${api}/delegates.csv${qs}`} download>
          {t('delegatesCsv')}
        </a>
        <a className="export-link" href={`/tours/${tourId}/print/delegates${qs}`}>
          {t('print')}
        </a>
        {sensitive ? (
          <form method="get" action={`${api}/delegates.xlsx`} className="grid gap-1 border-t pt-2">
            {hidden.map(([k, v]) => (
              <input key={k} type="hidden" name={k} value={String(v)} />
            ))}
            <fieldset className="grid gap-1">
              <legend className="font-medium">{t('sensitive')}</legend>
              {(['passport', 'nationality', 'dob'] as const).map((name) => (
                <label key={name} className="flex min-h-11 items-center gap-2">
                  <input type="checkbox" name={name} value="1" className="size-5" />
                  {t(name)}
                </label>
              ))}
            </fieldset>
            <div className="flex flex-wrap gap-2">
              <button type="submit" className="btn-secondary">
                {t('delegatesXlsx')}
              </button>
              <button type="submit" formAction={`${api}/delegates.csv`} className="btn-secondary">
                {t('delegatesCsv')}
              </button>
              <button
                type="submit"
                formAction={`/tours/${tourId}/print/delegates`}
                className="btn-secondary"
              >
                {t('print')}
              </button>
            </div>
          </form>
        ) : null}
      </div>
    </details>
  );
}

/** The downloads of the whole programme and of a group's day, above the programme. */
export async function ProgrammeExportLinks({
  tourId,
  day,
  group,
}: {
  tourId: string;
  day: string;
  group: string | undefined;
}) {
  const t = await getTranslations('exports.menu');
  const api = `/api/tours/${tourId}/exports`;
  return (
    <details className="export-menu no-print mb-3" data-testid="programme-export-menu">
      <summary className="btn-secondary inline-flex cursor-pointer items-center">
        {t('export')}
      </summary>
      <div className="mt-2 grid max-w-md gap-2 rounded-md border border-gray-300 bg-white p-3 text-sm">
        <a className="export-link" href={`${api}/programme.xlsx`} download>
          {t('programmeXlsx')}
        </a>
        <a className="export-link" href={`${api}/programme.ics`} download>
          {t('programmeIcs')}
        </a>
        {group ? (
          <a
            className="export-link"
            href={`${api}/day.xlsx${queryString({ date: day, group })}`}
            download
          >
            {t('groupDay', { code: group })}
          </a>
        ) : null}
      </div>
    </details>
  );
}

/** Under each visit of the programme: its manifest for the host. */
export function VisitExportLinks({
  tourId,
  visitId,
  labels,
}: {
  tourId: string;
  visitId: string;
  /** `sensitive`: organizers only, the manifest with passport data (the download is logged). */
  labels: { xlsx: string; csv: string; print: string; sensitive: string | null };
}) {
  const api = `/api/tours/${tourId}/visits/${visitId}`;
  return (
    <p className="no-print mt-1 flex flex-wrap gap-x-3 text-sm" data-testid="visit-exports">
      <a className="export-link" href={`${api}/manifest.xlsx`} download>
        {labels.xlsx}
      </a>
      <a className="export-link" href={`${api}/manifest.csv`} download>
        {labels.csv}
      </a>
      <a className="export-link" href={`/tours/${tourId}/print/manifest/${visitId}`}>
        {labels.print}
      </a>
      {labels.sensitive ? (
        <a
          className="export-link"
          href={`${api}/manifest.xlsx?passport=1&nationality=1&dob=1`}
          download
        >
          {labels.sensitive}
        </a>
      ) : null}
    </p>
  );
}
