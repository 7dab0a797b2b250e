import { z } from 'zod';
import { delegateRoles, mediaTypes, sexes, transportModes, visitKinds } from '@/db/schema';
import { hasControlChars } from './text';

// One tour as a single file (GET /api/tours/[tourId]/export, imported by importTourAction): every
// row of the tour, the reference rows it points at (by code and name, since ids differ between
// instances), passports still encrypted. Ids are the file's own: an import gives every row a new
// one. These schemas are the file's whole definition: export writes exactly their fields.

const id = z.uuid();
// Kept exactly as exported (no trimming), but without control characters (line breaks and tabs
// are fine: notes and addresses have them).
const text = (max = 2000) =>
  z
    .string()
    .max(max)
    .refine((v) => !hasControlChars(v, true), 'control characters');
const optText = (max = 2000) => text(max).nullable();
const date = z.iso.date();
const optDate = date.nullable();
const time = z.string().regex(/^\d{2}:\d{2}(:\d{2})?$/);
const instant = z.iso.datetime({ offset: true });
const optInstant = instant.nullable();
const int = (min: number, max: number) => z.number().int().min(min).max(max);

export const tourFileTour = z.strictObject({
  nameZh: text(300),
  nameEn: text(300),
  startDate: date,
  endDate: date,
  timeZone: text(64),
  isSample: z.boolean(),
  archivedAt: optInstant,
  transferBufferMinutes: int(0, 600),
  maxDayMinutes: int(60, 1440),
  minRestMinutes: int(0, 1440),
  lunchStart: time,
  lunchEnd: time,
  dinnerStart: time,
  dinnerEnd: time,
  maxThemesPerOutlet: int(1, 50),
});

export const tourFileRegion = z.strictObject({
  code: text(64),
  nameZh: text(300),
  nameEn: text(300),
  sortOrder: int(-100000, 100000),
});

export const tourFileCountry = z.strictObject({
  code: text(8),
  nameZh: text(300),
  nameEn: text(300),
  regionCode: text(64),
});

export const tourFileCity = z.strictObject({
  id,
  code: text(64),
  nameZh: text(300),
  nameEn: text(300),
  provinceZh: text(300),
  provinceEn: text(300),
});

export const tourFileSite = z.strictObject({
  id,
  cityId: id,
  nameZh: text(300),
  nameEn: text(300),
  addressZh: optText(),
  addressEn: optText(),
  capacity: int(0, 1_000_000).nullable(),
  hostContactName: optText(300),
  hostContactPhone: optText(100),
  hostContactEmail: optText(300),
  opensAt: time.nullable(),
  closesAt: time.nullable(),
  closedWeekdays: z.array(int(1, 7)).max(7),
});

export const tourFileOutlet = z.strictObject({
  id,
  nameZh: text(300),
  nameEn: text(300),
  countryCode: text(8),
  mediaType: z.enum(mediaTypes),
  website: optText(),
  searchText: text(4000),
  archivedAt: optInstant,
});

export const tourFileTheme = z.strictObject({ id, nameZh: text(300), nameEn: text(300) });
export const tourFileOutletTheme = z.strictObject({ outletId: id, themeId: id });

export const tourFileDelegate = z.strictObject({
  id,
  outletId: id,
  nameZh: optText(300),
  nameEn: optText(300),
  passportName: text(300),
  role: z.enum(delegateRoles),
  sex: z.enum(sexes).nullable(),
  phone: optText(100),
  email: optText(300),
  pressCard: optText(300),
  dietaryNeeds: optText(),
  accessNeeds: optText(),
  emergencyContactName: optText(300),
  emergencyContactPhone: optText(100),
  arrivesAt: optInstant,
  departsAt: optInstant,
  // Encrypted with the exporting instance's passport key (v1:keyid:...), never the number.
  passportNumberEnc: text(1000).regex(/^v1\./).nullable(),
  passportExpiry: optDate,
  nationality: text(8).nullable(),
  dateOfBirth: optDate,
  searchText: text(4000),
  archivedAt: optInstant,
  updatedAt: instant,
});

export const tourFileGroup = z.strictObject({
  id,
  code: text(64),
  nameZh: text(300),
  nameEn: text(300),
  vehicle: optText(300),
});
export const tourFileGroupMember = z.strictObject({
  groupId: id,
  delegateId: id,
  seat: optText(64),
});

