import 'server-only';
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { tours, visitGroups, visits } from '@/db/schema';
import type { PlanContext, PlanSettings, PlanVisit } from '@/lib/schedule/problems';
import { travelKey } from '@/lib/schedule/problems';
import { fromJson } from './json-column';
import type { TourScope } from './scope';

// What the schedule checks read: the tour's settings, the travel table, the sites' hours and
// closures, group sizes and members' stays (loaded per tour, for the board and for every save),
// and the visits of a window.

type Reader = Pick<Db, 'select' | 'selectDistinct'>;

/**
 * Everything the checks read besides the visits, in one query of json subselects: one round trip
 * for the board and for every save, whatever the size of the tour.
 */
export async function loadPlanContext(db: Reader, scope: TourScope): Promise<PlanContext> {
  const tourId = scope.tourId;
  const [row] = await db
    .select({
      settings: sql<unknown>`json_build_object('timeZone', ${tours.timeZone}, 'transferBufferMinutes', ${tours.transferBufferMinutes}, 'maxDayMinutes', ${tours.maxDayMinutes}, 'minRestMinutes', ${tours.minRestMinutes}, 'lunchStart', ${tours.lunchStart}, 'lunchEnd', ${tours.lunchEnd}, 'dinnerStart', ${tours.dinnerStart}, 'dinnerEnd', ${tours.dinnerEnd})`,
      travel: sql<unknown>`(select coalesce(json_agg(json_build_array(t.city_a_id, t.city_b_id, t.minutes)), '[]') from travel_times t)`,
      // The sites this tour uses: a handful, whatever the size of the reference table.
      sites: sql<unknown>`(select coalesce(json_agg(json_build_object('id', s.id, 'capacity', s.capacity, 'opensAt', s.opens_at, 'closesAt', s.closes_at, 'closedWeekdays', s.closed_weekdays, 'closedDates', coalesce((select json_agg(c.date order by c.date) from site_closures c where c.site_id = s.id), '[]'))), '[]') from sites s where s.id in (select v.site_id from visits v where v.tour_id = ${tourId} and v.site_id is not null))`,
      groupSizes: sql<unknown>`(select coalesce(json_agg(json_build_array(m.group_id, m.people)), '[]') from (select group_id, count(*)::int as people from group_members where tour_id = ${tourId} group by group_id) m)`,
      // Only members whose stay is shorter than the tour matter.
      stays: sql<unknown>`(select coalesce(json_agg(json_build_object('groupId', m.group_id, 'delegateId', d.id, 'arrivesAt', d.arrives_at, 'departsAt', d.departs_at)), '[]') from group_members m join delegates d on d.tour_id = m.tour_id and d.id = m.delegate_id where m.tour_id = ${tourId} and (d.arrives_at is not null or d.departs_at is not null))`,
    })
    .from(tours)
    .where(eq(tours.id, tourId));
  if (!row) throw new Error('tour of a scope is gone');
  const hm = <T extends string | null>(t: T) => (t ? t.slice(0, 5) : t) as T;
  const settings = fromJson<PlanSettings>(row.settings, {} as PlanSettings);
  type SiteRow = {
    id: string;
    capacity: number | null;
    opensAt: string | null;
    closesAt: string | null;
    closedWeekdays: number[];
    closedDates: string[];
  };
  type Stay = {
    groupId: string;
    delegateId: string;
    arrivesAt: string | null;
    departsAt: string | null;
  };
  const stays: PlanContext['stays'] = new Map();
  for (const s of fromJson<Stay[]>(row.stays, [])) {
    const stay = {
      delegateId: s.delegateId,
      arrivesAt: s.arrivesAt ? new Date(s.arrivesAt) : null,
      departsAt: s.departsAt ? new Date(s.departsAt) : null,
    };
    stays.set(s.groupId, [...(stays.get(s.groupId) ?? []), stay]);
  }
  return {
    settings: {
      ...settings,
      lunchStart: hm(settings.lunchStart),
      lunchEnd: hm(settings.lunchEnd),
      dinnerStart: hm(settings.dinnerStart),
      dinnerEnd: hm(settings.dinnerEnd),
    },
    travel: new Map(
      fromJson<[string, string, number][]>(row.travel, []).map(([a, b, minutes]) => [
        travelKey(a, b),
        minutes,
      ]),
    ),
    sites: new Map(
      fromJson<SiteRow[]>(row.sites, []).map((s) => [
        s.id,
        {
          capacity: s.capacity,
          opensAt: hm(s.opensAt),
          closesAt: hm(s.closesAt),
          closedWeekdays: s.closedWeekdays,
          closedDates: s.closedDates,
        },
      ]),
    ),
    groupSizes: new Map(fromJson<[string, number][]>(row.groupSizes, [])),
    stays,
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
      groupIds: visitGroupIds,
    })
    .from(visits)
    .where(visitsInWindow(db, scope, window));
  return rows;
}

/** A visit's groups, as one column of a visits query. */
export const visitGroupIds = sql<
  string[]
>`coalesce((select array_agg(vg.group_id order by vg.group_id) from visit_groups vg where vg.tour_id = ${visits.tourId} and vg.visit_id = ${visits.id}), '{}')`;

/** The tour's visits that start within [from, to), attended by one of `groupIds` when given. */
export function visitsInWindow(
  db: Reader,
  scope: TourScope,
  window: { from?: Date; to?: Date; groupIds?: string[] },
) {
  return and(
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
  );
}
