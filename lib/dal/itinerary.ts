import 'server-only';
import { and, asc, desc, eq, gt, inArray, isNull, type SQL, sql } from 'drizzle-orm';
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
  tours,
  users,
  visitGroups,
  visits,
} from '@/db/schema';
import { changesSince, type VisitChange, type VisitChangeEntry } from '@/lib/itinerary/changes';
import { type VisitChangeDetail, visitChangeActions } from '@/lib/visit-changes';
import { ownGroupsKey } from './itinerary-keys';
import type { SelfScope, TourScope } from './scope';
import { cachedTourRead } from './tour-cache';
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

/** The visits of these groups (of one tour), as a subquery. */
function visitIdsOfGroups(db: Db, tourId: string, groupIds: string[]) {
  return inArray(
    visits.id,
    db
      .select({ id: visitGroups.visitId })
      .from(visitGroups)
      .where(and(eq(visitGroups.tourId, tourId), inArray(visitGroups.groupId, groupIds))),
  );
}

const order = [asc(visits.startsAt), asc(visits.endsAt), asc(visits.titleEn), asc(visits.id)];

/** Everything a visit shows in full; which groups attend, by code and id, in the same query. */
async function visitDetails(db: Db, tourId: string, where: SQL | undefined) {
  return db
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
      groups: sql<
        string[]
      >`array(select g.code from ${visitGroups} vg join ${groups} g on g.tour_id = vg.tour_id and g.id = vg.group_id where vg.tour_id = ${visits.tourId} and vg.visit_id = ${visits.id} order by g.code)`,
      groupIds: sql<
        string[]
      >`array(select vg.group_id::text from ${visitGroups} vg where vg.tour_id = ${visits.tourId} and vg.visit_id = ${visits.id})`,
    })
    .from(visits)
    .leftJoin(sites, eq(sites.id, visits.siteId))
    .leftJoin(cities, eq(cities.id, visits.cityId))
    .leftJoin(fromCities, eq(fromCities.id, visits.fromCityId))
    .where(and(eq(visits.tourId, tourId), where))
    .orderBy(...order);
}

async function visitsOfGroups(db: Db, tourId: string, groupIds: string[]) {
  if (!groupIds.length) return [];
  return visitDetails(db, tourId, visitIdsOfGroups(db, tourId, groupIds));
}

export type ItineraryVisit = Awaited<ReturnType<typeof visitsOfGroups>>[number];
export type ItineraryGroup = Awaited<ReturnType<typeof groupsOf>>[number];

/** Every visit of these groups (of the scope's tour) in full. */
export async function queryGroupsProgramme(
  db: Db,
  scope: SelfScope | TourScope,
  groupList: ItineraryGroup[],
) {
  return visitsOfGroups(
    db,
    scope.tourId,
    groupList.map((g) => g.id),
  );
}

async function itineraryOf(db: Db, scope: SelfScope | TourScope, groupList: ItineraryGroup[]) {
  const tour = await queryTour(db, scope);
  if (!tour) return null;
  const ids = groupList.map((g) => g.id);
  return { tour, groups: groupList, visits: await visitsOfGroups(db, scope.tourId, ids) };
}

/** The tour and the groups of a page whose visits are read by queryVisitsForPage. */
async function headerOf(db: Db, scope: SelfScope | TourScope, groupList: ItineraryGroup[]) {
  const tour = await queryTour(db, scope);
  return tour ? { tour, groups: groupList } : null;
}

/**
 * What the journalist's page needs before its visits, in one query: the tour and the reader's
 * groups. Null when the tour is gone. Whether the account still belongs to this delegate was read
 * with the session (the scope is made from it); when they last looked comes with it too.
 */
