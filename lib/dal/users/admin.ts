import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { delegates, tourStaff, tours, users } from '@/db/schema';
import { generatePassword, hashPassword } from '@/lib/auth/password';
import type { Role, Viewer } from '@/lib/auth/permissions';
import { searchTextOf } from '@/lib/search';
import { recordAudit } from '../audit';
import { revokeAllSessions } from '../sessions';
import {
  assertCanManageUsers,
  audit,
  done,
  emailTaken,
  type Origin,
  refuse,
  type UserAdminResult,
} from './common';

export interface CreateUserInput extends Origin {
  email: string;
  displayName?: string | null | undefined;
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
      .values({
        email,
        displayName,
        passwordHash,
        role: input.role,
        tourId,
        delegateId,
        searchText: searchTextOf(email, displayName),
      })
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
      })
      .where(eq(users.id, input.userId))
      .returning({ id: users.id, email: users.email, tourId: users.tourId });
    if (!user) return refuse('not_found', 'userNotFound', 'userId');
    // Disabling ends every session at once; enabling lets the user sign in afresh.
    if (input.disabled) await revokeAllSessions(tx, user.id);
    await audit(tx, viewer, input, {
      action: input.disabled ? 'user.disabled' : 'user.enabled',
      tourId: user.tourId,
      target: user.email,
      detail: { userId: user.id },
    });
    return done({ id: user.id, email: user.email, disabled: input.disabled });
  });
}

/**
 * Replaces a user's password with a generated one, shown once, and ends their sessions. Only
 * after the organizer confirmed it (a reset locks the person out until they get the new one);
 * resetting another organizer's password is allowed, confirmed the same way, and audited as such.
 */
export async function resetPassword(
  db: Db,
  viewer: Viewer,
  input: { userId: string; confirmed: boolean } & Origin,
): Promise<UserAdminResult<{ id: string; email: string; password: string }>> {
  assertCanManageUsers(viewer);
  // Resetting one's own password here would end this very session: that is what
  // changing one's password (which asks for the current one) is for.
  if (input.userId === viewer.userId) return refuse('invalid', 'resetOwnPassword', 'userId');
  if (!input.confirmed) return refuse('invalid', 'confirmRequired', 'confirmed');
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ passwordHash })
      .where(eq(users.id, input.userId))
      .returning({ id: users.id, email: users.email, tourId: users.tourId, role: users.role });
    if (!user) return refuse('not_found', 'userNotFound', 'userId');
    await revokeAllSessions(tx, user.id);
    await audit(tx, viewer, input, {
      action: 'user.password_reset',
      tourId: user.tourId,
      target: user.email,
      detail: { userId: user.id, targetRole: user.role },
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

/**
 * `npm run user:create`: an organizer or coordinator made from the command line (the first one,
 * say), outside any session. It keeps the same rules as the app (the database refuses a journalist
 * without a delegate) and is audited as coming from the command line.
 */
export async function createAccountFromCommandLine(
  db: Db,
  input: {
    email: string;
    role: 'organizer' | 'coordinator';
    displayName: string | null;
    password: string;
  },
): Promise<UserAdminResult<{ id: string }>> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (await emailTaken(tx, email)) return refuse('conflict', 'emailTaken', 'email');
    const [created] = await tx
      .insert(users)
      .values({
        email,
        role: input.role,
        displayName: input.displayName,
        passwordHash,
        searchText: searchTextOf(email, input.displayName),
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!created) return refuse('conflict', 'emailTaken', 'email');
    await recordAudit(tx, {
      action: 'user.created',
      actorEmail: 'command line',
      target: email,
      detail: { userId: created.id, role: input.role },
    });
    return done(created);
  });
}
