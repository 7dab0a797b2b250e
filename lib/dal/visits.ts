import 'server-only';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { cities, groups, sites, users, visitGroups, visits } from '@/db/schema';
import type { Viewer } from '@/lib/auth/permissions';
import { findProblems, type Problem } from '@/lib/schedule/problems';
import { dateKeyOf, nextDateKey, zonedInstant } from '@/lib/time';
import type { VisitChangeAction, VisitSnapshot } from '@/lib/visit-changes';
import { recordAudit } from './audit';
import { loadPlanContext, loadPlanVisits } from './schedule-context';
import type { TourScope } from './scope';

// Writing the schedule: one visit per call, in one transaction with its groups, its audit entry
// (before and after, lib/visit-changes.ts) and a notification to every board of the tour. The
// database refuses what no race may break (a group in two places at once: 23P01; a visit outside
// its tour: 23514); this module turns those into answers that name the other visit.

export interface VisitFields {
  kind: (typeof visits.$inferSelect)['kind'];
  titleZh: string;
  titleEn: string;
  siteId: string | null;
  cityId: string | null;
  fromCityId: string | null;
  startsAt: Date;
  endsAt: Date;
  groupIds: string[];
  notesZh: string | null;
  notesEn: string | null;
  transportMode: (typeof visits.$inferSelect)['transportMode'];
  vehicle: string | null;
  hostContactName: string | null;
  hostContactPhone: string | null;
  escortName: string | null;
  escortPhone: string | null;
}

export type SaveOutcome =
  | { ok: true; visit: { id: string; version: number }; problems: Problem[] }
  | { ok: false; reason: 'notFound' }
  | { ok: false; reason: 'invalidRef'; field: 'siteId' | 'cityId' | 'fromCityId' | 'groupIds' }
  | { ok: false; reason: 'outsideTour' }
  | { ok: false; reason: 'endsBeforeStart' }
  | {
      ok: false;
      reason: 'stale';
      current: VisitSnapshot & { version: number; updatedAt: string; updatedBy: string | null };
    }
  | {
      ok: false;
      reason: 'overlap';
      other: {
        id: string;
        titleZh: string;
        titleEn: string;
        startsAt: Date;
        endsAt: Date;
        groupCode: string;
      } | null;
    };

const channel = 'tour_changes';

