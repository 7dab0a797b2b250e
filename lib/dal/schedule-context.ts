import 'server-only';
import { and, count, eq, gte, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import {
  delegates,
  groupMembers,
  siteClosures,
  sites,
  tours,
  travelTimes,
  visitGroups,
  visits,
} from '@/db/schema';
import type { PlanContext, PlanSettings, PlanVisit } from '@/lib/schedule/problems';
import { travelKey } from '@/lib/schedule/problems';
import type { TourScope } from './scope';

// What the schedule checks read besides the visits themselves: the tour's settings, the travel
// table, the sites' hours and closures, group sizes and members' stays. Loaded per tour, in a few
// small queries, for the board and for every save.

type Reader = Pick<Db, 'select' | 'selectDistinct'>;

export async function loadPlanSettings(db: Reader, scope: TourScope): Promise<PlanSettings> {
  const [row] = await db
    .select({
      timeZone: tours.timeZone,
      transferBufferMinutes: tours.transferBufferMinutes,
      maxDayMinutes: tours.maxDayMinutes,
      minRestMinutes: tours.minRestMinutes,
      lunchStart: tours.lunchStart,
      lunchEnd: tours.lunchEnd,
      dinnerStart: tours.dinnerStart,
      dinnerEnd: tours.dinnerEnd,
    })
    .from(tours)
    .where(eq(tours.id, scope.tourId));
  if (!row) throw new Error('tour of a scope is gone');
  const hm = (t: string) => t.slice(0, 5);
  return {
    ...row,
    lunchStart: hm(row.lunchStart),
    lunchEnd: hm(row.lunchEnd),
    dinnerStart: hm(row.dinnerStart),
    dinnerEnd: hm(row.dinnerEnd),
  };
}

export async function loadPlanContext(db: Reader, scope: TourScope): Promise<PlanContext> {
  const [settings, travel, siteRows, closures, sizes, stays] = await Promise.all([
    loadPlanSettings(db, scope),
    db.select().from(travelTimes),
    // The sites this tour uses: a handful, whatever the size of the reference table.
    db
      .select({
        id: sites.id,
        capacity: sites.capacity,
        opensAt: sites.opensAt,
        closesAt: sites.closesAt,
        closedWeekdays: sites.closedWeekdays,
      })
      .from(sites)
      .where(
        inArray(
          sites.id,
          db
            .selectDistinct({ id: visits.siteId })
            .from(visits)
            .where(and(eq(visits.tourId, scope.tourId), isNotNull(visits.siteId))),
        ),
      ),
    db
      .select({ siteId: siteClosures.siteId, date: siteClosures.date })
      .from(siteClosures)
      .where(
        inArray(
          siteClosures.siteId,
          db
            .selectDistinct({ id: visits.siteId })
            .from(visits)
            .where(and(eq(visits.tourId, scope.tourId), isNotNull(visits.siteId))),
        ),
      ),
    db
      .select({ groupId: groupMembers.groupId, people: count() })
      .from(groupMembers)
      .where(eq(groupMembers.tourId, scope.tourId))
      .groupBy(groupMembers.groupId),
    // Only members whose stay is shorter than the tour matter.
    db
      .select({
        groupId: groupMembers.groupId,
        delegateId: delegates.id,
        arrivesAt: delegates.arrivesAt,
        departsAt: delegates.departsAt,
      })
      .from(groupMembers)
      .innerJoin(
        delegates,
        and(eq(delegates.tourId, groupMembers.tourId), eq(delegates.id, groupMembers.delegateId)),
      )
      .where(
        and(
          eq(groupMembers.tourId, scope.tourId),
          or(isNotNull(delegates.arrivesAt), isNotNull(delegates.departsAt)),
        ),
      ),
  ]);
  const closedBySite = new Map<string, string[]>();
  for (const c of closures)
    closedBySite.set(c.siteId, [...(closedBySite.get(c.siteId) ?? []), c.date]);
  const staysByGroup: PlanContext['stays'] = new Map();
  for (const s of stays) {
    staysByGroup.set(s.groupId, [...(staysByGroup.get(s.groupId) ?? []), s]);
  }
  const hm = (t: string | null) => (t ? t.slice(0, 5) : null);
  return {
    settings,
    travel: new Map(travel.map((t) => [travelKey(t.cityAId, t.cityBId), t.minutes])),
    sites: new Map(
      siteRows.map((s) => [
        s.id,
        {
          capacity: s.capacity,
          opensAt: hm(s.opensAt),
          closesAt: hm(s.closesAt),
          closedWeekdays: s.closedWeekdays,
          closedDates: closedBySite.get(s.id) ?? [],
        },
      ]),
    ),
    groupSizes: new Map(sizes.map((s) => [s.groupId, s.people])),
    stays: staysByGroup,
  };
}

/**
 * The tour's visits that start within [from, to), with their groups, as the checks read them;
 * only those of `groupIds` when given. A window a day wider than what is shown lets a transfer
 * or a short night at its edge be seen.
 */
export async function loadPlanVisits(
  db: Reader,
  scope: TourScope,
  window: { from?: Date; to?: Date; groupIds?: string[] } = {},
): Promise<PlanVisit[]> {
  const rows = await db
    .select({
      id: visits.id,
      kind: visits.kind,
      titleZh: visits.titleZh,
      titleEn: visits.titleEn,
      startsAt: visits.startsAt,
      endsAt: visits.endsAt,
      siteId: visits.siteId,
      cityId: visits.cityId,
      fromCityId: visits.fromCityId,
      cancelled: visits.cancelled,
      groupIds: sql<
        string[]
      >`coalesce((select array_agg(vg.group_id order by vg.group_id) from visit_groups vg where vg.tour_id = ${visits.tourId} and vg.visit_id = ${visits.id}), '{}')`,
    })
    .from(visits)
    .where(
      and(
        eq(visits.tourId, scope.tourId),
        window.from ? gte(visits.startsAt, window.from) : undefined,
        window.to ? lt(visits.startsAt, window.to) : undefined,
        window.groupIds
          ? inArray(
              visits.id,
              db
                .select({ id: visitGroups.visitId })
                .from(visitGroups)
                .where(
                  and(
                    eq(visitGroups.tourId, scope.tourId),
                    inArray(
                      visitGroups.groupId,
                      window.groupIds.length
                        ? window.groupIds
                        : ['00000000-0000-4000-8000-000000000000'],
                    ),
                  ),
                ),
            )
          : undefined,
      ),
    );
  return rows;
}
