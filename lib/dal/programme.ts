import 'server-only';
import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Db, getDb } from '@/db';
import { cities, groups, sites, visitGroups, visits } from '@/db/schema';
import type { TourScope } from './scope';

const fromCities = alias(cities, 'from_cities');

export interface ProgrammeFilters {
  /** Only visits starting within [from, to). */
  from?: Date | undefined;
  to?: Date | undefined;
  /** Only the visits of these groups. */
  groupIds?: string[] | undefined;
}

export const programmePageSize = 40;

function programmeConditions(db: Db, tourId: string, filters: ProgrammeFilters) {
  return and(
    eq(visits.tourId, tourId),
    filters.from ? gte(visits.startsAt, filters.from) : undefined,
    filters.to ? lt(visits.startsAt, filters.to) : undefined,
    filters.groupIds
      ? filters.groupIds.length
        ? inArray(
            visits.id,
            db
              .select({ id: visitGroups.visitId })
              .from(visitGroups)
              .where(
                and(eq(visitGroups.tourId, tourId), inArray(visitGroups.groupId, filters.groupIds)),
              ),
          )
        : sql`false`
      : undefined,
  );
}

async function selectProgramme(
  db: Db,
  tourId: string,
  filters: ProgrammeFilters,
  window?: { limit: number; offset: number },
) {
  const rows = await db
    .select({
      id: visits.id,
      kind: visits.kind,
      titleZh: visits.titleZh,
      titleEn: visits.titleEn,
      startsAt: visits.startsAt,
      endsAt: visits.endsAt,
      notesZh: visits.notesZh,
      notesEn: visits.notesEn,
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
    .where(programmeConditions(db, tourId, filters))
    .orderBy(asc(visits.startsAt), asc(visits.endsAt), asc(visits.titleEn), asc(visits.id))
    .limit(window?.limit ?? 100_000)
    .offset(window?.offset ?? 0);
  const attending = rows.length
    ? await db
        .select({ visitId: visitGroups.visitId, code: groups.code })
        .from(visitGroups)
        .innerJoin(groups, and(eq(groups.id, visitGroups.groupId), eq(groups.tourId, tourId)))
        .where(
          and(
            eq(visitGroups.tourId, tourId),
            inArray(
              visitGroups.visitId,
              rows.map((r) => r.id),
            ),
          ),
        )
        .orderBy(asc(groups.code))
    : [];
  const codesByVisit = new Map<string, string[]>();
  for (const a of attending) {
    codesByVisit.set(a.visitId, [...(codesByVisit.get(a.visitId) ?? []), a.code]);
  }
  return rows.map((r) => ({ ...r, groups: codesByVisit.get(r.id) ?? [] }));
}

/** A tour's visits in time order (a day's, a group's), with where they are and who attends. */
export async function queryProgramme(db: Db, scope: TourScope, filters: ProgrammeFilters = {}) {
  return selectProgramme(db, scope.tourId, filters);
}

/** One page of a tour's visits (a day's, a group's): a tour of 30,000 visits sends 40. */
export async function queryProgrammePage(
  db: Db,
  scope: TourScope,
  filters: ProgrammeFilters & { page?: number | undefined },
) {
  const total = await db.$count(visits, programmeConditions(db, scope.tourId, filters));
  const pages = Math.max(1, Math.ceil(total / programmePageSize));
  const page = Math.min(Math.max(1, filters.page ?? 1), pages);
  const rows = await selectProgramme(db, scope.tourId, filters, {
    limit: programmePageSize,
    offset: (page - 1) * programmePageSize,
  });
  return { rows, total, page, pages };
}

export type ProgrammeItem = Awaited<ReturnType<typeof queryProgramme>>[number];

export async function getProgrammePage(
  scope: TourScope,
  filters: ProgrammeFilters & { page?: number | undefined },
) {
  return queryProgrammePage(await getDb(), scope, filters);
}
