import { z } from 'zod';
import { delegateRoles, mediaTypes, sexes } from '@/db/schema';
import { email, flag, optionalText, requiredText } from './text';

// Schemas of the editing actions (tours, outlets, delegates, groups, themes, cities, sites,
// travel times). FormData carries strings: numbers are coerced, an empty optional field is null.

const name = requiredText(200);
const dateKey = z.iso.date();
/** 'HH:MM' on the tour's wall clock. */
const clock = z
  .string()
  .refine((v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), { params: { reason: 'date' } });
/** 'yyyy-MM-ddTHH:mm' from a datetime-local field, on the tour's wall clock; '' is none. */
const localDateTime = z
  .union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)])
  .optional()
  .nullable()
  .transform((v) => v || null);
const countryCode = z
  .string()
  .refine((v) => /^[A-Z]{2}$/.test(v), { params: { reason: 'choice' } });
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const optionalInt = (min: number, max: number) =>
  z
    .union([z.literal(''), z.coerce.number().int().min(min).max(max)])
    .optional()
    .nullable()
    .transform((v) => (v === '' || v === undefined || v === null ? null : v));
const optionalEmail = z
  .union([z.literal(''), email])
  .optional()
  .nullable()
  .transform((v) => v || null);
const optionalUrl = z
  .union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)])
  .optional()
  .nullable()
  .transform((v) => v || null);
const optionalDate = z
  .union([z.literal(''), dateKey])
  .optional()
  .nullable()
  .transform((v) => v || null);
/** An id of a row being edited; absent when creating one. */
const editedId = z
  .union([z.literal(''), z.uuid()])
  .optional()
  .transform((v) => v || undefined);

const timeZone = z
  .string()
  .max(64)
  .refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return /^[A-Za-z]+(\/[A-Za-z0-9_+-]+)*$/.test(zone);
      } catch {
        return false;
      }
    },
    { params: { reason: 'choice' } },
  );

export const tourSettingsShape = {
  nameZh: name,
  nameEn: name,
  startDate: dateKey,
  endDate: dateKey,
  timeZone,
  transferBufferMinutes: int(0, 600),
  maxDayMinutes: int(60, 1440),
  minRestMinutes: int(0, 1440),
  lunchStart: clock,
  lunchEnd: clock,
  dinnerStart: clock,
  dinnerEnd: clock,
  maxThemesPerOutlet: int(1, 50),
};

/** Cross-field rules of a tour, reported on the later field. */
function checkTour(
  v: {
    startDate: string;
    endDate: string;
    lunchStart: string;
    lunchEnd: string;
    dinnerStart: string;
    dinnerEnd: string;
  },
  ctx: z.RefinementCtx,
) {
  if (v.endDate < v.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], params: { reason: 'endsBeforeStart' } });
  }
  if (v.lunchEnd <= v.lunchStart) {
    ctx.addIssue({ code: 'custom', path: ['lunchEnd'], params: { reason: 'endsBeforeStart' } });
  }
  if (v.dinnerEnd <= v.dinnerStart) {
    ctx.addIssue({ code: 'custom', path: ['dinnerEnd'], params: { reason: 'endsBeforeStart' } });
  }
}

export const createTourSchema = z.object(tourSettingsShape).superRefine(checkTour);
export const updateTourSchema = z
  .object({ tourId: z.uuid(), ...tourSettingsShape })
  .superRefine(checkTour);
export const setTourArchivedSchema = z.object({ tourId: z.uuid(), archived: flag });

export const saveOutletSchema = z.object({
  tourId: z.uuid(),
  outletId: editedId,
  nameZh: name,
  nameEn: name,
  countryCode: countryCode,
  mediaType: z.enum(mediaTypes),
  website: optionalUrl,
});

export const archiveSchema = z.object({ tourId: z.uuid(), id: z.uuid() });