export const tourFileVisit = z.strictObject({
  id,
  kind: z.enum(visitKinds),
  titleZh: text(500),
  titleEn: text(500),
  siteId: id.nullable(),
  cityId: id.nullable(),
  fromCityId: id.nullable(),
  startsAt: instant,
  endsAt: instant,
  notesZh: optText(),
  notesEn: optText(),
  transportMode: z.enum(transportModes).nullable(),
  vehicle: optText(300),
  hostContactName: optText(300),
  hostContactPhone: optText(100),
  escortName: optText(300),
  escortPhone: optText(100),
  cancelled: z.boolean(),
  version: int(1, 1_000_000),
  createdAt: instant,
  updatedAt: instant,
});
export const tourFileVisitGroup = z.strictObject({ visitId: id, groupId: id });

const rows = <T extends z.ZodType>(row: T) => z.array(row).max(50_000);

export const tourFileFormat = 'tourdesk-tour';

export const tourFileSchema = z.strictObject({
  format: z.literal(tourFileFormat),
  version: z.literal(1),
  exportedAt: instant,
  tour: tourFileTour,
  regions: rows(tourFileRegion),
  countries: rows(tourFileCountry),
  cities: rows(tourFileCity),
  sites: rows(tourFileSite),
  outlets: rows(tourFileOutlet),
  coverageThemes: rows(tourFileTheme),
  outletThemes: rows(tourFileOutletTheme),
  delegates: rows(tourFileDelegate),
  groups: rows(tourFileGroup),
  groupMembers: rows(tourFileGroupMember),
  visits: rows(tourFileVisit),
  visitGroups: rows(tourFileVisitGroup),
});

export type TourFile = z.infer<typeof tourFileSchema>;

/** The largest file an import reads (the server refuses action bodies over 1 MB anyway). */
export const tourFileMaxChars = 900_000;

/** The import form: the file's text, read in the browser. */
export const importTourSchema = z.object({ file: z.string().min(1).max(tourFileMaxChars) });

/**
 * Ids that clash inside the file (two rows with one id) or references to rows the file does not
 * hold: such a file is refused whole. Returns the first problem found, or null.
 */
export function tourFileProblem(file: TourFile): string | null {
  const ids = new Map<string, string>();
  for (const [kind, list] of [
    ['city', file.cities],
    ['site', file.sites],
    ['outlet', file.outlets],
    ['theme', file.coverageThemes],
    ['delegate', file.delegates],
    ['group', file.groups],
    ['visit', file.visits],
  ] as const) {
    for (const row of list) {
      if (ids.has(row.id)) return `id ${row.id} is used twice (${ids.get(row.id)} and ${kind})`;
      ids.set(row.id, kind);
    }
  }
  const refs: [string | null, string, string][] = [
    ...file.sites.map((s) => [s.cityId, 'city', `site ${s.nameEn}`] as [string, string, string]),
    ...file.outletThemes.flatMap((x) => [
      [x.outletId, 'outlet', 'an outlet theme'] as [string, string, string],
      [x.themeId, 'theme', 'an outlet theme'] as [string, string, string],
    ]),
    ...file.delegates.map(
      (d) => [d.outletId, 'outlet', `delegate ${d.passportName}`] as [string, string, string],
    ),
    ...file.groupMembers.flatMap((m) => [
      [m.groupId, 'group', 'a group member'] as [string, string, string],
      [m.delegateId, 'delegate', 'a group member'] as [string, string, string],
    ]),
    ...file.visits.flatMap((v) => [
      [v.siteId, 'site', `visit ${v.titleEn}`] as [string | null, string, string],
      [v.cityId, 'city', `visit ${v.titleEn}`] as [string | null, string, string],
      [v.fromCityId, 'city', `visit ${v.titleEn}`] as [string | null, string, string],
    ]),
    ...file.visitGroups.flatMap((x) => [
      [x.visitId, 'visit', 'a visit group'] as [string, string, string],
      [x.groupId, 'group', 'a visit group'] as [string, string, string],
    ]),
  ];
  for (const [ref, kind, from] of refs) {
    if (ref !== null && ids.get(ref) !== kind)
      return `${from} refers to a ${kind} the file does not hold`;
  }
  const codes = new Set(file.countries.map((c) => c.code));
  const regions = new Set(file.regions.map((r) => r.code));
  for (const c of file.countries) {
    if (!regions.has(c.regionCode))
      return `country ${c.code} refers to a region the file does not hold`;
  }
  for (const o of file.outlets) {
    if (!codes.has(o.countryCode))
      return `outlet ${o.nameEn} refers to a country the file does not hold`;
  }
  for (const d of file.delegates) {
    if (d.nationality && !codes.has(d.nationality)) {
      return `delegate ${d.passportName} refers to a country the file does not hold`;
    }
  }
  return null;
}
