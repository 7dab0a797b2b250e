import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '@/db';
import { tours } from '@/db/schema';
import { canManageTours, type Viewer } from '@/lib/auth/permissions';
import type { TourScope } from '../scope';
import {
  audit,
  done,
  type EditResult,
  inTransaction,
  type Origin,
  Refused,
  refuse,
  violatedConstraint,
} from './common';

export interface TourSettings {
  nameZh: string;
  nameEn: string;
  startDate: string;
  endDate: string;
  timeZone: string;
  transferBufferMinutes: number;
  maxDayMinutes: number;
  minRestMinutes: number;
  lunchStart: string;
  lunchEnd: string;
  dinnerStart: string;
  dinnerEnd: string;
  maxThemesPerOutlet: number;
}

async function nameTaken(db: Db, nameEn: string, exceptId?: string) {
  const [row] = await db
    .select({ id: tours.id })
    .from(tours)
    .where(and(eq(tours.nameEn, nameEn), exceptId ? ne(tours.id, exceptId) : undefined))
    .limit(1);
  return !!row;
}

/** A new tour, empty; organizers only. */
export async function createTour(
  db: Db,
  viewer: Viewer,
  input: TourSettings & Origin,
): Promise<EditResult<{ id: string }>> {
  if (!canManageTours(viewer)) return refuse('forbidden', 'forbidden');
  const { ip, ...values } = input;
  return inTransaction(db, async (tx) => {
    if (await nameTaken(tx, values.nameEn)) return refuse('conflict', 'nameTaken', 'nameEn');
    const [row] = await tx
      .insert(tours)
      .values(values)
      .onConflictDoNothing()
      .returning({ id: tours.id });
    if (!row) return refuse('conflict', 'nameTaken', 'nameEn');
    await audit(
      tx,
      viewer,
      { ip },
      {
        action: 'tour.created',
        tourId: row.id,
        target: values.nameEn,
      },
    );
    return done(row);
  });
}

export async function updateTour(
  db: Db,
  scope: TourScope,
  input: TourSettings & Origin,
): Promise<EditResult<{ id: string }>> {
  const { ip, ...values } = input;
  return inTransaction(db, async (tx) => {
    if (await nameTaken(tx, values.nameEn, scope.tourId)) {
      return refuse('conflict', 'nameTaken', 'nameEn');
    }
    let row: { id: string } | undefined;
    try {
      [row] = await tx
        .update(tours)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(tours.id, scope.tourId))
        .returning({ id: tours.id });
    } catch (err) {
      // The database refuses dates that would leave scheduled visits outside the tour.
      if (violatedConstraint(err) === 'tours_keep_visits') {
        throw new Refused(refuse('conflict', 'visitsOutsideDates', 'startDate'));
      }
      throw err;
    }
    if (!row) return refuse('not_found', 'notFound');
    await audit(
      tx,
      scope.viewer,
      { ip },
      {
        action: 'tour.updated',
        tourId: row.id,
        target: values.nameEn,
      },
    );
    return done(row);
  });
}

/** Tours are archived, never deleted; organizers only. */
export async function setTourArchived(
  db: Db,
  scope: TourScope,
  input: { archived: boolean } & Origin,
): Promise<EditResult<{ id: string; archived: boolean }>> {
  if (!canManageTours(scope.viewer)) return refuse('forbidden', 'forbidden');
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .update(tours)
      .set({ archivedAt: input.archived ? new Date() : null, updatedAt: new Date() })
      .where(eq(tours.id, scope.tourId))
      .returning({ id: tours.id, nameEn: tours.nameEn });
    if (!row) return refuse('not_found', 'notFound');
    await audit(tx, scope.viewer, input, {
      action: input.archived ? 'tour.archived' : 'tour.restored',
      tourId: row.id,
      target: row.nameEn,
    });
    return done({ id: row.id, archived: input.archived });
  });
}

/** Everything the settings form shows. */
export async function queryTourSettings(db: Db, scope: TourScope) {
  const [row] = await db
    .select({
      id: tours.id,
      nameZh: tours.nameZh,
      nameEn: tours.nameEn,
      startDate: tours.startDate,
      endDate: tours.endDate,
      timeZone: tours.timeZone,
      transferBufferMinutes: tours.transferBufferMinutes,
      maxDayMinutes: tours.maxDayMinutes,
      minRestMinutes: tours.minRestMinutes,
      lunchStart: tours.lunchStart,
      lunchEnd: tours.lunchEnd,
      dinnerStart: tours.dinnerStart,
      dinnerEnd: tours.dinnerEnd,
      maxThemesPerOutlet: tours.maxThemesPerOutlet,
      archivedAt: tours.archivedAt,
    })
    .from(tours)
    .where(eq(tours.id, scope.tourId));
  if (!row) return null;
  // time columns read back as 'HH:MM:SS'; the form works in minutes.
  const hm = (t: string) => t.slice(0, 5);
  return {
    ...row,
    lunchStart: hm(row.lunchStart),
    lunchEnd: hm(row.lunchEnd),
    dinnerStart: hm(row.dinnerStart),
    dinnerEnd: hm(row.dinnerEnd),
  };
}
