import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { CellValue } from './cells';
import { type ExportLabels, fill, pick } from './labels';
import { column, type ExportTable } from './table';

// The whole programme: a sheet of visits day by day, and the same visits as an iCalendar file.

export interface ProgrammeVisit {
  id: string;
  kind: string;
  titleZh: string;
  titleEn: string;
  startsAt: Date;
  endsAt: Date;
  siteZh: string | null;
  siteEn: string | null;
  addressZh: string | null;
  addressEn: string | null;
  cityZh: string | null;
  cityEn: string | null;
  groups: string[];
  vehicle: string | null;
  hostContactName: string | null;
  hostContactPhone: string | null;
  escortName: string | null;
  escortPhone: string | null;
  notesZh: string | null;
  notesEn: string | null;
  cancelled: boolean;
  version: number;
  updatedAt: Date;
}

export function programmeTable(input: {
  tourName: string;
  visits: ProgrammeVisit[];
  locale: string;
  labels: ExportLabels;
  exportedAt: string;
  timeZone: string;
}): ExportTable {
  const { labels: l, locale } = input;
  const c = l.columns;
  const both = (name: string | null, phone: string | null) =>
    [name, phone].filter(Boolean).join(' ') || null;
  return {
    title: `${input.tourName} · ${l.titles.programme}`,
    subtitle: [fill(l.titles.exportedAt, { at: input.exportedAt })],
    header: [],
    columns: [
      column('date', c.date, 'date', 12),
      column('start', c.start, 'time', 8),
      column('end', c.end, 'time', 8),
      column('kind', c.kind, 'text', 12),
      column('title', c.title, 'text', 36),
      column('site', c.site, 'text', 28),
      column('city', c.city, 'text', 16),
      column('groups', c.groups, 'text', 10),
      column('vehicle', c.vehicle, 'text', 12),
      column('hostContact', c.hostContact, 'phone', 28),
      column('escort', c.escort, 'phone', 24),
      column('status', c.status, 'text', 12),
    ],
    rows: input.visits.map((v): CellValue[] => [
      v.startsAt,
      v.startsAt,
      v.endsAt,
      l.kinds[v.kind as keyof ExportLabels['kinds']] ?? v.kind,
      pick(locale, v.titleZh, v.titleEn),
      pick(locale, v.siteZh, v.siteEn) || null,
      pick(locale, v.cityZh, v.cityEn) || null,
      v.groups.join(', ') || null,
      v.vehicle,
      both(v.hostContactName, v.hostContactPhone),
      both(v.escortName, v.escortPhone),
      v.cancelled ? l.values.cancelled : l.values.scheduled,
    ]),
    timeZone: input.timeZone,
    sheetName: l.titles.programme,
  };
}

/** What a calendar shows of a visit: never a phone number, nor anything about people. */
export type CalendarVisit = Pick<
  ProgrammeVisit,
  | 'id'
  | 'titleZh'
  | 'titleEn'
  | 'startsAt'
  | 'endsAt'
  | 'siteZh'
  | 'siteEn'
  | 'addressZh'
  | 'addressEn'
  | 'cityZh'
  | 'cityEn'
  | 'groups'
  | 'notesZh'
  | 'notesEn'
  | 'cancelled'
  | 'version'
  | 'updatedAt'
>;

/** How often a subscribed calendar app should fetch the file again. */
const refreshEvery = 60 * 60;

/**
 * Visits as iCalendar (RFC 5545), for the tour's programme and a journalist's itinerary and feed:
 * times in UTC (no floating times whatever the server's zone) with the tour's zone named for
 * display, one stable UID per visit so a re-import updates rather than duplicates, SEQUENCE from
 * the visit's version, LAST-MODIFIED the time of its last change and DTSTAMP the time this file
 * was made (METHOD:PUBLISH), and cancelled visits kept with STATUS:CANCELLED so calendars remove
 * them. The library folds lines and ends them with CRLF.
 */
export function programmeCalendar(input: {
  tourName: string;
  visits: CalendarVisit[];
  locale: string;
  timeZone: string;
  host: string;
  now?: Date;
}): string {
  const { locale } = input;
  const stamp = input.now ?? new Date();
  const cal = ical({
    name: input.tourName,
    prodId: { company: 'Tourdesk', product: 'programme' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: refreshEvery,
  });
  cal.x([['X-WR-TIMEZONE', input.timeZone]]);
  for (const v of input.visits) {
    const site = pick(locale, v.siteZh, v.siteEn);
    const city = pick(locale, v.cityZh, v.cityEn);
    const address = pick(locale, v.addressZh, v.addressEn);
    cal.createEvent({
      id: `visit-${v.id}@${input.host}`,
      sequence: v.version,
      start: v.startsAt,
      end: v.endsAt,
      stamp,
      lastModified: v.updatedAt,
      summary: pick(locale, v.titleZh, v.titleEn),
      location: [site, address, city].filter(Boolean).join(', ') || null,
      description: [pick(locale, v.notesZh, v.notesEn), v.groups.join(', ')]
        .filter(Boolean)
        .join('\n'),
      status: v.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
