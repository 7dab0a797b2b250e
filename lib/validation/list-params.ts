import { z } from 'zod';

// Search parameters of list pages. Nothing here fails a page: a value that does not fit is
// dropped (the list shows unfiltered), a long query is cut, a page number out of range is
// clamped by the query that knows how many pages there are.

export const listQuery = z
  .string()
  .transform((v) => v.slice(0, 100))
  .optional()
  .catch(undefined);

export const listPage = z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined);

export const optionalUuid = z.uuid().optional().catch(undefined);

export function optionalEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values).optional().catch(undefined);
}

export const regionCode = z
  .string()
  .regex(/^[a-z_]{1,40}$/)
  .optional()
  .catch(undefined);

/** The first value of a repeated search parameter. */
export function firstValues(params: Record<string, string | string[] | undefined>) {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
}
