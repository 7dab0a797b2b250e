import 'server-only';
import type { Db } from '@/db';
import type { Viewer } from '@/lib/auth/permissions';
import type { ActionErrorCode } from '../action-result';
import { type AuditEntry, recordAudit } from '../audit';

// Editing writers: each runs one transaction per user action and writes its audit entry in it.
// Expected refusals (an id of another tour, a taken code) come back as results naming the reason
// and the field; the action turns them into a sentence in the caller's language.

export type EditRefusal =
  | 'notFound'
  | 'outletNotInTour'
  | 'groupNotInTour'
  | 'themeNotInTour'
  | 'delegateNotInTour'
  | 'cityNotFound'
  | 'countryUnknown'
  | 'nameTaken'
  | 'codeTaken'
  | 'passportOrganizerOnly'
  | 'departsBeforeArrives'
  | 'tooManyThemes'
  | 'visitsOutsideDates'
  | 'hasDependents'
  | 'forbidden';

export type EditResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: ActionErrorCode;
      reason: EditRefusal;
      field?: string;
      /** Numbers the message names (what depends on a row that may not be deleted). */
      values?: Record<string, number>;
    };

export const done = <T>(data: T): EditResult<T> => ({ ok: true, data });
export const refuse = (
  code: ActionErrorCode,
  reason: EditRefusal,
  field?: string,
  values?: Record<string, number>,
): EditResult<never> => ({
  ok: false,
  code,
  reason,
  ...(field ? { field } : {}),
  ...(values ? { values } : {}),
});

/** Where the request came from, for the audit entry. */
export interface Origin {
  ip?: string | null;
}

export function audit(
  tx: Pick<Db, 'insert'>,
  viewer: Viewer,
  origin: Origin,
  entry: Omit<AuditEntry, 'userId' | 'actorEmail' | 'ip'>,
) {
  return recordAudit(tx, {
    ...entry,
    userId: viewer.userId,
    actorEmail: viewer.email,
    ip: origin.ip ?? null,
  });
}

/** Postgres' unique violation (23505), through Drizzle's wrapper on either driver. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** The constraint (or trigger) a failed write ran into, on either driver. */
export function violatedConstraint(err: unknown): string | null {
  const e = err as { cause?: { constraint?: string; constraint_name?: string } };
  return e?.cause?.constraint ?? e?.cause?.constraint_name ?? null;
}

/** A refusal thrown inside a transaction so that it rolls back. */
export class Refused extends Error {
  constructor(readonly result: EditResult<never>) {
    super('refused');
  }
}

/** Runs a transaction; a `Refused` thrown inside rolls it back and becomes its result. */
export async function inTransaction<T>(
  db: Db,
  body: (tx: Db) => Promise<EditResult<T>>,
): Promise<EditResult<T>> {
  try {
    return await db.transaction(async (tx) => body(tx as unknown as Db));
  } catch (err) {
    if (err instanceof Refused) return err.result;
    throw err;
  }
}
