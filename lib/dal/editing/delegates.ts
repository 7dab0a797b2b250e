import 'server-only';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import type { delegateRoles, sexes } from '@/db/schema';
import { delegates, groupMembers, groups, outlets, tours } from '@/db/schema';
import { canSeeSensitive } from '@/lib/auth/permissions';
import { encryptPassport } from '@/lib/crypto/passport';
import { likePattern, searchTextOf, searchWords } from '@/lib/search';
import { zonedInstant } from '@/lib/time';
import type { TourScope } from '../scope';
import { audit, done, type EditResult, inTransaction, type Origin, refuse } from './common';
import { countryExists } from './outlets';

export interface DelegateInput extends Origin {
  delegateId?: string | undefined;
  outletId: string;
  nameZh: string | null;
  nameEn: string | null;
  passportName: string;
  role: (typeof delegateRoles)[number];
  sex: (typeof sexes)[number] | null;
  phone: string | null;
  email: string | null;
  pressCard: string | null;
  dietaryNeeds: string | null;
  accessNeeds: string | null;
  emergencyContactName: string | null;
  emergencyContactPhone: string | null;
  /** 'yyyy-MM-ddTHH:mm' on the tour's clock. */
  arrivesAt: string | null;
  departsAt: string | null;
  /** Organizers only; null keeps what is stored. */
  passportNumber: string | null;
  passportExpiry: string | null;
  nationality: string | null;
  dateOfBirth: string | null;
}

function instantOf(local: string | null, timeZone: string): Date | null {
  if (!local) return null;
  const [date, time] = local.split('T');
  return zonedInstant(date ?? '', time ?? '', timeZone);
}

/**
 * Creates a delegate of the tour or updates one. The outlet must be the tour's. Passport number,
 * nationality and dates of birth and expiry are written only by organizers (others leave them as
 * they are); the passport number is stored encrypted, never as the plain number.
 */
export async function saveDelegate(
  db: Db,
  scope: TourScope,
  input: DelegateInput,
): Promise<EditResult<{ id: string; created: boolean }>> {
  const sensitive = canSeeSensitive(scope.viewer);
  const {
    ip,
    delegateId,
    passportNumber,
    passportExpiry,
    nationality,
    dateOfBirth,
    arrivesAt,
    departsAt,
    ...fields
  } = input;
  if (!sensitive && (passportNumber || passportExpiry || nationality || dateOfBirth)) {
    return refuse('forbidden', 'passportOrganizerOnly', 'passportNumber');
  }
  return inTransaction(db, async (tx) => {
    const [outlet] = await tx
      .select({ id: outlets.id, timeZone: tours.timeZone })
      .from(outlets)
      .innerJoin(tours, eq(tours.id, outlets.tourId))
      .where(
        and(
          eq(outlets.tourId, scope.tourId),
          eq(outlets.id, fields.outletId),
          isNull(outlets.archivedAt),
        ),
      );
    if (!outlet) return refuse('invalid', 'outletNotInTour', 'outletId');
    if (nationality && !(await countryExists(tx, nationality))) {
      return refuse('invalid', 'countryUnknown', 'nationality');
    }
    const arrives = instantOf(arrivesAt, outlet.timeZone);
    const departs = instantOf(departsAt, outlet.timeZone);
    if (arrives && departs && departs <= arrives) {
      return refuse('invalid', 'departsBeforeArrives', 'departsAt');
    }
    const values = {
      ...fields,
      arrivesAt: arrives,
      departsAt: departs,
      searchText: searchTextOf(fields.nameZh, fields.nameEn, fields.passportName, fields.email),
      updatedAt: new Date(),
      ...(sensitive
        ? {
            passportExpiry,
            nationality,
            dateOfBirth,
            ...(passportNumber ? { passportNumberEnc: encryptPassport(passportNumber) } : {}),
          }
        : {}),
    };
    let id: string;
    if (delegateId) {
      const [row] = await tx
        .update(delegates)
        .set(values)
        .where(and(eq(delegates.tourId, scope.tourId), eq(delegates.id, delegateId)))
        .returning({ id: delegates.id });
      if (!row) return refuse('not_found', 'notFound', 'delegateId');
      id = row.id;
    } else {
      const [row] = await tx
        .insert(delegates)
        .values({ ...values, tourId: scope.tourId })
        .returning({ id: delegates.id });
      if (!row) throw new Error('delegate not stored');
      id = row.id;
    }
    await audit(
      tx,
      scope.viewer,
      { ip },
      {
        action: delegateId ? 'delegate.updated' : 'delegate.created',
        tourId: scope.tourId,
        target: id,
        // Which fields, never their values: the log holds no personal data.
        detail: { passportNumberSet: !!passportNumber && sensitive },
      },
    );
    return done({ id, created: !delegateId });
  });
}

