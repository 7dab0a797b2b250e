import 'server-only';
import { and, asc, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Db, getDb } from '@/db';
import {
  auditLog,
  cities,
  delegates,
  groupMembers,
  groups,
  outlets,
  sites,
  users,
  visitGroups,
  visits,
} from '@/db/schema';
import { changesSince, type VisitChange, type VisitChangeEntry } from '@/lib/itinerary/changes';
import { type VisitChangeDetail, visitChangeActions } from '@/lib/visit-changes';
import type { SelfScope, TourScope } from './scope';
import { queryTour } from './tours';

// A journalist's itinerary (their group's visits, read by the database, nobody else's), the same
// for staff looking at one delegate or one group, and what changed since the journalist last
// looked. Every query is bounded by the tour and by the groups the reader belongs to.

const fromCities = alias(cities, 'from_cities');

/** Marks older than this are kept on a reopen within it: a refresh does not wipe them. */
const seenGraceMinutes = 5;
/** A reader sees at most this many changes marked (a tour is 14 days of a few visits a day). */
const changeEntryLimit = 1000;

async function groupsOf(db: Db, tourId: string, where: ReturnType<typeof and>) {
  return db
    .select({
      id: groups.id,
      code: groups.code,
      nameZh: groups.nameZh,
      nameEn: groups.nameEn,
      vehicle: groups.vehicle,
    })
    .from(groups)
    .where(and(eq(groups.tourId, tourId), where))
    .orderBy(asc(groups.code));
}

async function visitsOfGroups(db: Db, tourId: string, groupIds: string[]) {
  if (!groupIds.length) return [];
  const rows = await db
    .select({
      id: visits.id,
      kind: visits.kind,
      titleZh: visits.titleZh,
      titleEn: visits.titleEn,
      startsAt: visits.startsAt,
      endsAt: visits.endsAt,
      cancelled: visits.cancelled,
      siteZh: sites.nameZh,
      siteEn: sites.nameEn,
      addressZh: sites.addressZh,
      addressEn: sites.addressEn,
      cityZh: cities.nameZh,
      cityEn: cities.nameEn,
      fromCityZh: fromCities.nameZh,
      fromCityEn: fromCities.nameEn,
      notesZh: visits.notesZh,
      notesEn: visits.notesEn,
      transportMode: visits.transportMode,
      vehicle: visits.vehicle,
      hostContactName: sql<
        string | null
      >`coalesce(${visits.hostContactName}, ${sites.hostContactName})`,
      hostContactPhone: sql<
        string | null
      >`coalesce(${visits.hostContactPhone}, ${sites.hostContactPhone})`,
      version: visits.version,
      updatedAt: visits.updatedAt,
    })
    .from(visits)
    .leftJoin(sites, eq(sites.id, visits.siteId))
    .leftJoin(cities, eq(cities.id, visits.cityId))
    .leftJoin(fromCities, eq(fromCities.id, visits.fromCityId))
    .where(
      and(
        eq(visits.tourId, tourId),
        inArray(
          visits.id,
          db
            .select({ id: visitGroups.visitId })
            .from(visitGroups)
            .where(and(eq(visitGroups.tourId, tourId), inArray(visitGroups.groupId, groupIds))),
        ),
      ),
    )
    .orderBy(asc(visits.startsAt), asc(visits.endsAt), asc(visits.titleEn), asc(visits.id));
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
  const codes = new Map<string, string[]>();
  for (const a of attending) codes.set(a.visitId, [...(codes.get(a.visitId) ?? []), a.code]);
  return rows.map((r) => ({ ...r, groups: codes.get(r.id) ?? [] }));
}

export type ItineraryVisit = Awaited<ReturnType<typeof visitsOfGroups>>[number];
export type ItineraryGroup = Awaited<ReturnType<typeof groupsOf>>[number];

async function itineraryOf(db: Db, scope: SelfScope | TourScope, groupList: ItineraryGroup[]) {
  const tour = await queryTour(db, scope);
  if (!tour) return null;
  const list = await visitsOfGroups(
    db,
    scope.tourId,
    groupList.map((g) => g.id),
  );
  return { tour, groups: groupList, visits: list };
}

