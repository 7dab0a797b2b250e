import 'server-only';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { cache } from 'react';
import { type Db, getDb } from '@/db';
import { tours } from '@/db/schema';
import type { Viewer } from '@/lib/auth/permissions';
import { fromJson } from './json-column';
import type { SelfScope, TourScope } from './scope';
import { cachedTourRead } from './tour-cache';

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
  return selectTour(db, scope.tourId);
}

async function selectTour(db: Db, tourId: string) {
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
    .where(eq(tours.id, tourId));
  return tour ?? null;
}

export type Tour = NonNullable<Awaited<ReturnType<typeof queryTour>>>;

/** The overview shows this many groups by name; a tour of 500 groups links to the rest. */
export const overviewGroupLimit = 24;

/**
 * Head counts for the overview: outlets per region, people per group, visits per day. One query
 * of json subselects (one round trip); the days are counted on the tour's own clock, so the
 * overview never loads the programme.
 */
export async function queryTourCounts(db: Db, scope: TourScope, timeZone: string) {
  const { tourId } = scope;
  const [row] = await db
    .select({
      byRegion: sql<unknown>`(select coalesce(json_agg(json_build_object('regionCode', r.code, 'regionZh', r.name_zh, 'regionEn', r.name_en, 'outlets', r.n) order by r.sort_order), '[]') from (select rg.code, rg.name_zh, rg.name_en, rg.sort_order, count(*)::int as n from outlets o join countries c on c.code = o.country_code join regions rg on rg.id = c.region_id where o.tour_id = ${tourId} and o.archived_at is null group by rg.id) r)`,
      byGroup: sql<unknown>`(select coalesce(json_agg(json_build_object('id', g.id, 'code', g.code, 'nameZh', g.name_zh, 'nameEn', g.name_en, 'members', (select count(*)::int from group_members m where m.group_id = g.id)) order by g.code), '[]') from (select id, code, name_zh, name_en from groups where tour_id = ${tourId} order by code limit ${overviewGroupLimit}) g)`,
      groupCount: sql<number>`(select count(*)::int from groups where tour_id = ${tourId})`,
      delegates: sql<number>`(select count(*)::int from delegates where tour_id = ${tourId} and archived_at is null)`,
      byDay: sql<unknown>`(select coalesce(json_agg(json_build_object('date', d.date, 'items', d.items, 'citiesZh', d.cities_zh, 'citiesEn', d.cities_en)), '[]') from (select to_char(v.starts_at at time zone ${timeZone}, 'YYYY-MM-DD') as date, count(*)::int as items, array_remove(array_agg(distinct c.name_zh), null) as cities_zh, array_remove(array_agg(distinct c.name_en), null) as cities_en from visits v left join cities c on c.id = v.city_id where v.tour_id = ${tourId} and not v.cancelled group by 1) d)`,
    })
    .from(tours)
    .where(eq(tours.id, tourId));
  type Region = { regionCode: string; regionZh: string; regionEn: string; outlets: number };
  type Group = { id: string; code: string; nameZh: string; nameEn: string; members: number };
  type Day = { date: string; items: number; citiesZh: string[]; citiesEn: string[] };
  return {
    byRegion: fromJson<Region[]>(row?.byRegion, []),
    byGroup: fromJson<Group[]>(row?.byGroup, []),
    groupCount: Number(row?.groupCount ?? 0),
    delegates: Number(row?.delegates ?? 0),
    byDay: fromJson<Day[]>(row?.byDay, []),
  };
}

/** The tours a viewer works on: every tour for organizers, their assigned ones for coordinators. */
export const getToursFor = cache(async (viewer: Viewer) => queryTours(await getDb(), viewer));

// Keyed by the tour's id, not by the scope object: the layout and the page each make a scope for
// the same tour, and share one read of it.
const tourById = cache(async (tourId: string) => selectTour(await getDb(), tourId));
export const getTour = (scope: TourScope) =>
  cachedTourRead(scope, ['tour'], () => tourById(scope.tourId));
export const getTourCounts = (scope: TourScope, timeZone: string) =>
  cachedTourRead(scope, ['counts', timeZone], async () =>
    queryTourCounts(await getDb(), scope, timeZone),
  );