export async function archiveDelegate(
  db: Db,
  scope: TourScope,
  input: { id: string } & Origin,
): Promise<EditResult<{ id: string }>> {
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .update(delegates)
      .set({ archivedAt: new Date(), updatedAt: new Date() })
      .where(
        and(
          eq(delegates.tourId, scope.tourId),
          eq(delegates.id, input.id),
          isNull(delegates.archivedAt),
        ),
      )
      .returning({ id: delegates.id });
    if (!row) return refuse('not_found', 'notFound', 'id');
    await tx
      .delete(groupMembers)
      .where(and(eq(groupMembers.tourId, scope.tourId), eq(groupMembers.delegateId, row.id)));
    await audit(tx, scope.viewer, input, {
      action: 'delegate.archived',
      tourId: scope.tourId,
      target: row.id,
    });
    return done(row);
  });
}

/** A delegate of the tour for the edit form; the passport number only for organizers. */
export async function queryDelegateForEdit(db: Db, scope: TourScope, delegateId: string) {
  const sensitive = canSeeSensitive(scope.viewer);
  const [row] = await db
    .select({
      id: delegates.id,
      outletId: delegates.outletId,
      nameZh: delegates.nameZh,
      nameEn: delegates.nameEn,
      passportName: delegates.passportName,
      role: delegates.role,
      sex: delegates.sex,
      phone: delegates.phone,
      email: delegates.email,
      pressCard: delegates.pressCard,
      dietaryNeeds: delegates.dietaryNeeds,
      accessNeeds: delegates.accessNeeds,
      emergencyContactName: delegates.emergencyContactName,
      emergencyContactPhone: delegates.emergencyContactPhone,
      arrivesAt: delegates.arrivesAt,
      departsAt: delegates.departsAt,
      passportNumberEnc: delegates.passportNumberEnc,
      passportExpiry: delegates.passportExpiry,
      nationality: delegates.nationality,
      dateOfBirth: delegates.dateOfBirth,
      archivedAt: delegates.archivedAt,
    })
    .from(delegates)
    .where(and(eq(delegates.tourId, scope.tourId), eq(delegates.id, delegateId)));
  if (!row) return null;
  const { passportNumberEnc, passportExpiry, nationality, dateOfBirth, ...rest } = row;
  return {
    ...rest,
    // What is not sent cannot leak: others get none of the sensitive fields.
    sensitive: sensitive
      ? {
          hasPassport: !!passportNumberEnc,
          passportExpiry,
          nationality,
          dateOfBirth,
        }
      : null,
  };
}

// --- Groups -------------------------------------------------------------------------------

export async function saveGroup(
  db: Db,
  scope: TourScope,
  input: {
    groupId?: string | undefined;
    code: string;
    nameZh: string;
    nameEn: string;
    vehicle: string | null;
  } & Origin,
): Promise<EditResult<{ id: string; created: boolean }>> {
  const { ip, groupId, ...values } = input;
  return inTransaction(db, async (tx) => {
    const [taken] = await tx
      .select({ id: groups.id })
      .from(groups)
      .where(and(eq(groups.tourId, scope.tourId), eq(groups.code, values.code)));
    if (taken && taken.id !== groupId) return refuse('conflict', 'codeTaken', 'code');
    let id: string;
    if (groupId) {
      const [row] = await tx
        .update(groups)
        .set(values)
        .where(and(eq(groups.tourId, scope.tourId), eq(groups.id, groupId)))
        .returning({ id: groups.id });
      if (!row) return refuse('not_found', 'groupNotInTour', 'groupId');
      id = row.id;
    } else {
      const [row] = await tx
        .insert(groups)
        .values({ ...values, tourId: scope.tourId })
        .onConflictDoNothing()
        .returning({ id: groups.id });
      if (!row) return refuse('conflict', 'codeTaken', 'code');
      id = row.id;
    }
    await audit(
      tx,
      scope.viewer,
      { ip },
      {
        action: groupId ? 'group.updated' : 'group.created',
        tourId: scope.tourId,
        target: id,
        detail: { code: values.code },
      },
    );
    return done({ id, created: !groupId });
  });
}

