import 'server-only';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Db, getDb } from '@/db';
import { delegates, outlets, tourStaff, tours, users } from '@/db/schema';
import type { ActionErrorCode } from '@/lib/actions/result';
import { generatePassword, hashPassword } from '@/lib/auth/password';
import { canManageUsers, type Role, type Viewer } from '@/lib/auth/permissions';
import { type AuditEntry, queryAuditLog, recordAudit } from './audit';

// User management, for organizers. Every function re-checks the viewer: the page guard and the
// action's `authorize` are the first line, this is the one next to the data. A viewer who gets
// this far without the right is a bug in the caller, so it throws; expected refusals (a taken
// email, a delegate of another tour) come back as results naming the reason and the field.

export class UserAdminForbiddenError extends Error {
  constructor(role: Role) {
    super(`A ${role} may not manage user accounts`);
    this.name = 'UserAdminForbiddenError';
  }
}

function assertCanManageUsers(viewer: Viewer): void {
  if (!canManageUsers(viewer)) throw new UserAdminForbiddenError(viewer.role);
}

/** Why a request was refused; the action turns it into a message in the caller's language. */
export type UserAdminRefusal =
  | 'emailTaken'
  | 'tourRequired'
  | 'delegateRequired'
  | 'delegateNotInTour'
  | 'delegateLinked'
  | 'linkOnlyForJournalists'
  | 'cannotDisableSelf'
  | 'resetOwnPassword'
  | 'userNotFound'
  | 'tourNotFound'
  | 'notCoordinator';

export type UserAdminResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ActionErrorCode; reason: UserAdminRefusal; field?: string };

const done = <T>(data: T): UserAdminResult<T> => ({ ok: true, data });
const refuse = (
  code: ActionErrorCode,
  reason: UserAdminRefusal,
  field?: string,
): UserAdminResult<never> => ({ ok: false, code, reason, ...(field ? { field } : {}) });

/** Where the request came from, for the audit entry. */
interface Origin {
  ip?: string | null;
}

function audit(
  tx: Pick<Db, 'insert'>,
  viewer: Viewer,
  origin: Origin,
  entry: Omit<AuditEntry, 'userId' | 'actorEmail' | 'ip'>,
) {
  return recordAudit(tx, {
    ...entry,
    userId: viewer.userId,
    actorEmail: viewer.email,
    ip: origin.ip ?? null,
  });
}

const emailSchema = z.string().email().max(254);

async function emailTaken(db: Db, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return !!row;
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Every account, without password hashes; journalists with their delegate, coordinators with their tours. */
export async function listUsers(db: Db, viewer: Viewer) {
  assertCanManageUsers(viewer);
  const [rows, staff] = await Promise.all([
    db
      .select({
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        role: users.role,
        disabled: users.disabled,
        createdAt: users.createdAt,
        tourId: users.tourId,
        tourZh: tours.nameZh,
        tourEn: tours.nameEn,
        delegateId: users.delegateId,
        delegateZh: delegates.nameZh,
        delegateEn: delegates.nameEn,
        passportName: delegates.passportName,
        outletZh: outlets.nameZh,
        outletEn: outlets.nameEn,
      })
      .from(users)
      .leftJoin(tours, eq(tours.id, users.tourId))
      .leftJoin(
        delegates,
        and(eq(delegates.tourId, users.tourId), eq(delegates.id, users.delegateId)),
      )
      .leftJoin(
        outlets,
        and(eq(outlets.tourId, delegates.tourId), eq(outlets.id, delegates.outletId)),
      )
      .orderBy(asc(users.email)),
    db
      .select({
        userId: tourStaff.userId,
        id: tours.id,
        nameZh: tours.nameZh,
        nameEn: tours.nameEn,
      })
      .from(tourStaff)
      .innerJoin(tours, eq(tours.id, tourStaff.tourId))
      .orderBy(desc(tours.startDate)),
  ]);
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    displayName: r.displayName,
    role: r.role,
    disabled: r.disabled,
    createdAt: r.createdAt,
    journalist:
      r.role === 'journalist' && r.tourId && r.delegateId
        ? {
            tourId: r.tourId,
            tourZh: r.tourZh,
            tourEn: r.tourEn,
            delegateId: r.delegateId,
            nameZh: r.delegateZh,
            nameEn: r.delegateEn ?? r.passportName,
            outletZh: r.outletZh,
            outletEn: r.outletEn,
          }
        : null,
    tours:
      r.role === 'coordinator'
        ? staff
            .filter((s) => s.userId === r.id)
            .map(({ id, nameZh, nameEn }) => ({ id, nameZh, nameEn }))
        : [],
  }));
}