/** The groups one delegate of this tour belongs to. */
function memberOf(db: Db, tourId: string, delegateId: string) {
  return inArray(
    groups.id,
    db
      .select({ id: groupMembers.groupId })
      .from(groupMembers)
      .where(and(eq(groupMembers.tourId, tourId), eq(groupMembers.delegateId, delegateId))),
  );
}

/** A journalist's own itinerary. */
export async function queryOwnItinerary(db: Db, scope: SelfScope) {
  const groupList = await groupsOf(db, scope.tourId, memberOf(db, scope.tourId, scope.delegateId));
  return itineraryOf(db, scope, groupList);
}

/** One delegate's itinerary as their journalist sees it, for the tour's staff; null when the
 * delegate is not of this tour. */
export async function queryDelegateItinerary(db: Db, scope: TourScope, delegateId: string) {
  const [delegate] = await db
    .select({
      id: delegates.id,
      passportName: delegates.passportName,
      nameZh: delegates.nameZh,
      nameEn: delegates.nameEn,
      outletZh: outlets.nameZh,
      outletEn: outlets.nameEn,
      seenAt: users.itineraryPrevSeenAt,
    })
    .from(delegates)
    .innerJoin(
      outlets,
      and(eq(outlets.tourId, delegates.tourId), eq(outlets.id, delegates.outletId)),
    )
    .leftJoin(users, and(eq(users.tourId, delegates.tourId), eq(users.delegateId, delegates.id)))
    .where(and(eq(delegates.tourId, scope.tourId), eq(delegates.id, delegateId)));
  if (!delegate) return null;
  const groupList = await groupsOf(db, scope.tourId, memberOf(db, scope.tourId, delegateId));
  const itinerary = await itineraryOf(db, scope, groupList);
  return itinerary ? { ...itinerary, delegate } : null;
}

/** One group's itinerary, for the tour's staff; null when the group is not of this tour. */
export async function queryGroupItinerary(db: Db, scope: TourScope, groupId: string) {
  const groupList = await groupsOf(db, scope.tourId, eq(groups.id, groupId));
  if (!groupList.length) return null;
  return itineraryOf(db, scope, groupList);
}

/** Which outlets have people at each of these visits (of the reader's tour), by name. */
export async function queryAttendingOutlets(
  db: Db,
  scope: SelfScope | TourScope,
  visitIds: string[],
) {
  const byVisit = new Map<string, { nameZh: string; nameEn: string }[]>();
  if (!visitIds.length) return byVisit;
  const rows = await db
    .selectDistinct({
      visitId: visitGroups.visitId,
      nameZh: outlets.nameZh,
      nameEn: outlets.nameEn,
    })
    .from(visitGroups)
    .innerJoin(
      groupMembers,
      and(
        eq(groupMembers.tourId, visitGroups.tourId),
        eq(groupMembers.groupId, visitGroups.groupId),
      ),
    )
    .innerJoin(
      delegates,
      and(eq(delegates.tourId, groupMembers.tourId), eq(delegates.id, groupMembers.delegateId)),
    )
    .innerJoin(
      outlets,
      and(eq(outlets.tourId, delegates.tourId), eq(outlets.id, delegates.outletId)),
    )
    .where(
      and(
        eq(visitGroups.tourId, scope.tourId),
        inArray(visitGroups.visitId, visitIds),
        isNull(delegates.archivedAt),
      ),
    )
    .orderBy(asc(visitGroups.visitId), asc(outlets.nameEn));
  for (const r of rows) {
    byVisit.set(r.visitId, [
      ...(byVisit.get(r.visitId) ?? []),
      { nameZh: r.nameZh, nameEn: r.nameEn },
    ]);
  }
  return byVisit;
}

/**
 * Records that the journalist opened their itinerary and answers since when to mark changes.
 * The first open starts the clock; later opens move "last seen" on only when the previous one is
 * more than a few minutes old, so reloading the page keeps the marks the reader has not read yet.
 */