function snapshotOf(v: typeof visits.$inferSelect, groupIds: string[]): VisitSnapshot {
  return {
    kind: v.kind,
    titleZh: v.titleZh,
    titleEn: v.titleEn,
    siteId: v.siteId,
    cityId: v.cityId,
    fromCityId: v.fromCityId,
    startsAt: v.startsAt.toISOString(),
    endsAt: v.endsAt.toISOString(),
    groupIds: [...groupIds].sort(),
    notesZh: v.notesZh,
    notesEn: v.notesEn,
    transportMode: v.transportMode,
    vehicle: v.vehicle,
    hostContactName: v.hostContactName,
    hostContactPhone: v.hostContactPhone,
    escortName: v.escortName,
    escortPhone: v.escortPhone,
    cancelled: v.cancelled,
  };
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Site, cities and groups named by the input must be of this tour (sites and cities are shared). */
async function checkRefs(tx: Tx, scope: TourScope, f: Partial<VisitFields>) {
  if (f.groupIds) {
    const found = f.groupIds.length
      ? await tx
          .select({ id: groups.id })
          .from(groups)
          .where(and(eq(groups.tourId, scope.tourId), inArray(groups.id, f.groupIds)))
      : [];
    if (found.length !== new Set(f.groupIds).size || f.groupIds.length === 0) return 'groupIds';
  }
  if (f.siteId) {
    const [site] = await tx.select({ id: sites.id }).from(sites).where(eq(sites.id, f.siteId));
    if (!site) return 'siteId';
  }
  for (const field of ['cityId', 'fromCityId'] as const) {
    const id = f[field];
    if (id) {
      const [city] = await tx.select({ id: cities.id }).from(cities).where(eq(cities.id, id));
      if (!city) return field;
    }
  }
  return null;
}

/** When a site is given without a city, the visit is in the site's city. */
async function cityOfSite(tx: Tx, siteId: string | null): Promise<string | null> {
  if (!siteId) return null;
  const [row] = await tx.select({ cityId: sites.cityId }).from(sites).where(eq(sites.id, siteId));
  return row?.cityId ?? null;
}

function sqlState(err: unknown): { code?: string; constraint?: string } {
  let e = err as { code?: string; constraint_name?: string; constraint?: string; cause?: unknown };
  for (let i = 0; i < 3 && e && !e.code && e.cause; i++) e = e.cause as typeof e;
  return { code: e?.code, constraint: e?.constraint_name ?? e?.constraint };
}

/** The non-cancelled visit that one of these groups already has at that time. */
async function overlapping(
  db: Db,
  scope: TourScope,
  groupIds: string[],
  startsAt: Date,
  endsAt: Date,
  except?: string,
) {
  const [row] = await db
    .select({
      id: visits.id,
      titleZh: visits.titleZh,
      titleEn: visits.titleEn,
      startsAt: visits.startsAt,
      endsAt: visits.endsAt,
      groupCode: groups.code,
    })
    .from(visitGroups)
    .innerJoin(
      visits,
      and(eq(visits.tourId, visitGroups.tourId), eq(visits.id, visitGroups.visitId)),
    )
    .innerJoin(groups, eq(groups.id, visitGroups.groupId))
    .where(
      and(
        eq(visitGroups.tourId, scope.tourId),
        inArray(visitGroups.groupId, groupIds),
        eq(visitGroups.active, true),
        sql`${visitGroups.during} && tstzrange(${startsAt.toISOString()}::timestamptz, ${endsAt.toISOString()}::timestamptz, '[)')`,
        except ? ne(visits.id, except) : undefined,
      ),
    )
    .orderBy(visits.startsAt)
    .limit(1);
  return row ?? null;
}

/**
 * The problems of the tour days these spans touch (a visit before and after a change), for these
 * groups and the sites they use: what a save answers with.
 */
export async function problemsAround(
  db: Db,
  scope: TourScope,
  spans: { startsAt: Date; endsAt: Date }[],
  groupIds: string[],
): Promise<Problem[]> {
  const ctx = await loadPlanContext(db, scope);
  const tz = ctx.settings.timeZone;
  const days = spans.flatMap((v) => [
    dateKeyOf(v.startsAt, tz),
    dateKeyOf(new Date(v.endsAt.getTime() - 1), tz),
  ]);
  const sorted = [...new Set(days)].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return [];
  const before = dateKeyOf(new Date(zonedInstant(first, '00:00', tz).getTime() - 86_400_000), tz);
  const plan = await loadPlanVisits(db, scope, {
    from: zonedInstant(before, '00:00', tz),
    to: zonedInstant(nextDateKey(nextDateKey(last)), '00:00', tz),
  });
  const wanted = new Set(groupIds);
  return findProblems(plan, ctx).filter(
    (p) =>
      sorted.includes(p.day) &&
      (!p.groupId ||
        wanted.has(p.groupId) ||
        plan.some((v) => p.visitIds.includes(v.id) && v.groupIds.some((g) => wanted.has(g)))),
  );
}

async function notify(tx: Tx, scope: TourScope, visitId: string) {
  await tx.execute(
    sql`select pg_notify(${channel}, ${JSON.stringify({ tourId: scope.tourId, visitId })})`,
  );
}

async function audit(
  tx: Tx,
  scope: TourScope,
  viewer: Viewer,
  ip: string,
  action: VisitChangeAction,
  visitId: string,
  version: number,
  before: VisitSnapshot | null,
  after: VisitSnapshot,
) {
  await recordAudit(tx as unknown as Db, {
    action,
    userId: viewer.userId,
    actorEmail: viewer.email,
    tourId: scope.tourId,
    target: visitId,
    ip,
    detail: { version, before, after },
  });
}

async function translateFailure(
  db: Db,
  scope: TourScope,
  err: unknown,
  groupIds: string[],
  startsAt: Date,
  endsAt: Date,
  visitId?: string,
): Promise<SaveOutcome> {
  const { code, constraint } = sqlState(err);
  if (code === '23P01') {
    return {
      ok: false,
      reason: 'overlap',
      other: await overlapping(db, scope, groupIds, startsAt, endsAt, visitId),
    };
  }
  if (code === '23514' && constraint === 'visits_within_tour')
    return { ok: false, reason: 'outsideTour' };
  throw err;
}

export async function createVisit(
  db: Db,
  scope: TourScope,
  viewer: Viewer,
  fields: VisitFields,
  ip: string,
): Promise<SaveOutcome> {
  try {
    const created = await db.transaction(async (tx) => {
      const bad = await checkRefs(tx, scope, fields);
      if (bad) return { ok: false, reason: 'invalidRef', field: bad } as const;
      const { groupIds, ...columns } = fields;
      const cityId = columns.cityId ?? (await cityOfSite(tx, columns.siteId));
      const [row] = await tx
        .insert(visits)
        .values({ ...columns, cityId, tourId: scope.tourId, updatedBy: viewer.userId })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      await tx
        .insert(visitGroups)
        .values(groupIds.map((groupId) => ({ tourId: scope.tourId, visitId: row.id, groupId })));
      await audit(
        tx,
        scope,
        viewer,
        ip,
        'visit.created',
        row.id,
        row.version,
        null,
        snapshotOf(row, groupIds),
      );
      await notify(tx, scope, row.id);
      return { ok: true, visit: { id: row.id, version: row.version } } as const;
    });
    if (!created.ok) return created;
    const problems = await problemsAround(db, scope, [fields], fields.groupIds);
    return { ...created, problems };
  } catch (err) {
    return translateFailure(db, scope, err, fields.groupIds, fields.startsAt, fields.endsAt);
  }
}

export type VisitPatch = Partial<VisitFields> & { cancelled?: boolean };

/**
 * Changes a visit from the version the coordinator saw: a move, a resize, an edit, a cancel or a
 * restore. A stale version is refused with the current values and who changed them when.
 */
export async function changeVisit(
  db: Db,
  scope: TourScope,
  viewer: Viewer,
  visitId: string,
  version: number,
  patch: VisitPatch,
  ip: string,
): Promise<SaveOutcome> {
  // What the change tried, for naming the other visit when the database refuses it.
  const attempt: { value: { groupIds: string[]; startsAt: Date; endsAt: Date } | null } = {
    value: null,
  };
  try {
    const changed = await db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(visits)
        .where(and(eq(visits.tourId, scope.tourId), eq(visits.id, visitId)))
        .for('update');
      if (!current) return { ok: false, reason: 'notFound' } as const;
      const currentGroups = (
        await tx
          .select({ groupId: visitGroups.groupId })
          .from(visitGroups)
          .where(and(eq(visitGroups.tourId, scope.tourId), eq(visitGroups.visitId, visitId)))
      ).map((g) => g.groupId);
      const before = snapshotOf(current, currentGroups);
      if (current.version !== version) {
        const [by] = current.updatedBy
          ? await tx
              .select({ email: users.email })
              .from(users)
              .where(eq(users.id, current.updatedBy))
          : [];
        return {
          ok: false,
          reason: 'stale',
          current: {
            ...before,
            version: current.version,
            updatedAt: current.updatedAt.toISOString(),
            updatedBy: by?.email ?? null,
          },
        } as const;
      }
      const bad = await checkRefs(tx, scope, patch);
      if (bad) return { ok: false, reason: 'invalidRef', field: bad } as const;
      const { groupIds, ...columns } = patch;
      const nextGroups = groupIds ?? currentGroups;
      attempt.value = {
        groupIds: nextGroups,
        startsAt: columns.startsAt ?? current.startsAt,
        endsAt: columns.endsAt ?? current.endsAt,
      };
      if (columns.siteId !== undefined && columns.cityId === undefined && columns.siteId) {
        columns.cityId = await cityOfSite(tx, columns.siteId);
      }
      const [row] = await tx
        .update(visits)
        .set({
          ...columns,
          version: current.version + 1,
          updatedAt: new Date(),
          updatedBy: viewer.userId,
        })
        .where(and(eq(visits.tourId, scope.tourId), eq(visits.id, visitId)))
        .returning();
      if (!row) throw new Error('update returned nothing');
      if (groupIds && groupIds.join() !== [...currentGroups].sort().join()) {
        await tx
          .delete(visitGroups)
          .where(and(eq(visitGroups.tourId, scope.tourId), eq(visitGroups.visitId, visitId)));
        await tx
          .insert(visitGroups)
          .values(groupIds.map((groupId) => ({ tourId: scope.tourId, visitId, groupId })));
      }
      const action: VisitChangeAction =
        patch.cancelled === true && !current.cancelled
          ? 'visit.cancelled'
          : patch.cancelled === false && current.cancelled
            ? 'visit.restored'
            : 'visit.updated';
      await audit(
        tx,
        scope,
        viewer,
        ip,
        action,
        visitId,
        row.version,
        before,
        snapshotOf(row, nextGroups),
      );
      await notify(tx, scope, visitId);
      const was = { startsAt: current.startsAt, endsAt: current.endsAt };
      return { ok: true, visit: { id: row.id, version: row.version }, row, before: was } as const;
    });
    if (!changed.ok) return changed;
    const problems = await problemsAround(
      db,
      scope,
      [changed.before, changed.row],
      attempt.value?.groupIds ?? [],
    );
    return { ok: true, visit: changed.visit, problems };
  } catch (err) {
    const a = attempt.value;
    if (!a) throw err;
    return translateFailure(db, scope, err, a.groupIds, a.startsAt, a.endsAt, visitId);
  }
}

