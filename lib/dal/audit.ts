import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { type Db, getDb } from '@/db';
import { auditLog, tours } from '@/db/schema';

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

/** Appends to the audit log; pass the transaction so the entry lands with the change it records. */
export async function recordAudit(db: Writer, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    action: entry.action,
    userId: entry.userId ?? null,
    actorEmail: entry.actorEmail ?? null,
    tourId: entry.tourId ?? null,
    target: entry.target ?? null,
    detail: entry.detail ?? null,
    ip: entry.ip ?? null,
  });
}

/** Fire-and-forget from a page: a failed audit write must not break what the user asked for. */
export async function recordAuditSafely(entry: AuditEntry): Promise<void> {
  try {
    await recordAudit(await getDb(), entry);
  } catch (err) {
    console.error(`audit: could not record ${entry.action}: ${(err as Error).message}`);
  }
}

export async function queryAuditLog(db: Db, { limit }: { limit: number }) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
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
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}
