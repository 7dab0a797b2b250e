import { z } from 'zod';

// Text fields of every form. Control characters are refused with a message naming the field:
// a NUL byte would make Postgres fail the whole write, and invisible characters in a name on a
// manifest help nobody. Multi-line fields (notes) keep line breaks and tabs.

// \p{Cc}: the C0 and C1 control characters and DEL.
const singleLine = /[\p{Cc}\u2028\u2029]/u;
const multiLine = /(?![\t\n\r])\p{Cc}/u;

export function hasControlChars(value: string, multiline = false): boolean {
  return (multiline ? multiLine : singleLine).test(value);
}

const noControls = (multiline: boolean) => (value: string) => !hasControlChars(value, multiline);

/** Text that must be given: trimmed, 1 to `max` characters. */
export function requiredText(max: number, { multiline = false } = {}) {
  return z
    .string()
    .max(max)
    .refine(noControls(multiline), { params: { reason: 'controlChars' }, abort: true })
    .trim()
    .min(1);
}

/** Text that may be left empty: trimmed, and stored as null when empty. */
export function optionalText(max: number, { multiline = false } = {}) {
  return z
    .string()
    .max(max)
    .refine(noControls(multiline), { params: { reason: 'controlChars' }, abort: true })
    .trim()
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));
}

/** A form's yes/no: FormData carries strings, a JSON caller may send a boolean. */
export const flag = z
  .union([z.boolean(), z.enum(['true', 'false', 'on'])])
  .transform((v) => v === true || v === 'true' || v === 'on');

/** An id chosen from a menu; '' (nothing chosen) is undefined. */
export const optionalId = z
  .union([z.literal(''), z.uuid()])
  .optional()
  .nullable()
  .transform((v) => v || undefined);

export const email = z
  .string()
  .max(254)
  .refine(noControls(false), { params: { reason: 'controlChars' }, abort: true })
  .trim()
  .toLowerCase()
  .pipe(z.email());