export async function queryOwnOpening(db: Db, scope: SelfScope) {
  const [row] = await db
    .select({
      id: tours.id,
      nameZh: tours.nameZh,
      nameEn: tours.nameEn,
      startDate: tours.startDate,
      endDate: tours.endDate,
      timeZone: tours.timeZone,
      groups: sql<
        ItineraryGroup[]
      >`coalesce((select json_agg(json_build_object('id', g.id, 'code', g.code, 'nameZh', g.name_zh, 'nameEn', g.name_en, 'vehicle', g.vehicle) order by g.code) from ${groups} g join ${groupMembers} gm on gm.tour_id = g.tour_id and gm.group_id = g.id where gm.tour_id = ${scope.tourId} and gm.delegate_id = ${scope.delegateId}), '[]'::json)`,
    })
    .from(tours)
    .where(eq(tours.id, scope.tourId));
  if (!row) return null;
  const { groups: groupList, ...tour } = row;
  return { tour, groups: groupList };
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

/** A journalist's own itinerary, every visit in full (the calendar, the print). */
export async function queryOwnItinerary(db: Db, scope: SelfScope) {
  const groupList = await groupsOf(db, scope.tourId, memberOf(db, scope.tourId, scope.delegateId));
  return itineraryOf(db, scope, groupList);
}

/** A delegate of this tour, with when their journalist last looked; null for anyone else's. */
async function delegateOf(db: Db, scope: TourScope, delegateId: string) {
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
  return { delegate, groupList };
}

/** One delegate's itinerary in full (the print), for the tour's staff; null when the delegate
 * is not of this tour. */
export async function queryDelegateItinerary(db: Db, scope: TourScope, delegateId: string) {
  const found = await delegateOf(db, scope, delegateId);
  const itinerary = found && (await itineraryOf(db, scope, found.groupList));
  return found && itinerary ? { ...itinerary, delegate: found.delegate } : null;
}

/** The tour, groups and person of one delegate, for staff "viewing as" them. */
export async function queryDelegateHeader(db: Db, scope: TourScope, delegateId: string) {
  const found = await delegateOf(db, scope, delegateId);
  const itinerary = found && (await headerOf(db, scope, found.groupList));
  return found && itinerary ? { ...itinerary, delegate: found.delegate } : null;
}

/** The tour and one of its groups, for staff "viewing as" it; null when not of this tour. */
export async function queryGroupHeader(db: Db, scope: TourScope, groupId: string) {
  const groupList = await groupsOf(db, scope.tourId, eq(groups.id, groupId));
  if (!groupList.length) return null;
  return headerOf(db, scope, groupList);
}

/** Which outlets have people at each of these visits (of the reader's tour), by name: the
 * outlets of each attending group's members, read once per group. */
export async function queryAttendingOutlets(
  db: Db,
  scope: SelfScope | TourScope,
  visitList: { id: string; groupIds: string[] }[],
) {
  const byVisit = new Map<string, { nameZh: string; nameEn: string }[]>();
  const groupIds = [...new Set(visitList.flatMap((v) => v.groupIds))];
  if (!groupIds.length) return byVisit;
  const rows = await db
    .selectDistinct({
      groupId: groupMembers.groupId,
      outletId: outlets.id,
      nameZh: outlets.nameZh,
      nameEn: outlets.nameEn,
    })
    .from(groupMembers)
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
        eq(groupMembers.tourId, scope.tourId),
        inArray(groupMembers.groupId, groupIds),
        isNull(delegates.archivedAt),
      ),
    );
  for (const v of visitList) {
    const seen = new Map<string, { nameZh: string; nameEn: string }>();
    for (const r of rows) {
      if (v.groupIds.includes(r.groupId))
        seen.set(r.outletId, { nameZh: r.nameZh, nameEn: r.nameEn });
    }
    if (seen.size) {
      byVisit.set(
        v.id,
        [...seen.values()].sort((a, b) => a.nameEn.localeCompare(b.nameEn)),
      );
    }
  }
  return byVisit;
}

/**
 * Records that the journalist opened their itinerary and answers since when to mark changes.
 * The first open starts the clock; later opens move "last seen" on only when the previous one is
 * more than a few minutes old, so reloading the page keeps the marks the reader has not read yet.
 * `seen` is what the page's opening query read, so the common case writes nothing.
 */
export async function markItinerarySeen(
  db: Db,
  scope: SelfScope,
  seen: { at: Date | null; prev: Date | null },
): Promise<Date | null> {
  if (seen.at && seen.at.getTime() > Date.now() - seenGraceMinutes * 60_000) return seen.prev;
  const stale = sql`now() - make_interval(mins => ${seenGraceMinutes})`;
  // Conditional, so two tabs opening at once move it on once.
  const [moved] = await db
    .update(users)
    .set({
      itineraryPrevSeenAt: sql`coalesce(${users.itinerarySeenAt}, now())`,
      itinerarySeenAt: sql`now()`,
    })
    .where(
      and(
        eq(users.id, scope.viewer.userId),
        eq(users.delegateId, scope.delegateId),
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

export async function getDelegateHeader(scope: TourScope, delegateId: string) {
  return queryDelegateHeader(await getDb(), scope, delegateId);
}

export async function getGroupHeader(scope: TourScope, groupId: string) {
  return queryGroupHeader(await getDb(), scope, groupId);
}

export async function getAttendingOutlets(
  scope: SelfScope | TourScope,
  visitList: { id: string; groupIds: string[] }[],
) {
  return queryAttendingOutlets(await getDb(), scope, visitList);
}

export async function getChangesSince(
  scope: SelfScope | TourScope,
  visitIds: string[],
  since: Date | null,
) {
  return queryChangesSince(await getDb(), scope, visitIds, since);
}

/** Records the look (see markItinerarySeen) from what the session read of the last one. */
export async function openOwnItinerary(scope: SelfScope) {
  const seen = scope.viewer.itinerary ?? { at: null, prev: null };
  return markItinerarySeen(await getDb(), scope, seen);
}

/**
 * The tour and the reader's groups: tour data, kept with the tour's other reads until it changes
 * (lib/dal/tour-cache.ts), per delegate.
 */
export function getOwnOpening(scope: SelfScope) {
  return cachedTourRead(scope, ['ownOpening', scope.delegateId], async () =>
    queryOwnOpening(await getDb(), scope),
  );
}

/** The reader's own groups as one entry for queryAttendingOutlets: whom they travel with. */
export function ownGroupsEntry(groupList: ItineraryGroup[]) {
  return { id: ownGroupsKey, groupIds: groupList.map((g) => g.id) };
}
