import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { userSessions, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/permissions';

/** How long a sign-in lasts; the session cookie carries the same expiry. */
export const sessionHours = 12;

type Writer = Pick<Db, 'insert' | 'update'>;

export async function createSession(
  db: Writer,
  { userId, ip, now = new Date() }: { userId: string; ip: string; now?: Date },
): Promise<{ id: string; expiresAt: Date }> {
  const expiresAt = new Date(now.getTime() + sessionHours * 3_600_000);
  const [row] = await db
    .insert(userSessions)
    .values({ userId, ip, createdAt: now, expiresAt })
    .returning({ id: userSessions.id });
  if (!row) throw new Error('session was not stored');
  return { id: row.id, expiresAt };
}

/** Ends one session (signing out): its cookie, wherever it was copied to, no longer works. */
export async function revokeSession(db: Writer, sessionId: string): Promise<void> {
  await db
    .update(userSessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)));
}

/** Ends every session of a user: a password change, a reset, or disabling the account. */
export async function revokeAllSessions(db: Writer, userId: string): Promise<void> {
  await db
    .update(userSessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)));
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The viewer behind a session, or null when the session was signed out, revoked or has expired,
 * or the account is gone or disabled. One query per request.
 */
export async function loadViewer(
  db: Db,
  { userId, sessionId }: { userId: string; sessionId: string },
): Promise<Viewer | null> {
  if (!uuidPattern.test(userId) || !uuidPattern.test(sessionId)) return null;
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      tourId: users.tourId,
      delegateId: users.delegateId,
      staffTourIds: sql<
        string[]
      >`array(select tour_id from tour_staff where tour_staff.user_id = "users"."id")`,
      seenAt: users.itinerarySeenAt,
      prevSeenAt: users.itineraryPrevSeenAt,
      hasFeed: sql<boolean>`${users.feedTokenHash} is not null`,
    })
    .from(users)
    .innerJoin(userSessions, eq(userSessions.userId, users.id))
    .where(
      and(
        eq(users.id, userId),
        eq(userSessions.id, sessionId),
        eq(users.disabled, false),
        isNull(userSessions.revokedAt),
        gt(userSessions.expiresAt, sql`now()`),
      ),
    );
  if (!user) return null;
  return {
    userId: user.id,
    sessionId,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    staffTourIds: user.role === 'coordinator' ? (user.staffTourIds ?? []) : [],
    tourId: user.role === 'journalist' ? user.tourId : null,
    delegateId: user.role === 'journalist' ? user.delegateId : null,
    ...(user.role === 'journalist'
      ? { itinerary: { at: user.seenAt, prev: user.prevSeenAt, hasFeed: user.hasFeed } }
      : {}),
  };
}
