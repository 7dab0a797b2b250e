import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect';
import * as s from '../../db/schema';
import { seedDemoTour } from '../../db/seed';
import { demoData } from '../../db/seed/demo-data';
import { hashPassword, verifyPassword } from '../../lib/auth/password';
import type { Role, Viewer } from '../../lib/auth/permissions';
import { queryAuditLog } from '../../lib/dal/audit';
import { createSession, loadViewer } from '../../lib/dal/sessions';
import {
  createUser,
  resetPassword,
  setCoordinatorTour,
  setUserDisabled,
} from '../../lib/dal/users/admin';
import { createAccountsForTour } from '../../lib/dal/users/bulk';
import { UserAdminForbiddenError } from '../../lib/dal/users/common';
import {
  listToursForAdmin,
  listUsers,
  searchDelegatesWithoutAccount,
} from '../../lib/dal/users/list';
import { testDatabases } from './databases';

const generated = /^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/;

for (const target of testDatabases()) {
  describe(`user management on ${target.name}`, () => {
    let handle: DatabaseHandle;
    let tourId: string;
    let otherTourId: string;
    let organizer: Viewer;
    let coordinator: Viewer;

    const db = () => handle.db;
    const ip = '203.0.113.9';

    async function insertUser(email: string, role: Role): Promise<Viewer> {
      const [row] = await db()
        .insert(s.users)
        .values({ email, role, displayName: email, passwordHash: await hashPassword('not-used-1') })
        .returning({ id: s.users.id });
      if (!row) throw new Error('insert failed');
      const session = await createSession(db(), { userId: row.id, ip: '127.0.0.1' });
      return {
        userId: row.id,
        sessionId: session.id,
        email,
        displayName: email,
        role,
        staffTourIds: role === 'coordinator' ? [tourId] : [],
        tourId: null,
        delegateId: null,
      };
    }

    async function userRow(id: string) {
      const [row] = await db()
        .select({
          email: s.users.email,
          passwordHash: s.users.passwordHash,
          disabled: s.users.disabled,
        })
        .from(s.users)
        .where(eq(s.users.id, id));
      if (!row) throw new Error(`no user ${id}`);
      return row;
    }

    async function counts() {
      const [[u], [a], [t]] = await Promise.all([
        db().select({ n: count() }).from(s.users),
        db().select({ n: count() }).from(s.auditLog),
        db().select({ n: count() }).from(s.tourStaff),
      ]);
      return { users: u?.n, audit: a?.n, staff: t?.n };
    }

    async function auditFor(action: string, targetText: string) {
      return db()
        .select({
          userId: s.auditLog.userId,
          tourId: s.auditLog.tourId,
          detail: s.auditLog.detail,
          ip: s.auditLog.ip,
        })
        .from(s.auditLog)
        .where(and(eq(s.auditLog.action, action), eq(s.auditLog.target, targetText)));
    }

    /** Every delegate of a tour without an account, straight from the tables. */
    async function waitingOf(id: string) {
      const rows = await db()
        .select({ id: s.delegates.id, email: s.delegates.email, linked: s.users.id })
        .from(s.delegates)
        .leftJoin(s.users, eq(s.users.delegateId, s.delegates.id))
        .where(eq(s.delegates.tourId, id));
      return rows.filter((r) => !r.linked);
    }

    beforeAll(async () => {
      handle = await target.open();
      await handle.migrate();
      ({ tourId } = await seedDemoTour(handle.db));
      ({ tourId: otherTourId } = await seedDemoTour(handle.db, {
        ...demoData,
        tour: { ...demoData.tour, nameEn: `${demoData.tour.nameEn} (other)` },
      }));
      organizer = await insertUser('admin-test@example.com', 'organizer');
      coordinator = await insertUser('coord-test@example.com', 'coordinator');
      await db().insert(s.tourStaff).values({ tourId, userId: coordinator.userId });
    });

    afterAll(async () => {
      await handle?.close();
      await target.cleanup();
    });

    it('creates a coordinator with a password shown once and stored only as argon2id', async () => {
      const result = await createUser(db(), organizer, {
        email: 'New.Coordinator@Example.com',
        displayName: '  Li Wei  ',
        role: 'coordinator',
        ip,
      });
      if (!result.ok) throw new Error(result.reason);
      expect(result.data).toMatchObject({
        email: 'new.coordinator@example.com',
        displayName: 'Li Wei',
        role: 'coordinator',
      });
      expect(result.data.password).toMatch(generated);
      expect(result.data).not.toHaveProperty('passwordHash');

      const stored = await userRow(result.data.id);
      expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
      expect(stored.passwordHash).not.toContain(result.data.password);
      expect(await verifyPassword(stored.passwordHash, result.data.password)).toBe(true);

      const listed = (await listUsers(db(), organizer)).users.find((u) => u.id === result.data.id);
      expect(listed).toMatchObject({ role: 'coordinator', disabled: false, tours: [] });
      expect(Object.keys(listed ?? {})).not.toContain('passwordHash');

      const [entry] = await auditFor('user.created', 'new.coordinator@example.com');
      expect(entry).toMatchObject({ userId: organizer.userId, ip });
    });

    it('creates a journalist linked to a delegate of the chosen tour', async () => {
      const before = await waitingOf(tourId);
      const [delegate] = await searchDelegatesWithoutAccount(db(), organizer, { tourId });
      if (!delegate) throw new Error('every delegate already has an account');
      expect(delegate.outletEn).toBeTruthy();

      const result = await createUser(db(), organizer, {
        email: 'reporter-test@example.com',
        role: 'journalist',
        tourId,
        delegateId: delegate.id,
        ip,
      });
      if (!result.ok) throw new Error(result.reason);
      expect(result.data.displayName).toBe(delegate.nameEn);
      expect(result.data.password).toMatch(generated);

      const listed = (await listUsers(db(), organizer)).users.find((u) => u.id === result.data.id);
      expect(listed?.journalist).toMatchObject({
        tourId,
        delegateId: delegate.id,
        nameEn: delegate.nameEn,
        outletEn: delegate.outletEn,
      });
      expect(listed?.journalist?.tourEn).toBe(demoData.tour.nameEn);
      const after = await waitingOf(tourId);
      expect(after.map((d) => d.id)).not.toContain(delegate.id);
      expect(after).toHaveLength(before.length - 1);

      const [entry] = await auditFor('user.created', 'reporter-test@example.com');
      expect(entry).toMatchObject({
        tourId,
        detail: { delegateId: delegate.id, role: 'journalist' },
      });

      // The same delegate cannot get a second account.
      const again = await createUser(db(), organizer, {
        email: 'reporter-two@example.com',
        role: 'journalist',
        tourId,
        delegateId: delegate.id,
      });
      expect(again).toMatchObject({ ok: false, code: 'conflict', field: 'delegateId' });
    });

    it('refuses an email that already has an account, in any case, and writes nothing', async () => {
      const before = await counts();
      const result = await createUser(db(), organizer, {
        email: 'NEW.coordinator@EXAMPLE.com',
        role: 'organizer',
      });
      expect(result).toEqual({ ok: false, code: 'conflict', reason: 'emailTaken', field: 'email' });
      expect(await counts()).toEqual(before);
    });

    it("refuses a journalist linked to another tour's delegate, or to no delegate", async () => {
      const before = await counts();
      const [foreign] = await searchDelegatesWithoutAccount(db(), organizer, {
        tourId: otherTourId,
      });
      if (!foreign) throw new Error('the other tour has no delegates');
      const result = await createUser(db(), organizer, {
        email: 'cross-tour@example.com',
        role: 'journalist',
        tourId,
        delegateId: foreign.id,
      });
      expect(result).toMatchObject({ ok: false, reason: 'delegateNotInTour', field: 'delegateId' });
      expect(
        await createUser(db(), organizer, {
          email: 'cross-tour@example.com',
          role: 'journalist',
          tourId,
        }),
      ).toMatchObject({ ok: false, reason: 'delegateRequired', field: 'delegateId' });
      expect(
        await createUser(db(), organizer, {
          email: 'cross-tour@example.com',
          role: 'coordinator',
          tourId,
          delegateId: foreign.id,
        }),
      ).toMatchObject({ ok: false, reason: 'linkOnlyForJournalists' });
      expect(await counts()).toEqual(before);
    });

    it('disabling ends the sessions; an organizer keeps their own', async () => {
      const victim = await insertUser('disable-me@example.com', 'coordinator');
      const session = { userId: victim.userId, sessionId: victim.sessionId };
      expect(await loadViewer(db(), session)).not.toBeNull();

      const result = await setUserDisabled(db(), organizer, {
        userId: victim.userId,
        disabled: true,
        ip,
      });
      expect(result).toMatchObject({ ok: true, data: { disabled: true } });
      expect(await userRow(victim.userId)).toMatchObject({ disabled: true });
      expect(await loadViewer(db(), session)).toBeNull();
      expect(await auditFor('user.disabled', 'disable-me@example.com')).toHaveLength(1);

      expect(
        await setUserDisabled(db(), organizer, { userId: victim.userId, disabled: false }),
      ).toMatchObject({ ok: true });
      expect(await userRow(victim.userId)).toMatchObject({ disabled: false });
      expect(await auditFor('user.enabled', 'disable-me@example.com')).toHaveLength(1);
      // Enabling again does not bring back the sessions that disabling ended.
      expect(await loadViewer(db(), session)).toBeNull();

      const before = await counts();
      expect(
        await setUserDisabled(db(), organizer, { userId: organizer.userId, disabled: true }),
      ).toMatchObject({ ok: false, reason: 'cannotDisableSelf' });
      expect(await userRow(organizer.userId)).toMatchObject({ disabled: false });
      expect(
        await setUserDisabled(db(), organizer, {
          userId: '00000000-0000-4000-8000-000000000000',
          disabled: true,
        }),
      ).toMatchObject({ ok: false, code: 'not_found' });
      expect(await counts()).toEqual(before);
    });

    it('resetting a password asks for confirmation, returns a new one once and ends the sessions', async () => {
      const user = await insertUser('reset-me@example.com', 'coordinator');
      const before = await userRow(user.userId);
      expect(
        await resetPassword(db(), organizer, { userId: user.userId, confirmed: false, ip }),
      ).toMatchObject({ ok: false, reason: 'confirmRequired' });
      expect((await userRow(user.userId)).passwordHash).toBe(before.passwordHash);
      const result = await resetPassword(db(), organizer, {
        userId: user.userId,
        confirmed: true,
        ip,
      });
      if (!result.ok) throw new Error(result.reason);
      expect(result.data.password).toMatch(generated);
      expect(await loadViewer(db(), { userId: user.userId, sessionId: user.sessionId })).toBeNull();
      const after = await userRow(user.userId);
      expect(after.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(after.passwordHash, result.data.password)).toBe(true);
      expect(await verifyPassword(after.passwordHash, 'not-used-1')).toBe(false);
      expect(await auditFor('user.password_reset', 'reset-me@example.com')).toHaveLength(1);

      expect(
        await resetPassword(db(), organizer, { userId: organizer.userId, confirmed: true }),
      ).toMatchObject({ ok: false, reason: 'resetOwnPassword' });

      // Another organizer's password may be reset, once confirmed, and the entry says whose role.
      const other = await insertUser('other-organizer@example.com', 'organizer');
      expect(
        await resetPassword(db(), organizer, { userId: other.userId, confirmed: true, ip }),
      ).toMatchObject({ ok: true });
      const [entry] = await auditFor('user.password_reset', 'other-organizer@example.com');
      expect(entry?.detail).toMatchObject({ targetRole: 'organizer' });
    });

    it('assigns a coordinator to a tour and removes them, only coordinators', async () => {
      const user = await insertUser('staff-me@example.com', 'coordinator');
      const assign = (assigned: boolean) =>
        setCoordinatorTour(db(), organizer, {
          userId: user.userId,
          tourId: otherTourId,
          assigned,
          ip,
        });
      expect(await assign(true)).toEqual({ ok: true, data: { changed: true } });
      expect(await assign(true)).toEqual({ ok: true, data: { changed: false } });
      const session = { userId: user.userId, sessionId: user.sessionId };
      const viewer = await loadViewer(db(), session);
      expect(viewer?.staffTourIds).toEqual([otherTourId]);
      const listed = (await listUsers(db(), organizer)).users.find((u) => u.id === user.userId);
      expect(listed?.tours.map((t) => t.id)).toEqual([otherTourId]);

      expect(await assign(false)).toEqual({ ok: true, data: { changed: true } });
      const reloaded = await loadViewer(db(), session);
      expect(reloaded?.staffTourIds).toEqual([]);
      // One entry for each change, none for the repeated request.
      expect(await auditFor('tour_staff.assigned', 'staff-me@example.com')).toHaveLength(1);
      const [removed] = await auditFor('tour_staff.removed', 'staff-me@example.com');
      expect(removed?.tourId).toBe(otherTourId);

      expect(
        await setCoordinatorTour(db(), organizer, {
          userId: organizer.userId,
          tourId,
          assigned: true,
        }),
      ).toMatchObject({ ok: false, reason: 'notCoordinator' });
      expect(
        await setCoordinatorTour(db(), organizer, {
          userId: user.userId,
          tourId: '00000000-0000-4000-8000-000000000000',
          assigned: true,
        }),
      ).toMatchObject({ ok: false, code: 'not_found', reason: 'tourNotFound' });
    });

    it('creates accounts for every delegate of a tour with an email, once', async () => {
      const waiting = await waitingOf(tourId);
      const [noEmail, sharedEmail] = waiting;
      if (!noEmail || !sharedEmail) throw new Error('too few delegates without an account');
      // One delegate without an email, one whose email already signs in another account.
      await db()
        .update(s.delegates)
        .set({ email: null })
        .where(and(eq(s.delegates.tourId, tourId), eq(s.delegates.id, noEmail.id)));
      await db()
        .update(s.delegates)
        .set({ email: 'Admin-Test@Example.com' })
        .where(and(eq(s.delegates.tourId, tourId), eq(s.delegates.id, sharedEmail.id)));

      const first = await createAccountsForTour(db(), organizer, { tourId, ip });
      if (!first.ok) throw new Error(first.reason);
      expect(first.data.tour.id).toBe(tourId);
      expect(first.data.created).toHaveLength(waiting.length - 2);
      expect(first.data.skipped).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ delegateId: noEmail.id, reason: 'noEmail' }),
          expect.objectContaining({ delegateId: sharedEmail.id, reason: 'emailTaken' }),
        ]),
      );
      expect(first.data.skipped).toHaveLength(2);
      for (const row of first.data.created) {
        expect(row.password).toMatch(generated);
        expect(row.outletEn).toBeTruthy();
      }
      expect(new Set(first.data.created.map((r) => r.password)).size).toBe(
        first.data.created.length,
      );
      const sample = first.data.created[0];
      if (!sample) throw new Error('nothing created');
      const [stored] = await db()
        .select({ hash: s.users.passwordHash, role: s.users.role, tourId: s.users.tourId })
        .from(s.users)
        .where(eq(s.users.delegateId, sample.delegateId));
      expect(stored).toMatchObject({ role: 'journalist', tourId });
      expect(await verifyPassword(stored?.hash ?? '', sample.password)).toBe(true);

      // Every delegate of the tour now has an account except the two skipped.
      const [linked] = await db()
        .select({ n: count() })
        .from(s.users)
        .where(and(eq(s.users.tourId, tourId), sql`${s.users.delegateId} is not null`));
      const [people] = await db()
        .select({ n: count() })
        .from(s.delegates)
        .where(eq(s.delegates.tourId, tourId));
      expect(linked?.n).toBe((people?.n ?? 0) - 2);

      const before = await counts();
      const second = await createAccountsForTour(db(), organizer, { tourId, ip });
      if (!second.ok) throw new Error(second.reason);
      expect(second.data.created).toEqual([]);
      expect(second.data.skipped).toHaveLength(2);
      expect((await counts()).users).toBe(before.users);

      const entries = await db()
        .select({ detail: s.auditLog.detail, ip: s.auditLog.ip })
        .from(s.auditLog)
        .where(and(eq(s.auditLog.action, 'accounts.bulk_created'), eq(s.auditLog.tourId, tourId)));
      expect(entries.map((e) => (e.detail as { count: number }).count).sort()).toEqual(
        [0, waiting.length - 2].sort(),
      );

      // The other tour's delegates share the first tour's addresses: an address that already
      // signs in is skipped, the two left free above get their accounts there.
      const taken = new Set(
        (
          await db()
            .select({ e: sql<string>`lower(${s.users.email})` })
            .from(s.users)
        ).map((r) => r.e),
      );
      const otherWaiting = await waitingOf(otherTourId);
      const other = await createAccountsForTour(db(), organizer, { tourId: otherTourId });
      if (!other.ok) throw new Error(other.reason);
      expect(other.data.created.length + other.data.skipped.length).toBe(otherWaiting.length);
      for (const row of other.data.created) expect(taken.has(row.email)).toBe(false);
      for (const row of other.data.skipped) {
        expect(row.reason).toBe('emailTaken');
        expect(taken.has(row.email?.toLowerCase() ?? '')).toBe(true);
      }
      expect(other.data.created.map((r) => r.email)).toEqual(
        expect.arrayContaining([noEmail.email, sharedEmail.email].map((e) => e?.toLowerCase())),
      );
    });

    it('refuses a coordinator every read and change, and writes nothing', async () => {
      const before = await counts();
      const [anyUser] = await db().select({ id: s.users.id }).from(s.users).limit(1);
      const userId = anyUser?.id ?? '';
      const attempts = [
        () => listUsers(db(), coordinator),
        () => listToursForAdmin(db(), coordinator),
        () => searchDelegatesWithoutAccount(db(), coordinator, { tourId }),
        () => createUser(db(), coordinator, { email: 'sneaky@example.com', role: 'organizer' }),
        () => setUserDisabled(db(), coordinator, { userId, disabled: true }),
        () => resetPassword(db(), coordinator, { userId, confirmed: true }),
        () =>
          setCoordinatorTour(db(), coordinator, {
            userId: coordinator.userId,
            tourId: otherTourId,
            assigned: true,
          }),
        () => createAccountsForTour(db(), coordinator, { tourId }),
      ];
      for (const attempt of attempts) {
        await expect(attempt()).rejects.toBeInstanceOf(UserAdminForbiddenError);
      }
      expect(await counts()).toEqual(before);
      expect(await userRow(userId)).toMatchObject({ disabled: false });
    });

    it('lists tours and the audit log for organizers', async () => {
      const tourList = await listToursForAdmin(db(), organizer);
      expect(tourList.map((t) => t.id).sort()).toEqual([tourId, otherTourId].sort());
      const { entries } = await queryAuditLog(db(), { limit: 200 });
      expect(entries.map((e) => e.action)).toEqual(
        expect.arrayContaining([
          'user.created',
          'user.disabled',
          'user.enabled',
          'user.password_reset',
          'tour_staff.assigned',
          'tour_staff.removed',
          'accounts.bulk_created',
        ]),
      );
    });
  });
}