export const saveDelegateSchema = z.object({
  tourId: z.uuid(),
  delegateId: editedId,
  outletId: z.uuid(),
  nameZh: optionalText(200),
  nameEn: optionalText(200),
  passportName: requiredText(200),
  role: z.enum(delegateRoles),
  sex: z
    .union([z.literal(''), z.enum(sexes)])
    .optional()
    .nullable()
    .transform((v) => v || null),
  phone: optionalText(50),
  email: optionalEmail,
  pressCard: optionalText(100),
  dietaryNeeds: optionalText(500, { multiline: true }),
  accessNeeds: optionalText(500, { multiline: true }),
  emergencyContactName: optionalText(200),
  emergencyContactPhone: optionalText(50),
  arrivesAt: localDateTime,
  departsAt: localDateTime,
  /** Only organizers may set it; blank keeps the stored number. */
  passportNumber: z
    .union([z.literal(''), z.string().regex(/^[A-Za-z0-9]{5,20}$/)])
    .optional()
    .nullable()
    .transform((v) => (v ? v.toUpperCase() : null)),
  passportExpiry: optionalDate,
  nationality: z
    .union([z.literal(''), countryCode])
    .optional()
    .nullable()
    .transform((v) => v || null),
  dateOfBirth: optionalDate,
});

export const saveGroupSchema = z.object({
  tourId: z.uuid(),
  groupId: editedId,
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,12}$/),
  nameZh: name,
  nameEn: name,
  vehicle: optionalText(100),
});

export const moveDelegatesSchema = z.object({
  tourId: z.uuid(),
  /** '' takes them out of every group. */
  groupId: z.union([z.literal(''), z.uuid()]).transform((v) => v || null),
  delegateIds: z.array(z.uuid()).min(1).max(2000),
});

export const saveThemeSchema = z.object({
  tourId: z.uuid(),
  themeId: editedId,
  nameZh: name,
  nameEn: name,
});

export const setOutletThemeSchema = z.object({
  tourId: z.uuid(),
  outletId: z.uuid(),
  themeId: z.uuid(),
  on: flag,
});

export const assignThemeSchema = z.object({
  tourId: z.uuid(),
  themeId: z.uuid(),
  outletIds: z.array(z.uuid()).min(1).max(2000),
});

// Reference data, shared by every tour.

export const saveCitySchema = z.object({
  cityId: editedId,
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9_-]{1,40}$/),
  nameZh: name,
  nameEn: name,
  provinceZh: name,
  provinceEn: name,
});

export const saveSiteSchema = z
  .object({
    siteId: editedId,
    cityId: z.uuid(),
    nameZh: name,
    nameEn: name,
    addressZh: optionalText(300),
    addressEn: optionalText(300),
    capacity: optionalInt(1, 100_000),
    hostContactName: optionalText(200),
    hostContactPhone: optionalText(50),
    hostContactEmail: optionalEmail,
    opensAt: z
      .union([z.literal(''), clock])
      .optional()
      .nullable()
      .transform((v) => v || null),
    closesAt: z
      .union([z.literal(''), clock])
      .optional()
      .nullable()
      .transform((v) => v || null),
    closedWeekdays: z.array(z.coerce.number().int().min(1).max(7)).max(7).default([]),
    /** One date a line (yyyy-MM-dd), optionally followed by a note. */
    closures: optionalText(5_000, { multiline: true }),
  })
  .superRefine((v, ctx) => {
    if ((v.opensAt === null) !== (v.closesAt === null)) {
      ctx.addIssue({
        code: 'custom',
        path: [v.opensAt ? 'closesAt' : 'opensAt'],
        params: { reason: 'required' },
      });
    } else if (v.opensAt && v.closesAt && v.closesAt <= v.opensAt) {
      ctx.addIssue({ code: 'custom', path: ['closesAt'], params: { reason: 'endsBeforeStart' } });
    }
    if (v.closures && parseClosures(v.closures) === null) {
      ctx.addIssue({ code: 'custom', path: ['closures'], params: { reason: 'format' } });
    }
  });

export const archiveSiteSchema = z.object({ siteId: z.uuid() });

export const setTravelTimeSchema = z
  .object({
    fromCityId: z.uuid(),
    toCityId: z.uuid(),
    /** '' removes the pair. */
    minutes: optionalInt(1, 2000),
  })
  .refine((v) => v.fromCityId !== v.toCityId, {
    path: ['toCityId'],
    params: { reason: 'choice' },
  });

/** "2025-07-20 National holiday" lines to dates and notes; null when a line is not a date. */
export function parseClosures(text: string): { date: string; note: string | null }[] | null {
  const out: { date: string; note: string | null }[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(\d{4}-\d{2}-\d{2})(?:\s+(.*))?$/.exec(line);
    if (!m?.[1] || !dateKey.safeParse(m[1]).success) return null;
    if (!out.some((c) => c.date === m[1])) out.push({ date: m[1], note: m[2]?.trim() || null });
  }
  return out;
}
