/**
 * A json column read back: postgres.js and PGlite may hand it over parsed or as text. Pages that
 * need several small lists read them as json subselects of one query, one round trip instead of
 * one per list.
 */
export function fromJson<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