/** Bulk: moves delegates of the tour into one of its groups (or out of every group). */
export async function moveDelegatesToGroup(
  db: Db,
  scope: TourScope,
  input: { groupId: string | null; delegateIds: string[] } & Origin,
): Promise<EditResult<{ moved: number }>> {
  const ids = [...new Set(input.delegateIds)];
  return inTransaction(db, async (tx) => {
    if (input.groupId) {
      const [group] = await tx
        .select({ id: groups.id })
        .from(groups)
        .where(and(eq(groups.tourId, scope.tourId), eq(groups.id, input.groupId)));
      if (!group) return refuse('invalid', 'groupNotInTour', 'groupId');
    }
    const found = await tx
      .select({ id: delegates.id })
      .from(delegates)
      .where(
        and(
          eq(delegates.tourId, scope.tourId),
          inArray(delegates.id, ids),
          isNull(delegates.archivedAt),
        ),
      );
    if (found.length !== ids.length) return refuse('invalid', 'delegateNotInTour', 'delegateIds');
    await tx
      .delete(groupMembers)
      .where(and(eq(groupMembers.tourId, scope.tourId), inArray(groupMembers.delegateId, ids)));
    const groupId = input.groupId;
    if (groupId) {
      await tx
        .insert(groupMembers)
        .values(ids.map((delegateId) => ({ tourId: scope.tourId, groupId, delegateId })));
    }
    await audit(tx, scope.viewer, input, {
      action: 'group.members.moved',
      tourId: scope.tourId,
      target: groupId,
      detail: { delegates: ids.length },
    });
    return done({ moved: ids.length });
  });
}

/** Groups a page lists and offers in its menu; a tour with more is searched by code or name. */
export const groupListLimit = 100;

/**
 * The tour's groups for the groups page, at most `groupListLimit`, matching `q` (code or names)
 * when given; `more` says there are others to search for.
 */
export async function queryGroupsForEdit(db: Db, scope: TourScope, q?: string) {
  const rows = await db
    .select({
      id: groups.id,
      code: groups.code,
      nameZh: groups.nameZh,
      nameEn: groups.nameEn,
      vehicle: groups.vehicle,
    })
    .from(groups)
    .where(
      and(
        eq(groups.tourId, scope.tourId),
        ...searchWords(q).map(
          (w) =>
            sql`lower(${groups.code} || ' ' || ${groups.nameEn} || ' ' || ${groups.nameZh}) like ${likePattern(w)}`,
        ),
      ),
    )
    .orderBy(groups.code)
    .limit(groupListLimit + 1);
  return { rows: rows.slice(0, groupListLimit), more: rows.length > groupListLimit };
}

/** Deletes a delegate without an account; one with an account is refused (archive instead). */
export async function deleteDelegate(
  db: Db,
  scope: TourScope,
  input: { id: string } & Origin,
): Promise<EditResult<{ id: string }>> {
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .select({
        id: delegates.id,
        accounts: sql<number>`(select count(*)::int from users u where u.tour_id = ${scope.tourId} and u.delegate_id = "delegates"."id")`,
      })
      .from(delegates)
      .where(and(eq(delegates.tourId, scope.tourId), eq(delegates.id, input.id)))
      .for('update');
    if (!row) return refuse('not_found', 'notFound', 'id');
    if (row.accounts > 0) {
      return refuse('conflict', 'hasDependents', 'id', {
        delegates: 0,
        accounts: row.accounts,
        visits: 0,
      });
    }
    await tx
      .delete(delegates)
      .where(and(eq(delegates.tourId, scope.tourId), eq(delegates.id, row.id)));
    await audit(tx, scope.viewer, input, {
      action: 'delegate.deleted',
      tourId: scope.tourId,
      target: row.id,
    });
    return done({ id: row.id });
  });
}
