import 'server-only';
import { and, desc, eq, gte, lt, or, sql } from 'drizzle-orm';
import { type Db, getDb } from '@/db';
import { type AuditEntry, boundedEntry, writeRefusal } from '@/db/audit-write';
import { auditLog, tours } from '@/db/schema';
import { likePattern, searchWords } from '@/lib/search';

export type { AuditEntry } from '@/db/audit-write';

type Writer = Pick<Db, 'insert'>;

/** Appends to the audit log; pass the transaction so the entry lands with the change it records. */
export async function recordAudit(db: Writer, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(boundedEntry(entry));
}

/**
 * A refusal (an anonymous call, a forbidden action, a malformed form), folded with its repeats
 * (db/audit-write.ts). Never throws: a failed audit write must not turn a refusal into an error.
 */
export async function recordRefusal(entry: AuditEntry): Promise<void> {
  try {
    await writeRefusal(await getDb(), entry);
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
