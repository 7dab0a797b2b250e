import { getTranslations } from 'next-intl/server';
import { queryString } from '@/components/ui/pagination';
import { DelegateExportForm } from './delegate-export-form';

type Values = Record<string, string | number | undefined | null>;

interface Choice {
  value: string;
  label: string;
}

/**
 * The "Export" menu of the delegates list: the same people as the list shows (its filters go
 * along), as Excel, CSV or a print view, narrowed further if wished by country, theme, or city
 * and day (who is where). Organizers may tick passport data into the file. The three links work
 * without JavaScript; the narrowing form is drawn when the menu opens (delegate-export-form.tsx).
 */
export async function DelegateExportMenu({
  tourId,
  filters,
  sensitive,
  choices,
  days,
}: {
  tourId: string;
  filters: Values;
  /** Organizers only: offer the passport, nationality and birth date columns. */
  sensitive: boolean;
  choices: { countries: Choice[]; themes: Choice[]; cities: Choice[] };
  /** The tour's first and last day, bounds of the date field. */
  days: { first: string; last: string };
}) {
  const t = await getTranslations('exports.menu');
  const tc = await getTranslations('exports.columns');
  const { page: _page, sort: _sort, ...kept } = filters;
  const api = `/api/tours/${tourId}/exports`;
  const qs = queryString(kept);
  const hidden = Object.entries(kept)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]): [string, string] => [k, String(v)]);
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
        <DelegateExportForm
          tourId={tourId}
          hidden={hidden}
          sensitive={sensitive}
          choices={choices}
          days={days}
          labels={{
            narrow: t('narrow'),
            any: t('any'),
            country: tc('country'),
            themes: tc('themes'),
            city: tc('city'),
            date: tc('date'),
            sensitive: t('sensitive'),
            passport: t('passport'),
            nationality: t('nationality'),
            dob: t('dob'),
            xlsx: t('xlsx'),
            csv: t('csv'),
            printShort: t('printShort'),
          }}
        />
      </div>
    </details>
  );
}

/**
 * Each visit links to its manifest when a page shows at most this many: a full page of a large
 * tour (fifty visits of a day) would carry fifty links past its size budget, so there the menu
 * asks for a group first (a group's day is a handful of visits).
 */
export const manifestLinkLimit = 20;

/** The downloads of the whole programme and of a group's day, above the programme. */
export async function ProgrammeExportLinks({
  tourId,
  day,
  group,
  manifestsHidden,
}: {
  tourId: string;
  day: string;
  group: string | undefined;
  manifestsHidden: boolean;
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
        {manifestsHidden ? <p>{t('manifestsByGroup')}</p> : null}
      </div>
    </details>
  );
}

/**
 * Under each visit of the programme: one link to its manifest, a page that prints it and offers
 * its files (one link a visit keeps a page of fifty visits light).
 */
export function VisitManifestLink({
  tourId,
  visitId,
  label,
}: {
  tourId: string;
  visitId: string;
  label: string;
}) {
  return (
    <p className="no-print mt-1 text-sm">
      <a className="export-link" href={`/tours/${tourId}/print/manifest/${visitId}`}>
        {label}
      </a>
    </p>
  );
}

/** The files of one visit's manifest, above its print view. */
export async function ManifestDownloads({
  tourId,
  visitId,
  sensitive,
}: {
  tourId: string;
  visitId: string;
  /** Organizers: the same files with passport data (each download logged). */
  sensitive: boolean;
}) {
  const t = await getTranslations('exports.menu');
  const api = `/api/tours/${tourId}/visits/${visitId}`;
  const all = '?passport=1&nationality=1&dob=1';
  return (
    <p className="flex flex-wrap gap-x-4" data-testid="manifest-downloads">
      <a className="export-link" href={`${api}/manifest.xlsx`} download>
        {t('manifestXlsx')}
      </a>
      <a className="export-link" href={`${api}/manifest.csv`} download>
        {t('manifestCsv')}
      </a>
      {sensitive ? (
        <>
          <a className="export-link" href={`${api}/manifest.xlsx${all}`} download>
            {t('manifestSensitive')}
          </a>
          <a className="export-link" href={`/tours/${tourId}/print/manifest/${visitId}${all}`}>
            {t('manifestSensitivePrint')}
          </a>
        </>
      ) : null}
    </p>
  );
}
