import 'server-only';
import { and, asc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Db, getDb } from '@/db';
import { cities, groupMembers, groups, sites, visitGroups, visits } from '@/db/schema';
import type { SelfScope, TourScope } from './scope';

const fromCities = alias(cities, 'from_cities');

export interface ProgrammeFilters {
  /** Only visits starting within [from, to). */
  from?: Date | undefined;
  to?: Date | undefined;
  /** Only the visits of these groups. */
  groupIds?: string[] | undefined;
}

async function selectProgramme(db: Db, tourId: string, filters: ProgrammeFilters) {
  const conditions: (SQL | undefined)[] = [
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
  ];
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
    .where(and(...conditions))
    .orderBy(asc(visits.startsAt), asc(visits.endsAt), asc(visits.titleEn));
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

/** A journalist's own visits: those of their group, read by the database, nobody else's. */
export async function queryOwnProgramme(db: Db, scope: SelfScope, filters: ProgrammeFilters = {}) {
  const memberships = await db
    .select({ groupId: groupMembers.groupId })
    .from(groupMembers)
    .where(
      and(eq(groupMembers.tourId, scope.tourId), eq(groupMembers.delegateId, scope.delegateId)),
    );
  return selectProgramme(db, scope.tourId, {
    ...filters,
    groupIds: memberships.map((m) => m.groupId),
  });
}

export type ProgrammeItem = Awaited<ReturnType<typeof queryProgramme>>[number];

export async function getProgramme(scope: TourScope, filters: ProgrammeFilters = {}) {
  return queryProgramme(await getDb(), scope, filters);
}
