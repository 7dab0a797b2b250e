import 'server-only';
import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { loginAttempts, tourStaff, users } from '@/db/schema';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '@/lib/auth/password';
import type { Viewer } from '@/lib/auth/permissions';
import { recordAudit } from './audit';

export const lockout = { maxFailures: 10, windowMinutes: 15 } as const;

export type SignInResult =
  | { ok: true; user: { id: string; email: string; role: Viewer['role']; sessionVersion: number } }
  | { ok: false; reason: 'invalid' | 'locked' };

/**
 * Checks a password, counting failures per account and per client address in the database so
 * that every app instance shares the count. `now` is a parameter so tests can step past the window.
 */
export async function signInWithPassword(
  db: Db,
  input: { email: string; password: string; ip: string; now?: Date },
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const now = input.now ?? new Date();
  const since = new Date(now.getTime() - lockout.windowMinutes * 60_000);
  const failures = (where: ReturnType<typeof eq>) =>
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(where, eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)))
      .then(([row]) => row?.n ?? 0);
  const [byEmail, byIp] = await Promise.all([
    failures(eq(loginAttempts.email, email)),
    failures(eq(loginAttempts.ip, input.ip)),
  ]);
  if (byEmail >= lockout.maxFailures || byIp >= lockout.maxFailures) {
    await recordAudit(db, {
      action: 'login.refused',
      actorEmail: email,
      ip: input.ip,
      detail: { reason: byEmail >= lockout.maxFailures ? 'account locked' : 'address locked' },
    });
    return { ok: false, reason: 'locked' };
  }

  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      role: users.role,
      passwordHash: users.passwordHash,
      disabled: users.disabled,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`);
  const valid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);
  const succeeded = valid && !!user && !user.disabled;

  await db.transaction(async (tx) => {
    await tx.insert(loginAttempts).values({ email, ip: input.ip, succeeded, at: now });
    await recordAudit(tx, {
      action: succeeded ? 'login.success' : 'login.failure',
      userId: user?.id ?? null,
      actorEmail: email,
      ip: input.ip,
      detail: !succeeded && valid && user?.disabled ? { reason: 'account disabled' } : null,
    });
  });
  if (!succeeded || !user) return { ok: false, reason: 'invalid' };
  return {
    ok: true,
    user: { id: user.id, email: user.email, role: user.role, sessionVersion: user.sessionVersion },
  };
}

/**
 * The viewer behind a session, or null when the account is gone, disabled, or its password
 * changed since the session began (its session version moved on).
 */
export async function loadViewer(
  db: Db,
  { userId, sessionVersion }: { userId: string; sessionVersion: number },
): Promise<Viewer | null> {
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      disabled: users.disabled,
      sessionVersion: users.sessionVersion,
      tourId: users.tourId,
      delegateId: users.delegateId,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user || user.disabled || user.sessionVersion !== sessionVersion) return null;
  const staffTourIds =
    user.role === 'coordinator'
      ? (
          await db
            .select({ tourId: tourStaff.tourId })
            .from(tourStaff)
            .where(eq(tourStaff.userId, user.id))
        ).map((r) => r.tourId)
      : [];
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    staffTourIds,
    tourId: user.role === 'journalist' ? user.tourId : null,
    delegateId: user.role === 'journalist' ? user.delegateId : null,
  };
}

/**
 * Changes the viewer's own password and moves their session version on, which ends every
 * session of theirs, this one included. Returns false when the current password is wrong.
 */
export async function changeOwnPassword(
  db: Db,
  viewer: Viewer,
  input: { current: string; next: string; ip: string },
): Promise<boolean> {
  const [user] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, viewer.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.current))) return false;
  const passwordHash = await hashPassword(input.next);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, viewer.userId));
    await recordAudit(tx, {
      action: 'user.password_changed',
      userId: viewer.userId,
      actorEmail: viewer.email,
      target: viewer.email,
      ip: input.ip,
    });
  });
  return true;
}
