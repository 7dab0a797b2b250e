import 'server-only';
import { and, countDistinct, eq, gt, min, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { loginAttempts, users } from '@/db/schema';
import { decideLock, type LockDecision, lockout } from '@/lib/auth/lockout';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '@/lib/auth/password';
import type { Viewer } from '@/lib/auth/permissions';
import { recordAudit } from './audit';
import { createSession, revokeAllSessions } from './sessions';

export type SignInResult =
  | { ok: true; user: { id: string; email: string; role: Viewer['role'] }; sessionId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; lock: Exclude<LockDecision, { locked: false }> };

/** Failures counted against an account and an address, within the window before `now`. */
async function attemptHistory(db: Db, email: string, ip: string, now: Date) {
  const since = new Date(now.getTime() - lockout.windowMinutes * 60_000);
  const failed = and(eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since));
  const [[account], [address]] = await Promise.all([
    db
      .select({ n: sql<number>`count(*)::int`, oldest: min(loginAttempts.at) })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.email, email), failed)),
    db
      .select({ n: countDistinct(loginAttempts.email), oldest: min(loginAttempts.at) })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.ip, ip), failed)),
  ]);
  return decideLock({
    accountFailures: account?.n ?? 0,
    accountOldest: account?.oldest ?? null,
    addressAccounts: address?.n ?? 0,
    addressOldest: address?.oldest ?? null,
  });
}

/**
 * Checks a password, counting failures per account and per client address in the database so
 * that every app instance shares the count, and opens a session row on success. `now` is a
 * parameter so tests can step past the window.
 */
export async function signInWithPassword(
  db: Db,
  input: { email: string; password: string; ip: string; now?: Date },
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const now = input.now ?? new Date();
  const lock = await attemptHistory(db, email, input.ip, now);
  if (lock.locked) {
    await recordAudit(db, {
      action: 'login.refused',
      actorEmail: email,
      ip: input.ip,
      detail: { reason: lock.locked === 'account' ? 'accountLocked' : 'addressLocked' },
    });
    return { ok: false, reason: 'locked', lock };
  }

  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      role: users.role,
      passwordHash: users.passwordHash,
      disabled: users.disabled,
    })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`);
  const valid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);
  const succeeded = valid && !!user && !user.disabled;

  return db.transaction(async (tx) => {
    await tx.insert(loginAttempts).values({ email, ip: input.ip, succeeded, at: now });
    await recordAudit(tx, {
      action: succeeded ? 'login.success' : 'login.failure',
      userId: user?.id ?? null,
      actorEmail: email,
      ip: input.ip,
      detail: !succeeded && valid && user?.disabled ? { reason: 'accountDisabled' } : null,
    });
    if (!succeeded || !user) return { ok: false, reason: 'invalid' } as const;
    const session = await createSession(tx, { userId: user.id, ip: input.ip, now });
    return {
      ok: true,
      user: { id: user.id, email: user.email, role: user.role },
      sessionId: session.id,
    } as const;
  });
}

export type ChangePasswordResult = 'changed' | 'wrongCurrent' | 'locked';

/**
 * Changes the viewer's own password and ends every session of theirs, this one included. A wrong
 * current password counts against the account exactly as a failed sign-in does, and is audited,
 * so a stolen session cannot guess the password for free.
 */
export async function changeOwnPassword(
  db: Db,
  viewer: Viewer,
  input: { current: string; next: string; ip: string; now?: Date },
): Promise<ChangePasswordResult> {
  const now = input.now ?? new Date();
  const email = viewer.email.toLowerCase();
  const lock = await attemptHistory(db, email, input.ip, now);
  if (lock.locked) {
    await recordAudit(db, {
      action: 'user.password_change_refused',
      userId: viewer.userId,
      actorEmail: viewer.email,
      ip: input.ip,
      detail: { reason: lock.locked === 'account' ? 'accountLocked' : 'addressLocked' },
    });
    return 'locked';
  }
  const [user] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, viewer.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.current))) {
    await db.transaction(async (tx) => {
      await tx.insert(loginAttempts).values({ email, ip: input.ip, succeeded: false, at: now });
      await recordAudit(tx, {
        action: 'user.password_change_failed',
        userId: viewer.userId,
        actorEmail: viewer.email,
        target: viewer.email,
        ip: input.ip,
      });
    });
    return 'wrongCurrent';
  }
  const passwordHash = await hashPassword(input.next);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, viewer.userId));
    await revokeAllSessions(tx, viewer.userId);
    await recordAudit(tx, {
      action: 'user.password_changed',
      userId: viewer.userId,
      actorEmail: viewer.email,
      target: viewer.email,
      ip: input.ip,
    });
  });
  return 'changed';
}
