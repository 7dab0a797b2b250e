export type ActionErrorCode =
  | 'unauthenticated'
  | 'forbidden'
  | 'invalid'
  | 'not_found'
  | 'conflict';

/** The one shape every server action answers with; bugs are thrown, not returned. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: ActionErrorCode;
      message: string;
      fieldErrors?: Record<string, string[]>;
    };

export const ok = <T>(data: T): ActionResult<T> => ({ ok: true, data });
export const fail = (
  code: ActionErrorCode,
  message: string,
  fieldErrors?: Record<string, string[]>,
): ActionResult<never> => ({ ok: false, code, message, ...(fieldErrors ? { fieldErrors } : {}) });