/** A copy of a visit at another time (its groups, place and notes), as a new visit. */
export async function duplicateVisit(
  db: Db,
  scope: TourScope,
  viewer: Viewer,
  visitId: string,
  startsAt: Date,
  ip: string,
): Promise<SaveOutcome> {
  const [source] = await db
    .select()
    .from(visits)
    .where(and(eq(visits.tourId, scope.tourId), eq(visits.id, visitId)));
  if (!source) return { ok: false, reason: 'notFound' };
  const groupIds = (
    await db
      .select({ groupId: visitGroups.groupId })
      .from(visitGroups)
      .where(and(eq(visitGroups.tourId, scope.tourId), eq(visitGroups.visitId, visitId)))
  ).map((g) => g.groupId);
  const duration = source.endsAt.getTime() - source.startsAt.getTime();
  return createVisit(
    db,
    scope,
    viewer,
    {
      kind: source.kind,
      titleZh: source.titleZh,
      titleEn: source.titleEn,
      siteId: source.siteId,
      cityId: source.cityId,
      fromCityId: source.fromCityId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + duration),
      groupIds,
      notesZh: source.notesZh,
      notesEn: source.notesEn,
      transportMode: source.transportMode,
      vehicle: source.vehicle,
      hostContactName: source.hostContactName,
      hostContactPhone: source.hostContactPhone,
      escortName: source.escortName,
      escortPhone: source.escortPhone,
    },
    ip,
  );
}

export { channel as tourChangesChannel };
