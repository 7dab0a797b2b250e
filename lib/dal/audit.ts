import 'server-only';
import { and, type Column, desc, eq, gte, lt, or, type SQL, sql } from 'drizzle-orm';
import { type Db, getDb } from '@/db';
import { auditLog, tours } from '@/db/schema';
import { likePattern, searchWords } from '@/lib/search';

export interface AuditEntry {
  action: string;
  userId?: string | null;
  actorEmail?: string | null;
  tourId?: string | null;
  target?: string | null;
  detail?: Record<string, unknown> | null;
  ip?: string | null;
}

type Writer = Pick<Db, 'insert'>;

// An entry is small whatever a caller sent: details are built by our code from known values, and
// anything that grows past this is cut rather than stored whole.
const maxDetailChars = 4000;
const maxTextChars = 320;

function bounded(entry: AuditEntry) {
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

/** Appends to the audit log; pass the transaction so the entry lands with the change it records. */
export async function recordAudit(db: Writer, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(bounded(entry));
}

const sameAs = (column: Column, value: unknown): SQL =>
  sql`${column} is not distinct from ${value}`;

/** How long repeated refusals from one caller fold into one entry. */
const refusalWindowMinutes = 10;

/**
 * A refusal (an anonymous call, a forbidden action, a malformed form): repeats from the same
 * caller for the same thing within the window only count up the entry already there, so a flood
 * of calls writes one row and cannot push real events out of the log. Never throws: a failed
 * audit write must not turn a refusal into an error page.
 */
export async function recordRefusal(entry: AuditEntry): Promise<void> {
  try {
    const db = await getDb();
    const e = bounded(entry);
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
  } catch (err) {
    console.error(`audit: could not record ${entry.action}: ${(err as Error).name}`);
  }
}

export interface AuditFilters {
  action?: string | undefined;
  /** Matches the actor's email. */
  user?: string | undefined;
  tourId?: string | undefined;
  /** Instants bounding `at`. */
  from?: Date | undefined;
  to?: Date | undefined;
}

/** One page of the log, newest first; `before` is the id to continue below (keyset paging). */
export async function queryAuditLog(
  db: Db,
  { limit, before, ...filters }: AuditFilters & { limit: number; before?: number | undefined },
) {
  const conditions = [
    filters.action ? eq(auditLog.action, filters.action) : undefined,
    filters.tourId ? eq(auditLog.tourId, filters.tourId) : undefined,
    filters.from ? gte(auditLog.at, filters.from) : undefined,
    filters.to ? lt(auditLog.at, filters.to) : undefined,
    before ? lt(auditLog.id, before) : undefined,
    ...searchWords(filters.user).map((w) =>
      or(sql`lower(${auditLog.actorEmail}) like ${likePattern(w)}`),
    ),
  ];
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      lastAt: auditLog.lastAt,
      count: auditLog.count,
      action: auditLog.action,
      actorEmail: auditLog.actorEmail,
      target: auditLog.target,
      detail: auditLog.detail,
      ip: auditLog.ip,
      tourEn: tours.nameEn,
      tourZh: tours.nameZh,
    })
    .from(auditLog)
    .leftJoin(tours, eq(tours.id, auditLog.tourId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  return { entries: rows.slice(0, limit), more: rows.length > limit };
}

export type AuditRow = Awaited<ReturnType<typeof queryAuditLog>>['entries'][number];

/** The known kinds of entry, for the audit page's filter menu. */
export async function queryAuditActions(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .orderBy(auditLog.action)
    .limit(200);
  return rows.map((r) => r.action);
}
