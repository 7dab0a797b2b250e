import 'server-only';
import type { z } from 'zod';
import { getDb } from '@/db';
import { csvText } from '@/lib/exports/cells';
import { delegateTable } from '@/lib/exports/delegates';
import { exportFileName } from '@/lib/exports/file-name';
import { tableResponse, textResponse } from '@/lib/exports/http';
import { type ExportLabels, exportLabels, fill, pick } from '@/lib/exports/labels';
import { dayListTable, manifestTable } from '@/lib/exports/manifest';
import { programmeCalendar, programmeTable } from '@/lib/exports/programme';
import type { ExportTable } from '@/lib/exports/table';
import { inReaderScript, shownInScript } from '@/lib/i18n/script';
import { dateKeyOf } from '@/lib/time';
import type { dayListQuery, delegateExportQuery } from '@/lib/validation/exports';
import {
  describeDelegateFilters,
  type ExportOrigin,
  queryDayList,
  queryDelegateExport,
  queryProgrammeExport,
  queryVisitManifest,
} from './exports';
import { logError } from './log';
import type { TourScope } from './scope';
import type { Tour } from './tours';

// The files behind the export addresses (app/api/tours/[tourId]/...): read through the
// data-access layer, their Chinese put in the reader's script, laid out by lib/exports, streamed
// to the caller.

export interface FileInput {
  scope: TourScope;
  tour: Tour;
  locale: string;
  origin: ExportOrigin;
}

function exportedAt(tour: Tour, now = new Date()) {
  return `${csvText(now, 'datetime', tour.timeZone)} (${tour.timeZone})`;
}

const onStreamError = (name: string) => (err: unknown) =>
  logError(err, { action: name, requestId: null });

function tourName(tour: Tour, locale: string) {
  return pick(locale, inReaderScript(locale, tour.nameZh), tour.nameEn);
}

function fileName(tour: Tour, locale: string, parts: (string | null)[], ext: string) {
  return exportFileName([tourName(tour, locale), ...parts], ext);
}

/** The delegation list as a table, for a file or a print view. */
export async function delegatesTable(
  { scope, tour, locale, origin }: FileInput,
  query: z.infer<typeof delegateExportQuery>,
): Promise<ExportTable> {
  const db = await getDb();
  const labels = exportLabels(locale);
  const { lang: _l, passport, nationality, dob, sort: _s, page: _p, ...filters } = query;
  const [{ records: stored, sensitive }, words] = await Promise.all([
    queryDelegateExport(db, scope, {
      filters,
      sensitive: { passport, nationality, dob },
      timeZone: tour.timeZone,
      origin,
    }),
    describeDelegateFilters(db, scope, filters, locale),
  ]);
  return delegateTable({
    tourName: tourName(tour, locale),
    records: shownInScript(locale, stored),
    locale,
    labels,
    sensitive,
    filterWords: words.map(
      ([k, v]) =>
        `${labels.columns[k as keyof ExportLabels['columns']] ?? k}: ${inReaderScript(locale, v)}`,
    ),
    exportedAt: exportedAt(tour),
    timeZone: tour.timeZone,
  });
}

export async function delegatesFile(
  input: FileInput,
  query: z.infer<typeof delegateExportQuery>,
  format: 'xlsx' | 'csv',
): Promise<Response> {
  const table = await delegatesTable(input, query);
  const labels = exportLabels(input.locale);
  const day = query.date ?? dateKeyOf(new Date(), input.tour.timeZone);
  return tableResponse(
    table,
    format,
    fileName(input.tour, input.locale, [labels.titles.delegates, day], format),
    onStreamError('exports.delegates'),
  );
}

/** A visit's manifest as a table; null when the visit is not in this tour. */
export async function manifestTableOf(
  { scope, tour, locale, origin }: FileInput,
  input: { visitId: string; sensitive: boolean },
): Promise<{ table: ExportTable; date: string; title: string } | null> {
  const labels = exportLabels(locale);
  const found = shownInScript(
    locale,
    await queryVisitManifest(await getDb(), scope, { ...input, origin }),
  );
  if (!found) return null;
  const table = manifestTable({
    tourName: tourName(tour, locale),
    visit: found.visit,
    people: found.people,
    locale,
    labels,
    sensitive: found.sensitive,
    exportedAt: exportedAt(tour),
    timeZone: tour.timeZone,
  });
  return {
    table,
    date: dateKeyOf(found.visit.startsAt, tour.timeZone),
    title: pick(locale, found.visit.titleZh, found.visit.titleEn),
  };
}

export async function manifestFile(
  input: FileInput,
  visit: { visitId: string; sensitive: boolean },
  format: 'xlsx' | 'csv',
): Promise<Response | null> {
  const found = await manifestTableOf(input, visit);
  if (!found) return null;
  const labels = exportLabels(input.locale);
  return tableResponse(
    found.table,
    format,
    fileName(input.tour, input.locale, [labels.titles.manifest, found.date, found.title], format),
    onStreamError('exports.manifest'),
  );
}

export async function dayListFile(
  { scope, tour, locale, origin }: FileInput,
  query: z.infer<typeof dayListQuery>,
  format: 'xlsx' | 'csv',
): Promise<Response | null> {
  const labels = exportLabels(locale);
  const sensitive = query.passport || query.nationality || query.dob;
  const found = shownInScript(
    locale,
    await queryDayList(await getDb(), scope, {
      date: query.date,
      timeZone: tour.timeZone,
      group: query.group,
      vehicle: query.vehicle,
      sensitive,
      origin,
    }),
  );
  if (!found) return null;
  const title = query.group
    ? fill(labels.titles.groupDay, { code: query.group, date: query.date })
    : fill(labels.titles.vehicleDay, { vehicle: query.vehicle ?? '', date: query.date });
  const table = dayListTable({
    tourName: tourName(tour, locale),
    title,
    visits: found.visits,
    people: found.people,
    locale,
    labels,
    sensitive: found.sensitive,
    exportedAt: exportedAt(tour),
    timeZone: tour.timeZone,
  });
  return tableResponse(
    table,
    format,
    fileName(tour, locale, [query.group ?? query.vehicle ?? null, query.date], format),
    onStreamError('exports.day'),
  );
}

export async function programmeFile(
  { scope, tour, locale }: FileInput,
  format: 'xlsx' | 'ics',
): Promise<Response> {
  const labels = exportLabels(locale);
  const list = shownInScript(locale, await queryProgrammeExport(await getDb(), scope));
  const name = fileName(tour, locale, [labels.titles.programme], format);
  if (format === 'ics') {
    return textResponse(
      programmeCalendar({
        tourName: tourName(tour, locale),
        visits: list,
        locale,
        timeZone: tour.timeZone,
        host: 'tourdesk',
      }),
      'ics',
      name,
    );
  }
  const table = programmeTable({
    tourName: tourName(tour, locale),
    visits: list,
    locale,
    labels,
    exportedAt: exportedAt(tour),
    timeZone: tour.timeZone,
  });
  return tableResponse(table, 'xlsx', name, onStreamError('exports.programme'));
}
