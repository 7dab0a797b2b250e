import { z } from 'zod';
import { transportModes, visitKinds } from '@/db/schema/schedule';
import { optionalText, requiredText } from './text';

// Schemas of the schedule board's actions. The board sends plain objects (TanStack Query
// mutations) with instants as ISO strings: the browser turns what the coordinator typed on the
// tour's clock into an instant with the tour's zone (lib/time.ts), whatever its own zone.

const instant = z.iso.datetime({ offset: true }).transform((v) => new Date(v));
/** A place chosen from a menu; '' or null clears it (an edit may take a site away). */
const placeId = z
  .union([z.literal(''), z.null(), z.uuid()])
  .optional()
  .transform((v) => v || null);
const longest = 3 * 24 * 60 * 60 * 1000;

const visitBody = {
  kind: z.enum(visitKinds),
  titleZh: requiredText(200),
  titleEn: requiredText(200),
  siteId: placeId,
  cityId: placeId,
  fromCityId: placeId,
  startsAt: instant,
  endsAt: instant,
  // A form sends one checked group as a single value; a patch without groups keeps them.
  groupIds: z.preprocess(
    (v) => (typeof v === 'string' ? [v] : v),
    z.array(z.uuid()).min(1).max(50),
  ),
  notesZh: optionalText(2000, { multiline: true }),
  notesEn: optionalText(2000, { multiline: true }),
  transportMode: z
    .union([z.literal(''), z.enum(transportModes)])
    .optional()
    .nullable()
    .transform((v) => v || null),
  vehicle: optionalText(100),
  hostContactName: optionalText(100),
  hostContactPhone: optionalText(40),
  escortName: optionalText(100),
  escortPhone: optionalText(40),
};

function endsAfterStart<T extends { startsAt?: Date; endsAt?: Date }>(v: T, ctx: z.RefinementCtx) {
  if (!v.startsAt || !v.endsAt) return;
  if (v.endsAt <= v.startsAt) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], params: { reason: 'endsBeforeStart' } });
  } else if (v.endsAt.getTime() - v.startsAt.getTime() > longest) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], params: { reason: 'tooLongVisit' } });
  }
}

export const createVisitSchema = z
  .object({ tourId: z.uuid(), ...visitBody })
  .superRefine(endsAfterStart);

const visitRef = { tourId: z.uuid(), visitId: z.uuid(), version: z.coerce.number().int().min(1) };

/** An edit, a move (start, end, perhaps another group) or a resize: only what changes is sent. */
export const updateVisitSchema = z
  .object({ ...visitRef, ...z.object(visitBody).partial().shape })
  .superRefine(endsAfterStart);

export const setVisitCancelledSchema = z.object({
  ...visitRef,
  cancelled: z
    .union([z.boolean(), z.enum(['true', 'false'])])
    .transform((v) => v === true || v === 'true'),
});

export const duplicateVisitSchema = z.object({
  tourId: z.uuid(),
  visitId: z.uuid(),
  startsAt: instant,
});