export type AdminUser = Awaited<ReturnType<typeof listUsers>>[number];

export async function listToursForAdmin(db: Db, viewer: Viewer) {
  assertCanManageUsers(viewer);
  return db
    .select({
      id: tours.id,
      nameZh: tours.nameZh,
      nameEn: tours.nameEn,
      startDate: tours.startDate,
      endDate: tours.endDate,
    })
    .from(tours)
    .orderBy(desc(tours.startDate), asc(tours.nameEn));
}

export type AdminTour = Awaited<ReturnType<typeof listToursForAdmin>>[number];

async function queryDelegatesWithoutAccount(db: Db, tourId: string) {
  const rows = await db
    .select({
      id: delegates.id,
      nameZh: delegates.nameZh,
      nameEn: delegates.nameEn,
      passportName: delegates.passportName,
      email: delegates.email,
      outletZh: outlets.nameZh,
      outletEn: outlets.nameEn,
    })
    .from(delegates)
    .innerJoin(
      outlets,
      and(eq(outlets.tourId, delegates.tourId), eq(outlets.id, delegates.outletId)),
    )
    .leftJoin(users, and(eq(users.tourId, delegates.tourId), eq(users.delegateId, delegates.id)))
    .where(and(eq(delegates.tourId, tourId), isNull(users.id)))
    .orderBy(asc(outlets.nameEn), asc(delegates.passportName));
  return rows.map(({ passportName, ...d }) => ({
    ...d,
    nameEn: d.nameEn ?? passportName,
    email: d.email?.trim() || null,
  }));
}

/** The delegates of one tour who have no account yet, for the link menu and the bulk button. */
export async function listDelegatesWithoutAccount(
  db: Db,
  viewer: Viewer,
  { tourId }: { tourId: string },
) {
  assertCanManageUsers(viewer);
  return queryDelegatesWithoutAccount(db, tourId);
}

export type DelegateWithoutAccount = Awaited<
  ReturnType<typeof listDelegatesWithoutAccount>
>[number];

/** The latest audit entries, newest first. */
export async function listAuditEntries(db: Db, viewer: Viewer, { limit }: { limit: number }) {
  assertCanManageUsers(viewer);
  return queryAuditLog(db, { limit });
}

// ---------------------------------------------------------------------------------------------
// Changing

export interface CreateUserInput extends Origin {
  email: string;
  displayName?: string | undefined;
  role: Role;
  /** Journalists only: the tour and the delegate the account belongs to. */
  tourId?: string | undefined;
  delegateId?: string | undefined;
}

export interface CreatedUser {
  id: string;
  email: string;
  displayName: string | null;
  role: Role;
  /** Shown once; only its argon2id hash is stored. */
  password: string;
}

export async function createUser(
  db: Db,
  viewer: Viewer,
  input: CreateUserInput,
): Promise<UserAdminResult<CreatedUser>> {
  assertCanManageUsers(viewer);
  const email = input.email.trim().toLowerCase();
  const journalist = input.role === 'journalist';
  if (!journalist && (input.tourId || input.delegateId)) {
    return refuse('invalid', 'linkOnlyForJournalists', input.delegateId ? 'delegateId' : 'tourId');
  }
  if (journalist && !input.tourId) return refuse('invalid', 'tourRequired', 'tourId');
  if (journalist && !input.delegateId) return refuse('invalid', 'delegateRequired', 'delegateId');

  // Hashed before the transaction, so the rows are locked for milliseconds, not for argon2.
  const password = generatePassword();
  const passwordHash = await hashPassword(password);

  return db.transaction(async (tx) => {
    if (await emailTaken(tx, email)) return refuse('conflict', 'emailTaken', 'email');
    let displayName = input.displayName?.trim() || null;
    let tourId: string | null = null;
    let delegateId: string | null = null;
    if (journalist && input.tourId && input.delegateId) {
      const [delegate] = await tx
        .select({
          id: delegates.id,
          nameZh: delegates.nameZh,
          nameEn: delegates.nameEn,
          passportName: delegates.passportName,
          linkedUserId: users.id,
        })
        .from(delegates)
        .leftJoin(
          users,
          and(eq(users.tourId, delegates.tourId), eq(users.delegateId, delegates.id)),
        )
        .where(and(eq(delegates.tourId, input.tourId), eq(delegates.id, input.delegateId)));
      if (!delegate) return refuse('invalid', 'delegateNotInTour', 'delegateId');
      if (delegate.linkedUserId) return refuse('conflict', 'delegateLinked', 'delegateId');
      displayName ??= delegate.nameEn ?? delegate.nameZh ?? delegate.passportName;
      tourId = input.tourId;
      delegateId = delegate.id;
    }
    const [created] = await tx
      .insert(users)
      .values({ email, displayName, passwordHash, role: input.role, tourId, delegateId })
      // Another organizer may have taken the email or the delegate a moment ago.
      .onConflictDoNothing()
      .returning({
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        role: users.role,
      });
    if (!created) {
      return (await emailTaken(tx, email))
        ? refuse('conflict', 'emailTaken', 'email')
        : refuse('conflict', 'delegateLinked', 'delegateId');
    }
    await audit(tx, viewer, input, {
      action: 'user.created',
      tourId,
      target: created.email,
      detail: { userId: created.id, role: created.role, delegateId },
    });
    return done({ ...created, password });
  });
}

