import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import { canManageUsers, type Role, type Viewer } from '@/lib/auth/permissions';
import type { ActionErrorCode } from '../action-result';
import { type AuditEntry, recordAudit } from '../audit';

// User management is for organizers. Every function re-checks the viewer: the page guard and the
// action's role check are the first line, this is the one next to the data. A viewer who gets
// this far without the right is a bug in the caller, so it throws; expected refusals (a taken
// email, a delegate of another tour) come back as results naming the reason and the field.

export class UserAdminForbiddenError extends Error {
  constructor(role: Role) {
    super(`A ${role} may not manage user accounts`);
    this.name = 'UserAdminForbiddenError';
  }
}

export function assertCanManageUsers(viewer: Viewer): void {
  if (!canManageUsers(viewer)) throw new UserAdminForbiddenError(viewer.role);
}

/** Why a request was refused; the action turns it into a message in the caller's language. */
export type UserAdminRefusal =
  | 'emailTaken'
  | 'tourRequired'
  | 'delegateRequired'
  | 'delegateNotInTour'
  | 'delegateLinked'
  | 'linkOnlyForJournalists'
  | 'cannotDisableSelf'
  | 'resetOwnPassword'
  | 'confirmRequired'
  | 'userNotFound'
  | 'tourNotFound'
  | 'notCoordinator';

export type UserAdminResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ActionErrorCode; reason: UserAdminRefusal; field?: string };

export const done = <T>(data: T): UserAdminResult<T> => ({ ok: true, data });
export const refuse = (
  code: ActionErrorCode,
  reason: UserAdminRefusal,
  field?: string,
): UserAdminResult<never> => ({ ok: false, code, reason, ...(field ? { field } : {}) });

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

export async function emailTaken(db: Pick<Db, 'select'>, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return !!row;
}
