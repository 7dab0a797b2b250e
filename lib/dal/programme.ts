import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { cache } from 'react';
import { type Db, getDb } from '@/db';
import { cities, groups, sites, visitGroups, visits } from '@/db/schema';

const fromCities = alias(cities, 'from_cities');

/** Every visit of a tour in time order, with where it is and which groups attend. */
export async function queryProgramme(db: Db, { tourId }: { tourId: string }) {
  const [rows, attending] = await Promise.all([
    db
      .select({
        id: visits.id,
        kind: visits.kind,
        titleZh: visits.titleZh,
        titleEn: visits.titleEn,
        startsAt: visits.startsAt,
        endsAt: visits.endsAt,
        notes: visits.notes,
        cancelled: visits.cancelled,
        siteZh: sites.nameZh,
        siteEn: sites.nameEn,
        cityZh: cities.nameZh,
        cityEn: cities.nameEn,
        fromCityZh: fromCities.nameZh,
        fromCityEn: fromCities.nameEn,
      })
      .from(visits)
      .leftJoin(sites, eq(sites.id, visits.siteId))
      .leftJoin(cities, eq(cities.id, visits.cityId))
      .leftJoin(fromCities, eq(fromCities.id, visits.fromCityId))
      .where(eq(visits.tourId, tourId))
      .orderBy(asc(visits.startsAt), asc(visits.endsAt), asc(visits.titleEn)),
    db
      .select({ visitId: visitGroups.visitId, code: groups.code })
      .from(visitGroups)
      .innerJoin(groups, and(eq(groups.id, visitGroups.groupId), eq(groups.tourId, tourId)))
      .where(eq(visitGroups.tourId, tourId))
      .orderBy(asc(groups.code)),
  ]);
  const codesByVisit = new Map<string, string[]>();
  for (const a of attending) {
    const list = codesByVisit.get(a.visitId) ?? [];
    list.push(a.code);
    codesByVisit.set(a.visitId, list);
  }
  return rows.map((r) => ({ ...r, groups: codesByVisit.get(r.id) ?? [] }));
}

export type ProgrammeItem = Awaited<ReturnType<typeof queryProgramme>>[number];

export const getProgramme = cache(async (tourId: string) =>
  queryProgramme(await getDb(), { tourId }),
);
