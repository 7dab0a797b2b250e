// The one shape every server action and JSON route answers with; bugs are thrown, not returned.
// Plain types and two helpers, importable from client components.

export type ActionErrorCode =
  | 'unauthenticated'
  | 'forbidden'
  | 'invalid'
  | 'not_found'
  | 'conflict'
  | 'stale'
  | 'locked'
  /** The database connection dropped before the change was committed: nothing was saved. */
  | 'not_saved'
  /** It dropped while the change was being committed: it may have been saved; look first. */
  | 'maybe_saved'
  | 'error';

export type ActionFailure = {
  ok: false;
  code: ActionErrorCode;
  /** A sentence for the person, in their language. */
  message: string;
  /** By field name (only fields the form has), each message naming the field by its label. */
  fieldErrors?: Record<string, string[]>;
  /** What the caller needs to recover (the current values after a stale save, say). */
  detail?: unknown;
};

export type ActionResult<T = undefined> = { ok: true; data: T } | ActionFailure;

export const ok = <T>(data: T): ActionResult<T> => ({ ok: true, data });
export const fail = (
  code: ActionErrorCode,
  message: string,
  fieldErrors?: Record<string, string[]>,
  detail?: unknown,
): ActionFailure => ({
  ok: false,
  code,
  message,
  ...(fieldErrors ? { fieldErrors } : {}),
  ...(detail === undefined ? {} : { detail }),
});