export async function markItinerarySeen(db: Db, scope: SelfScope): Promise<Date | null> {
  const userId = scope.viewer.userId;
  const [seen] = await db
    .select({ at: users.itinerarySeenAt, prev: users.itineraryPrevSeenAt })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.delegateId, scope.delegateId)));
  if (!seen) return null;
  const stale = sql`now() - make_interval(mins => ${seenGraceMinutes})`;
  if (seen.at && seen.at.getTime() > Date.now() - seenGraceMinutes * 60_000) return seen.prev;
  // Conditional, so two tabs opening at once move it on once.
  const [moved] = await db
    .update(users)
    .set({
      itineraryPrevSeenAt: sql`coalesce(${users.itinerarySeenAt}, now())`,
      itinerarySeenAt: sql`now()`,
    })
    .where(
      and(
        eq(users.id, userId),
        sql`(${users.itinerarySeenAt} is null or ${users.itinerarySeenAt} < ${stale})`,
      ),
    )
    .returning({ prev: users.itineraryPrevSeenAt });
  return moved?.prev ?? seen.prev;
}

export type MarkedChange = VisitChange & {
  /** The names of the place it was at, when the place changed. */
  beforePlace: {
    siteZh: string | null;
    siteEn: string | null;
    cityZh: string | null;
    cityEn: string | null;
  } | null;
};

/** What changed about these visits (of the reader's tour) after `since`, one mark per visit. */
export async function queryChangesSince(
  db: Db,
  scope: SelfScope | TourScope,
  visitIds: string[],
  since: Date | null,
): Promise<Map<string, MarkedChange>> {
  const marked = new Map<string, MarkedChange>();
  if (!since || !visitIds.length) return marked;
  const rows = await db
    .select({
      visitId: auditLog.target,
      action: auditLog.action,
      at: auditLog.at,
      detail: auditLog.detail,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.tourId, scope.tourId),
        inArray(auditLog.target, visitIds),
        inArray(auditLog.action, [...visitChangeActions]),
        gt(auditLog.at, since),
      ),
    )
    .orderBy(desc(auditLog.at))
    .limit(changeEntryLimit);
  const entries = rows.filter(
    (r): r is typeof r & { visitId: string } =>
      typeof r.visitId === 'string' && !!(r.detail as VisitChangeDetail | null)?.after,
  ) as unknown as VisitChangeEntry[];
  const changes = changesSince(entries);
  const siteIds = new Set<string>();
  const cityIds = new Set<string>();
  for (const c of changes.values()) {
    if (!c.before || !c.parts.includes('place')) continue;
    if (c.before.siteId) siteIds.add(c.before.siteId);
    if (c.before.cityId) cityIds.add(c.before.cityId);
  }
  const [siteNames, cityNames] = await Promise.all([
    siteIds.size
      ? db
          .select({ id: sites.id, nameZh: sites.nameZh, nameEn: sites.nameEn })
          .from(sites)
          .where(inArray(sites.id, [...siteIds]))
      : [],
    cityIds.size
      ? db
          .select({ id: cities.id, nameZh: cities.nameZh, nameEn: cities.nameEn })
          .from(cities)
          .where(inArray(cities.id, [...cityIds]))
      : [],
  ]);
  for (const [visitId, c] of changes) {
    const site = siteNames.find((s) => s.id === c.before?.siteId);
    const city = cityNames.find((s) => s.id === c.before?.cityId);
    marked.set(visitId, {
      ...c,
      beforePlace:
        c.before && c.parts.includes('place')
          ? {
              siteZh: site?.nameZh ?? null,
              siteEn: site?.nameEn ?? null,
              cityZh: city?.nameZh ?? null,
              cityEn: city?.nameEn ?? null,
            }
          : null,
    });
  }
  return marked;
}

export async function getOwnItinerary(scope: SelfScope) {
  return queryOwnItinerary(await getDb(), scope);
}

export async function getDelegateItinerary(scope: TourScope, delegateId: string) {
  return queryDelegateItinerary(await getDb(), scope, delegateId);
}

export async function getGroupItinerary(scope: TourScope, groupId: string) {
  return queryGroupItinerary(await getDb(), scope, groupId);
}

export async function getAttendingOutlets(scope: SelfScope | TourScope, visitIds: string[]) {
  return queryAttendingOutlets(await getDb(), scope, visitIds);
}

export async function getChangesSince(
  scope: SelfScope | TourScope,
  visitIds: string[],
  since: Date | null,
) {
  return queryChangesSince(await getDb(), scope, visitIds, since);
}

export async function openOwnItinerary(scope: SelfScope) {
  return markItinerarySeen(await getDb(), scope);
}
