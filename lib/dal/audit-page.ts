import 'server-only';
import { asc } from 'drizzle-orm';
import { getDb } from '@/db';
import { tours } from '@/db/schema';
import { canManageUsers, type Viewer } from '@/lib/auth/permissions';
import { type AuditFilters, queryAuditActions, queryAuditLog } from './audit';
import { UserAdminForbiddenError } from './users/common';

export const auditPageSize = 50;

/** What the audit page shows, for an organizer: one page of entries and the filter menus. */
export async function getAuditPage(
  viewer: Viewer,
  filters: AuditFilters & { before?: number | undefined },
) {
  if (!canManageUsers(viewer)) throw new UserAdminForbiddenError(viewer.role);
  const db = await getDb();
  const [page, actions, tourOptions] = await Promise.all([
    queryAuditLog(db, { ...filters, limit: auditPageSize }),
    queryAuditActions(db),
    db
      .select({ id: tours.id, nameZh: tours.nameZh, nameEn: tours.nameEn })
      .from(tours)
      .orderBy(asc(tours.nameEn)),
  ]);
  return { ...page, actions, tours: tourOptions };
}