export async function setUserDisabled(
  db: Db,
  viewer: Viewer,
  input: { userId: string; disabled: boolean } & Origin,
): Promise<UserAdminResult<{ id: string; email: string; disabled: boolean }>> {
  assertCanManageUsers(viewer);
  if (input.disabled && input.userId === viewer.userId) {
    return refuse('invalid', 'cannotDisableSelf', 'userId');
  }
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({
        disabled: input.disabled,
        // Disabling ends every session at once; enabling lets the user sign in afresh.
        ...(input.disabled ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
      })
      .where(eq(users.id, input.userId))
      .returning({ id: users.id, email: users.email, tourId: users.tourId });
    if (!user) return refuse('not_found', 'userNotFound', 'userId');
    await audit(tx, viewer, input, {
      action: input.disabled ? 'user.disabled' : 'user.enabled',
      tourId: user.tourId,
      target: user.email,
      detail: { userId: user.id },
    });
    return done({ id: user.id, email: user.email, disabled: input.disabled });
  });
}

export async function resetPassword(
  db: Db,
  viewer: Viewer,
  input: { userId: string } & Origin,
): Promise<UserAdminResult<{ id: string; email: string; password: string }>> {
  assertCanManageUsers(viewer);
  // Resetting one's own password here would end this very session: that is what
  // changing one's password (which asks for the current one) is for.
  if (input.userId === viewer.userId) return refuse('invalid', 'resetOwnPassword', 'userId');
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, input.userId))
      .returning({ id: users.id, email: users.email, tourId: users.tourId });
    if (!user) return refuse('not_found', 'userNotFound', 'userId');
    await audit(tx, viewer, input, {
      action: 'user.password_reset',
      tourId: user.tourId,
      target: user.email,
      detail: { userId: user.id },
    });
    return done({ id: user.id, email: user.email, password });
  });
}

export async function setCoordinatorTour(
  db: Db,
  viewer: Viewer,
  input: { userId: string; tourId: string; assigned: boolean } & Origin,
): Promise<UserAdminResult<{ changed: boolean }>> {
  assertCanManageUsers(viewer);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email, role: users.role })
      .from(users)
      .where(eq(users.id, input.userId));
    if (!user) return refuse('not_found', 'userNotFound', 'userId');
    if (user.role !== 'coordinator') return refuse('invalid', 'notCoordinator', 'userId');
    const [tour] = await tx.select({ id: tours.id }).from(tours).where(eq(tours.id, input.tourId));
    if (!tour) return refuse('not_found', 'tourNotFound', 'tourId');
    const changed = input.assigned
      ? await tx
          .insert(tourStaff)
          .values({ tourId: tour.id, userId: user.id })
          .onConflictDoNothing()
          .returning({ userId: tourStaff.userId })
      : await tx
          .delete(tourStaff)
          .where(and(eq(tourStaff.tourId, tour.id), eq(tourStaff.userId, user.id)))
          .returning({ userId: tourStaff.userId });
    // Asking for what is already so changes nothing, and nothing is recorded.
    if (changed.length > 0) {
      await audit(tx, viewer, input, {
        action: input.assigned ? 'tour_staff.assigned' : 'tour_staff.removed',
        tourId: tour.id,
        target: user.email,
        detail: { userId: user.id },
      });
    }
    return done({ changed: changed.length > 0 });
  });
}

export interface BulkAccountRow {
  delegateId: string;
  nameZh: string | null;
  nameEn: string | null;
  outletZh: string;
  outletEn: string;
  email: string | null;
}

