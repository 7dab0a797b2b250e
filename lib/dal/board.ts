import 'server-only';
import { and, asc, count, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import { type Db, getDb } from '@/db';
import { cities, groups, sites, tours, visitGroups, visits } from '@/db/schema';
import type { PlanContextJson } from '@/lib/schedule/board-plan';
import { dateKeyOf, datesBetween, nextDateKey, zonedInstant } from '@/lib/time';
import { loadPlanContext } from './schedule-context';
import type { TourScope } from './scope';

// The schedule board's data: one day of one page of groups, with every field a coordinator edits,
// and what the browser needs to check a change before saving it (the same pure checks the server
// runs: lib/schedule/problems.ts). A tour of 300 groups and 30,000 visits sends one day of
// twenty groups.

export const boardGroupsPerPage = 20;

export async function queryBoard(
  db: Db,
  scope: TourScope,
  options: { day?: string | undefined; groupPage?: number | undefined },
) {
  const [tour] = await db
    .select({
      id: tours.id,
      startDate: tours.startDate,
      endDate: tours.endDate,
      timeZone: tours.timeZone,
    })
    .from(tours)
    .where(eq(tours.id, scope.tourId));
  if (!tour) return null;
  const dates = datesBetween(tour.startDate, tour.endDate);
  const today = dateKeyOf(new Date(), tour.timeZone);
  const day =
    options.day && dates.includes(options.day)
      ? options.day
      : dates.includes(today)
        ? today
        : (dates[0] ?? tour.startDate);

  const [[{ total } = { total: 0 }], context] = await Promise.all([
    db.select({ total: count() }).from(groups).where(eq(groups.tourId, scope.tourId)),
    loadPlanContext(db, scope),
  ]);
  const pages = Math.max(1, Math.ceil(total / boardGroupsPerPage));
  const groupPage = Math.min(Math.max(1, options.groupPage ?? 1), pages);
  const groupRows = await db
    .select({ id: groups.id, code: groups.code, nameZh: groups.nameZh, nameEn: groups.nameEn })
    .from(groups)
    .where(eq(groups.tourId, scope.tourId))
    .orderBy(asc(groups.code))
    .limit(boardGroupsPerPage)
    .offset((groupPage - 1) * boardGroupsPerPage);
  const groupIds = groupRows.map((g) => g.id);

  // The day and its neighbours: a transfer or a short night at the edge of the day is seen.
  const dayStart = zonedInstant(day, '00:00', tour.timeZone);
  const from = zonedInstant(
    dateKeyOf(new Date(dayStart.getTime() - 1), tour.timeZone),
    '00:00',
    tour.timeZone,
  );
  const to = zonedInstant(nextDateKey(nextDateKey(day)), '00:00', tour.timeZone);
  const visitRows = groupIds.length
    ? await db
        .select({
          id: visits.id,
          version: visits.version,
          kind: visits.kind,
          titleZh: visits.titleZh,
          titleEn: visits.titleEn,
          siteId: visits.siteId,
          cityId: visits.cityId,
          fromCityId: visits.fromCityId,
          startsAt: visits.startsAt,
          endsAt: visits.endsAt,
          notesZh: visits.notesZh,
          notesEn: visits.notesEn,
          transportMode: visits.transportMode,
          vehicle: visits.vehicle,
          hostContactName: visits.hostContactName,
          hostContactPhone: visits.hostContactPhone,
          escortName: visits.escortName,
          escortPhone: visits.escortPhone,
          cancelled: visits.cancelled,
          groupIds: sql<
            string[]
          >`coalesce((select array_agg(vg.group_id order by vg.group_id) from visit_groups vg where vg.tour_id = ${visits.tourId} and vg.visit_id = ${visits.id}), '{}')`,
        })
        .from(visits)
        .where(
          and(
            eq(visits.tourId, scope.tourId),
            gte(visits.startsAt, from),
            lt(visits.startsAt, to),
            inArray(
              visits.id,
              db
                .select({ id: visitGroups.visitId })
                .from(visitGroups)
                .where(
                  and(eq(visitGroups.tourId, scope.tourId), inArray(visitGroups.groupId, groupIds)),
                ),
            ),
          ),
        )
        .orderBy(asc(visits.startsAt))
    : [];

  const [siteRows, cityRows] = await Promise.all([
    db
      .select({
        id: sites.id,
        nameZh: sites.nameZh,
        nameEn: sites.nameEn,
        cityId: sites.cityId,
        capacity: sites.capacity,
      })
      .from(sites)
      .where(isNull(sites.archivedAt))
      .orderBy(asc(sites.nameEn))
      .limit(500),
    db
      .select({ id: cities.id, nameZh: cities.nameZh, nameEn: cities.nameEn })
      .from(cities)
      .orderBy(asc(cities.nameEn))
      .limit(500),
  ]);

  return {
    tour: { ...tour, dates },
    day,
    groups: groupRows,
    groupPage,
    groupPages: pages,
    groupTotal: total,
    visits: visitRows.map((v) => ({
      ...v,
      startsAt: v.startsAt.toISOString(),
      endsAt: v.endsAt.toISOString(),
    })),
    sites: siteRows,
    cities: cityRows,
    // The checks' reference data, as plain JSON for the browser.
    context: {
      settings: context.settings,
      travel: [...context.travel],
      sites: [...context.sites],
      groupSizes: [...context.groupSizes].filter(([g]) => groupIds.includes(g)),
      stays: [...context.stays]
        .filter(([g]) => groupIds.includes(g))
        .map(([g, list]): PlanContextJson['stays'][number] => [
          g,
          list.map((s) => ({
            delegateId: s.delegateId,
            arrivesAt: s.arrivesAt?.toISOString() ?? null,
            departsAt: s.departsAt?.toISOString() ?? null,
          })),
        ]),
    } satisfies PlanContextJson,
  };
}

export type BoardData = NonNullable<Awaited<ReturnType<typeof queryBoard>>>;
export type BoardVisit = BoardData['visits'][number];

export async function getBoard(
  scope: TourScope,
  options: { day?: string | undefined; groupPage?: number | undefined },
) {
  return queryBoard(await getDb(), scope, options);
}
