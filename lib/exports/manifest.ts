import { type CellValue, csvText } from './cells';
import { type ExportLabels, fill, pick } from './labels';
import { column, type ExportTable } from './table';

// The people of one visit, for the host's check-in, with the visit's particulars above them; the
// same rows make a group's or a vehicle's list for a day.

export interface ManifestVisit {
  titleZh: string;
  titleEn: string;
  siteZh: string | null;
  siteEn: string | null;
  addressZh: string | null;
  addressEn: string | null;
  cityZh: string | null;
  cityEn: string | null;
  startsAt: Date;
  endsAt: Date;
  hostContactName: string | null;
  hostContactPhone: string | null;
  escortName: string | null;
  escortPhone: string | null;
  vehicles: string[];
  cancelled: boolean;
}

export interface ManifestPerson {
  passportName: string;
  nameZh: string | null;
  sex: string | null;
  outletZh: string;
  outletEn: string;
  role: string;
  pressCard: string | null;
  phone: string | null;
  vehicle: string | null;
  seat: string | null;
  groupCode: string | null;
  dietaryNeeds: string | null;
  accessNeeds: string | null;
  /** Organizers only. */
  dateOfBirth?: string | null;
  nationalityZh?: string | null;
  nationalityEn?: string | null;
  passportNumber?: string | null;
  passportExpiry?: string | null;
}

export function manifestColumns(l: ExportLabels, sensitive: boolean) {
  const c = l.columns;
  return [
    column('number', c.number, 'number', 6),
    column('passportName', c.passportName, 'text', 24),
    column('nameZh', c.nameZh, 'text', 12),
    column('sex', c.sex, 'text', 6),
    ...(sensitive
      ? [
          column('dateOfBirth', c.dateOfBirth, 'date', 12),
          column('nationality', c.nationality, 'text', 14),
          column('passportNumber', c.passportNumber, 'text', 14),
          column('passportExpiry', c.passportExpiry, 'date', 12),
        ]
      : []),
    column('outlet', c.outlet, 'text', 26),
    column('role', c.role, 'text', 14),
    column('pressCard', c.pressCard, 'text', 14),
    column('phone', c.phone, 'phone', 18),
    column('group', c.group, 'text', 8),
    column('vehicle', c.vehicle, 'text', 12),
    column('seat', c.seat, 'text', 6),
    column('attention', c.attention, 'text', 30),
    column('checkIn', c.checkIn, 'text', 10),
  ];
}

/** Dietary and access needs, the things a host must know at the door. */
export function attentionOf(p: Pick<ManifestPerson, 'dietaryNeeds' | 'accessNeeds'>): string {
  return [p.accessNeeds, p.dietaryNeeds].filter((v) => v?.trim()).join('; ');
}

export function manifestRow(
  p: ManifestPerson,
  index: number,
  locale: string,
  l: ExportLabels,
  sensitive: boolean,
): CellValue[] {
  return [
    index + 1,
    p.passportName,
    p.nameZh,
    p.sex ? (l.sex[p.sex as keyof ExportLabels['sex']] ?? p.sex) : null,
    ...(sensitive
      ? [
          p.dateOfBirth ?? null,
          pick(locale, p.nationalityZh, p.nationalityEn) || null,
          p.passportNumber ?? null,
          p.passportExpiry ?? null,
        ]
      : []),
    pick(locale, p.outletZh, p.outletEn),
    l.roles[p.role as keyof ExportLabels['roles']] ?? p.role,
    p.pressCard,
    p.phone,
    p.groupCode,
    p.vehicle,
    p.seat,
    attentionOf(p) || null,
    null,
  ];
}

const contact = (name: string | null, phone: string | null) =>
  [name, phone].filter(Boolean).join(' ');

export function manifestHeader(
  v: ManifestVisit,
  locale: string,
  l: ExportLabels,
  timeZone: string,
): [string, string][] {
  const c = l.columns;
  const site = pick(locale, v.siteZh, v.siteEn);
  const city = pick(locale, v.cityZh, v.cityEn);
  return [
    [c.visit, pick(locale, v.titleZh, v.titleEn)],
    [c.site, [site, city].filter(Boolean).join(', ')],
    [c.address, pick(locale, v.addressZh, v.addressEn)],
    [c.date, csvText(v.startsAt, 'date', timeZone)],
    [l.titles.arrival, csvText(v.startsAt, 'time', timeZone)],
    [l.titles.departure, csvText(v.endsAt, 'time', timeZone)],
    [c.hostContact, contact(v.hostContactName, v.hostContactPhone)],
    [c.escort, contact(v.escortName, v.escortPhone)],
    [c.vehicle, v.vehicles.join(', ')],
    ...(v.cancelled ? ([[c.status, l.values.cancelled]] as [string, string][]) : []),
  ];
}

export function manifestTable(input: {
  tourName: string;
  visit: ManifestVisit;
  people: ManifestPerson[];
  locale: string;
  labels: ExportLabels;
  sensitive: boolean;
  exportedAt: string;
  timeZone: string;
}): ExportTable {
  const { labels: l, locale } = input;
  return {
    title: `${input.tourName} · ${l.titles.manifest} · ${pick(locale, input.visit.titleZh, input.visit.titleEn)}`,
    subtitle: [fill(l.titles.exportedAt, { at: input.exportedAt })],
    header: manifestHeader(input.visit, locale, l, input.timeZone),
    columns: manifestColumns(l, input.sensitive),
    rows: input.people.map((p, i) => manifestRow(p, i, locale, l, input.sensitive)),
    timeZone: input.timeZone,
    sheetName: l.titles.manifest,
  };
}

/** A group's or a vehicle's list for a day: the same rows, the day's visits above them. */
export function dayListTable(input: {
  tourName: string;
  title: string;
  visits: ManifestVisit[];
  people: ManifestPerson[];
  locale: string;
  labels: ExportLabels;
  sensitive: boolean;
  exportedAt: string;
  timeZone: string;
}): ExportTable {
  const { labels: l, locale, timeZone } = input;
  return {
    title: `${input.tourName} · ${input.title}`,
    subtitle: [fill(l.titles.exportedAt, { at: input.exportedAt })],
    header: input.visits.map((v) => [
      `${csvText(v.startsAt, 'time', timeZone)}–${csvText(v.endsAt, 'time', timeZone)}`,
      [
        pick(locale, v.titleZh, v.titleEn),
        pick(locale, v.siteZh, v.siteEn),
        v.cancelled ? l.values.cancelled : '',
      ]
        .filter(Boolean)
        .join(' · '),
    ]),
    columns: manifestColumns(l, input.sensitive),
    rows: input.people.map((p, i) => manifestRow(p, i, locale, l, input.sensitive)),
    timeZone,
    sheetName: l.titles.manifest,
  };
}