export interface BulkAccountsResult {
  tour: { id: string; nameZh: string; nameEn: string };
  /** Passwords shown once; only their hashes are stored. */
  created: (BulkAccountRow & { email: string; password: string })[];
  skipped: (BulkAccountRow & { reason: 'noEmail' | 'invalidEmail' | 'emailTaken' })[];
}

/**
 * A journalist account for every delegate of the tour who has none and has a usable email, in
 * one transaction. Delegates without an email, or whose email already signs in another
 * account, are reported rather than created.
 */
export async function createAccountsForTour(
  db: Db,
  viewer: Viewer,
  input: { tourId: string } & Origin,
): Promise<UserAdminResult<BulkAccountsResult>> {
  assertCanManageUsers(viewer);
  return db.transaction(async (tx) => {
    const [tour] = await tx
      .select({ id: tours.id, nameZh: tours.nameZh, nameEn: tours.nameEn })
      .from(tours)
      .where(eq(tours.id, input.tourId));
    if (!tour) return refuse('not_found', 'tourNotFound', 'tourId');

    const candidates = await queryDelegatesWithoutAccount(tx, tour.id);
    const emails = [
      ...new Set(candidates.flatMap((d) => (d.email ? [d.email.toLowerCase()] : []))),
    ];
    const taken = new Set(
      emails.length
        ? (
            await tx
              .select({ email: sql<string>`lower(${users.email})` })
              .from(users)
              .where(inArray(sql`lower(${users.email})`, emails))
          ).map((r) => r.email)
        : [],
    );

    const toCreate: (BulkAccountRow & { email: string; displayName: string })[] = [];
    const skipped: BulkAccountsResult['skipped'] = [];
    for (const d of candidates) {
      const row: BulkAccountRow = {
        delegateId: d.id,
        nameZh: d.nameZh,
        nameEn: d.nameEn,
        outletZh: d.outletZh,
        outletEn: d.outletEn,
        email: d.email,
      };
      const email = d.email?.toLowerCase();
      if (!email) skipped.push({ ...row, reason: 'noEmail' });
      else if (!emailSchema.safeParse(email).success)
        skipped.push({ ...row, reason: 'invalidEmail' });
      else if (taken.has(email)) skipped.push({ ...row, reason: 'emailTaken' });
      else {
        taken.add(email); // two delegates sharing one address: the first gets it
        toCreate.push({ ...row, email, displayName: d.nameEn ?? d.nameZh ?? email });
      }
    }

    const prepared = await Promise.all(
      toCreate.map(async ({ displayName, ...row }) => {
        const password = generatePassword();
        return { row, displayName, password, passwordHash: await hashPassword(password) };
      }),
    );
    const inserted = prepared.length
      ? await tx
          .insert(users)
          .values(
            prepared.map((p) => ({
              email: p.row.email,
              displayName: p.displayName,
              passwordHash: p.passwordHash,
              role: 'journalist' as const,
              tourId: tour.id,
              delegateId: p.row.delegateId,
            })),
          )
          .onConflictDoNothing()
          .returning({ delegateId: users.delegateId })
      : [];
    const insertedIds = new Set(inserted.map((r) => r.delegateId));

    const created: BulkAccountsResult['created'] = [];
    for (const { row, password } of prepared) {
      if (insertedIds.has(row.delegateId)) created.push({ ...row, password });
      else skipped.push({ ...row, reason: 'emailTaken' }); // taken between our read and insert
    }

    await audit(tx, viewer, input, {
      action: 'accounts.bulk_created',
      tourId: tour.id,
      target: tour.nameEn,
      detail: {
        count: created.length,
        skipped: skipped.length,
        ...(skipped.length ? { skippedDelegateIds: skipped.map((s) => s.delegateId) } : {}),
      },
    });
    return done({ tour, created, skipped });
  });
}

/** Everything the user-management page shows, for an organizer. */
export async function getUserAdminPage(viewer: Viewer) {
  const db = await getDb();
  const [users, tours] = await Promise.all([listUsers(db, viewer), listToursForAdmin(db, viewer)]);
  const waiting = await Promise.all(
    tours.map((tour) => listDelegatesWithoutAccount(db, viewer, { tourId: tour.id })),
  );
  return {
    users,
    tours,
    delegatesByTour: Object.fromEntries(tours.map((tour, i) => [tour.id, waiting[i] ?? []])),
  };
}

export async function getAuditEntries(viewer: Viewer, limit: number) {
  return listAuditEntries(await getDb(), viewer, { limit });
}
