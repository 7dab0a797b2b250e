import 'server-only';
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { cache } from 'react';
import { type Db, getDb } from '@/db';
import {
  cities,
  countries,
  delegates,
  groupMembers,
  groups,
  outlets,
  regions,
  tours,
  visits,
} from '@/db/schema';
import type { Viewer } from '@/lib/auth/permissions';
import type { SelfScope, TourScope } from './scope';

export type TourSummary = Awaited<ReturnType<typeof queryTours>>[number];

/** The tours a viewer works on, newest first: every tour for organizers, their own for coordinators. */
export async function queryTours(db: Db, viewer: Viewer, { archived = false } = {}) {
  if (viewer.role === 'journalist') return [];
  const ids = viewer.role === 'organizer' ? null : viewer.staffTourIds;
  if (ids && ids.length === 0) return [];
  return db
    .select({
      id: tours.id,
      nameZh: tours.nameZh,
      nameEn: tours.nameEn,
      startDate: tours.startDate,
      endDate: tours.endDate,
      timeZone: tours.timeZone,
      isSample: tours.isSample,
      archivedAt: tours.archivedAt,
      outletCount: sql<number>`(select count(*)::int from outlets o where o.tour_id = "tours"."id" and o.archived_at is null)`,
    })
    .from(tours)
    .where(
      and(
        ids ? inArray(tours.id, ids) : undefined,
        archived ? sql`${tours.archivedAt} is not null` : isNull(tours.archivedAt),
      ),
    )
    .orderBy(desc(tours.startDate), asc(tours.nameEn));
}

export async function queryTour(db: Db, scope: TourScope | SelfScope) {
  const [tour] = await db
    .select({
      id: tours.id,
      nameZh: tours.nameZh,
      nameEn: tours.nameEn,
      startDate: tours.startDate,
      endDate: tours.endDate,
      timeZone: tours.timeZone,
      isSample: tours.isSample,
      archivedAt: tours.archivedAt,
    })
    .from(tours)
    .where(eq(tours.id, scope.tourId));
  return tour ?? null;
}

export type Tour = NonNullable<Awaited<ReturnType<typeof queryTour>>>;

/** The overview shows this many groups by name; a tour of 500 groups links to the rest. */
export const overviewGroupLimit = 24;

/** Head counts for the overview: outlets per region, people per group, visits per day. */
export async function queryTourCounts(db: Db, scope: TourScope, timeZone: string) {
  const { tourId } = scope;
  const [byRegion, byGroup, groupCount, [people], byDay] = await Promise.all([
    db
      .select({
        regionCode: regions.code,
        regionZh: regions.nameZh,
        regionEn: regions.nameEn,
        outlets: count(outlets.id),
      })
      .from(outlets)
      .innerJoin(countries, eq(countries.code, outlets.countryCode))
      .innerJoin(regions, eq(regions.id, countries.regionId))
      .where(and(eq(outlets.tourId, tourId), isNull(outlets.archivedAt)))
      .groupBy(regions.id)
      .orderBy(asc(regions.sortOrder)),
    db
      .select({
        id: groups.id,
        code: groups.code,
        nameZh: groups.nameZh,
        nameEn: groups.nameEn,
        members: count(groupMembers.delegateId),
      })
      .from(groups)
      .leftJoin(groupMembers, eq(groupMembers.groupId, groups.id))
      .where(eq(groups.tourId, tourId))
      .groupBy(groups.id)
      .orderBy(asc(groups.code))
      .limit(overviewGroupLimit),
    db.$count(groups, eq(groups.tourId, tourId)),
    db
      .select({ delegates: count() })
      .from(delegates)
      .where(and(eq(delegates.tourId, tourId), isNull(delegates.archivedAt))),
    // Counted by the database, on the tour's own clock: the overview never loads the programme.
    db
      .select({
        date: sql<string>`to_char(${visits.startsAt} at time zone ${timeZone}, 'YYYY-MM-DD')`,
        items: sql<number>`count(*)::int`,
        citiesZh: sql<string[]>`array_remove(array_agg(distinct ${cities.nameZh}), null)`,
        citiesEn: sql<string[]>`array_remove(array_agg(distinct ${cities.nameEn}), null)`,
      })
      .from(visits)
      .leftJoin(cities, eq(cities.id, visits.cityId))
      .where(and(eq(visits.tourId, tourId), eq(visits.cancelled, false)))
      .groupBy(sql`1`),
  ]);
  return { byRegion, byGroup, groupCount, delegates: people?.delegates ?? 0, byDay };
}

/** The tours a viewer works on: every tour for organizers, their assigned ones for coordinators. */
export const getToursFor = cache(async (viewer: Viewer) => queryTours(await getDb(), viewer));

export const getTour = cache(async (scope: TourScope) => queryTour(await getDb(), scope));
export const getTourCounts = cache(async (scope: TourScope, timeZone: string) =>
  queryTourCounts(await getDb(), scope, timeZone),
);
