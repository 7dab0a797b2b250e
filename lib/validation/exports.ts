import { z } from 'zod';
import { delegateRoles } from '@/db/schema';
import { locales } from '@/lib/i18n/locales';

// The query of an export address. Unlike a list page, a value that does not fit is refused
// (400, naming the field) rather than dropped: dropping a filter would export more people than
// the organizer asked for. A well-formed value that matches nothing gives an empty file.

const flag = z
  .enum(['1', 'true', 'on', '0', 'false', 'off'])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'on');

const dateKey = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
      new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    'not a date',
  );

const words = z.string().trim().max(100).optional();

export const exportCommonQuery = {
  lang: z.enum(locales).optional(),
  passport: flag,
  nationality: flag,
  dob: flag,
};

export const delegateExportQuery = z.object({
  ...exportCommonQuery,
  q: words,
  region: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .optional(),
  outlet: z.uuid().optional(),
  outletQ: words,
  group: z.uuid().optional(),
  groupQ: words,
  theme: z.uuid().optional(),
  role: z.enum(delegateRoles).optional(),
  city: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/)
    .optional(),
  date: dateKey.optional(),
  // Carried along from the list's address, and of no meaning to a file.
  sort: z.string().max(20).optional(),
  page: z.string().max(10).optional(),
});

export const dayListQuery = z
  .object({
    ...exportCommonQuery,
    date: dateKey,
    group: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,20}$/)
      .optional(),
    vehicle: z.string().trim().min(1).max(60).optional(),
  })
  .refine((q) => Boolean(q.group) !== Boolean(q.vehicle), {
    message: 'give a group or a vehicle',
    path: ['group'],
  });

export const exportFiles = [
  'delegates.xlsx',
  'delegates.csv',
  'programme.xlsx',
  'programme.ics',
  'day.xlsx',
  'day.csv',
] as const;

export const visitExportFiles = ['manifest.xlsx', 'manifest.csv'] as const;

/**
 * A GET form sends its empty fields too (`country=`): those mean "no filter", so they are left
 * out before the query is checked.
 */
export function withoutEmpty(query: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query).filter(
      (e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '',
    ),
  );
}
