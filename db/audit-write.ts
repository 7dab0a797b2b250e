import { and, type Column, eq, gte, type SQL, sql } from 'drizzle-orm';
import type { Db } from './connect';
import { auditLog } from './schema';

// The writing half of the audit log, below the data-access layer so that the production server
// (which refuses unreadable requests before the app sees them) can record through it too.

export interface AuditEntry {
  action: string;
  userId?: string | null;
  actorEmail?: string | null;
  tourId?: string | null;
  target?: string | null;
  detail?: Record<string, unknown> | null;
  ip?: string | null;
}

// An entry is small whatever a caller sent: details are built by our code from known values, and
// anything that grows past this is cut rather than stored whole. A visit's change (before and
// after, notes in two languages) is the largest entry by design.
const maxDetailChars = 12_000;
const maxTextChars = 320;

export function boundedEntry(entry: AuditEntry) {
  const detailJson = entry.detail ? JSON.stringify(entry.detail) : null;
  return {
    action: entry.action.slice(0, 80),
    userId: entry.userId ?? null,
    actorEmail: entry.actorEmail?.slice(0, maxTextChars) ?? null,
    tourId: entry.tourId ?? null,
    target: entry.target?.slice(0, maxTextChars) ?? null,
    detail:
      detailJson && detailJson.length > maxDetailChars
        ? { truncated: true, size: detailJson.length }
        : (entry.detail ?? null),
    ip: entry.ip?.slice(0, 64) ?? null,
  };
}

/** How long repeated refusals from one caller fold into one entry. */
const refusalWindowMinutes = 10;

const sameAs = (column: Column, value: unknown): SQL =>
  sql`${column} is not distinct from ${value}`;

/**
 * A refusal: repeats from the same caller for the same thing within the window only count up the
 * entry already there, so a flood of calls writes one row and cannot push real events out.
 */
export async function writeRefusal(db: Db, entry: AuditEntry): Promise<void> {
  const e = boundedEntry(entry);
  const since = sql`now() - make_interval(mins => ${refusalWindowMinutes})`;
  const bumped = await db
    .update(auditLog)
    .set({ count: sql`${auditLog.count} + 1`, lastAt: sql`now()` })
    .where(
      and(
        eq(auditLog.action, e.action),
        gte(auditLog.at, since),
        sameAs(auditLog.userId, e.userId),
        sameAs(auditLog.ip, e.ip),
        sameAs(auditLog.target, e.target),
        sameAs(auditLog.tourId, e.tourId),
      ),
    )
    .returning({ id: auditLog.id });
  if (bumped.length === 0) await db.insert(auditLog).values(e);
}
