import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { type Db, getDb } from '@/db';
import { auditLog, cities, groups, sites, tours } from '@/db/schema';
import { type VisitChangeDetail, visitChangeActions } from '@/lib/visit-changes';
import type { TourScope } from './scope';

/** A visit's change entries, oldest first, with the names its snapshots refer to. */
export async function queryVisitHistory(db: Db, scope: TourScope, visitId: string) {
  const [entries, siteRows, cityRows, groupRows, [tour]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        actorEmail: auditLog.actorEmail,
        detail: auditLog.detail,
      })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.tourId, scope.tourId),
          eq(auditLog.target, visitId),
          inArray(auditLog.action, [...visitChangeActions]),
        ),
      )
      .orderBy(asc(auditLog.id))
      .limit(200),
    db.select({ id: sites.id, nameZh: sites.nameZh, nameEn: sites.nameEn }).from(sites),
    db.select({ id: cities.id, nameZh: cities.nameZh, nameEn: cities.nameEn }).from(cities),
    db
      .select({ id: groups.id, code: groups.code })
      .from(groups)
      .where(eq(groups.tourId, scope.tourId)),
    db.select({ timeZone: tours.timeZone }).from(tours).where(eq(tours.id, scope.tourId)),
  ]);
  return {
    timeZone: tour?.timeZone ?? 'Asia/Shanghai',
    entries: entries.map((e) => ({ ...e, detail: e.detail as VisitChangeDetail | null })),
    sites: new Map(siteRows.map((s) => [s.id, s])),
    cities: new Map(cityRows.map((c) => [c.id, c])),
    groups: new Map(groupRows.map((g) => [g.id, g.code])),
  };
}

export async function getVisitHistory(scope: TourScope, visitId: string) {
  return queryVisitHistory(await getDb(), scope, visitId);
}
