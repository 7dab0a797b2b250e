import 'server-only';
import { asc, count, desc, eq, inArray } from 'drizzle-orm';
import { cache } from 'react';
import { type Db, getDb } from '@/db';
import { countries, delegates, groupMembers, groups, outlets, regions, tours } from '@/db/schema';
import type { Viewer } from '@/lib/auth/permissions';

const NO_TOUR = '00000000-0000-0000-0000-000000000000';

export type TourSummary = Awaited<ReturnType<typeof queryTours>>[number];

export async function queryTours(db: Db, { onlyIds }: { onlyIds?: string[] } = {}) {
  return db
    .select({
      id: tours.id,
      nameZh: tours.nameZh,
      nameEn: tours.nameEn,
      startDate: tours.startDate,
      endDate: tours.endDate,
      timeZone: tours.timeZone,
      isSample: tours.isSample,
      outletCount: count(outlets.id),
    })
    .from(tours)
    .leftJoin(outlets, eq(outlets.tourId, tours.id))
    .where(onlyIds ? inArray(tours.id, onlyIds.length ? onlyIds : [NO_TOUR]) : undefined)
    .groupBy(tours.id)
    .orderBy(desc(tours.startDate));
}

export async function queryTour(db: Db, { tourId }: { tourId: string }) {
  const [tour] = await db
    .select({
      id: tours.id,
      nameZh: tours.nameZh,
      nameEn: tours.nameEn,
      startDate: tours.startDate,
      endDate: tours.endDate,
      timeZone: tours.timeZone,
      isSample: tours.isSample,
    })
    .from(tours)
    .where(eq(tours.id, tourId));
  return tour ?? null;
}

export type Tour = NonNullable<Awaited<ReturnType<typeof queryTour>>>;

/** Head counts for the overview: outlets per region, people per group. */
export async function queryTourCounts(db: Db, { tourId }: { tourId: string }) {
  const [byRegion, byGroup, [people]] = await Promise.all([
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
      .where(eq(outlets.tourId, tourId))
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
      .orderBy(asc(groups.code)),
    db.select({ delegates: count() }).from(delegates).where(eq(delegates.tourId, tourId)),
  ]);
  return { byRegion, byGroup, delegates: people?.delegates ?? 0 };
}

/** The tours a viewer works on: every tour for organizers, their assigned ones for coordinators. */
export const getToursFor = cache(async (viewer: Viewer) => {
  if (viewer.role === 'journalist') return [];
  return queryTours(
    await getDb(),
    viewer.role === 'organizer' ? {} : { onlyIds: viewer.staffTourIds },
  );
});

// By id, for callers that have already authorized the viewer for this tour.
export const getTour = cache(async (tourId: string) => queryTour(await getDb(), { tourId }));
export const getTourCounts = cache(async (tourId: string) =>
  queryTourCounts(await getDb(), { tourId }),
);
