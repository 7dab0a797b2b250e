import { z } from 'zod';
import { locales } from '@/lib/i18n/locales';

// The itinerary's addresses and its one action.

export const itineraryLang = z.enum(locales).optional();

/** `?day=YYYY-MM-DD`: read the itinerary as on the morning of that tour day. */
export const itineraryQuery = z.object({
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});

export const itineraryPrintQuery = z.object({ lang: itineraryLang });

/** `<token>.ics`: the token is 32 random bytes in base64url, 43 characters. */
export const feedAddress = z.object({
  feed: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}\.ics$/)
    .transform((v) => v.slice(0, -'.ics'.length)),
});

/** Making a new feed address replaces the old one: the form says so and must be confirmed. */
export const regenerateFeedTokenSchema = z.object({
  confirmed: z.literal('yes'),
});
