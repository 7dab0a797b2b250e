import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { type Db, getDb } from '@/db';
import { users } from '@/db/schema';
import { recordAudit } from './audit';
import { feedScope, type SelfScope } from './scope';

// The private address of a journalist's calendar feed. Its token is 256 random bits, given to the
// journalist once; only its SHA-256 is stored, so a copy of the database opens no feed. A new
// token replaces the old one, whose address then answers 404.

const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function isFeedToken(value: string): boolean {
  return tokenPattern.test(value);
}

/** Makes (or replaces) the journalist's feed token and returns it: the only time it is seen. */
export async function regenerateFeedToken(db: Db, scope: SelfScope, ip: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    const [had] = await tx
      .select({ hash: users.feedTokenHash })
      .from(users)
      .where(and(eq(users.id, scope.viewer.userId), eq(users.delegateId, scope.delegateId)));
    if (!had) throw new Error('the journalist has no account row');
    await tx
      .update(users)
      .set({ feedTokenHash: hashFeedToken(token) })
      .where(and(eq(users.id, scope.viewer.userId), eq(users.delegateId, scope.delegateId)));
    await recordAudit(tx, {
      action: had.hash ? 'feed.regenerated' : 'feed.created',
      userId: scope.viewer.userId,
      actorEmail: scope.viewer.email,
      tourId: scope.tourId,
      target: scope.viewer.userId,
      ip,
    });
  });
  return token;
}

/** The scope a feed token opens, or null: malformed, revoked, or its account disabled. */
export async function scopeOfFeedToken(db: Db, token: string): Promise<SelfScope | null> {
  if (!isFeedToken(token)) return null;
  const [owner] = await db
    .select({
      userId: users.id,
      email: users.email,
      tourId: users.tourId,
      delegateId: users.delegateId,
    })
    .from(users)
    .where(
      and(
        eq(users.feedTokenHash, hashFeedToken(token)),
        eq(users.role, 'journalist'),
        eq(users.disabled, false),
      ),
    );
  if (!owner?.tourId || !owner.delegateId) return null;
  return feedScope({ ...owner, tourId: owner.tourId, delegateId: owner.delegateId });
}

export async function getScopeOfFeedToken(token: string): Promise<SelfScope | null> {
  return scopeOfFeedToken(await getDb(), token);
}
