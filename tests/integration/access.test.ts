import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect';
import * as s from '../../db/schema';
import { demoAccounts, demoPassword, seedDemoTour } from '../../db/seed';
import { demoData } from '../../db/seed/demo-data';
import { lockout } from '../../lib/auth/lockout';
import type { Viewer } from '../../lib/auth/permissions';
import { changeOwnPassword, signInWithPassword } from '../../lib/dal/accounts';
import { queryDelegate, queryDelegates } from '../../lib/dal/delegates';
import { queryOwnItinerary } from '../../lib/dal/itinerary';
import { type SelfScope, selfScope, type TourScope, tourScope } from '../../lib/dal/scope';
import { loadViewer, revokeSession } from '../../lib/dal/sessions';
import { testDatabases } from './databases';
import { viewerOf } from './helpers';

const passports = demoData.outlets.flatMap((o) => o.delegates.map((d) => d.passportNumber));

for (const target of testDatabases()) {
  describe(`accounts and access on ${target.name}`, () => {
    let handle: DatabaseHandle;
    let tourId: string;
    const viewers: Record<string, Viewer> = {};
    const db = () => handle.db;

    beforeAll(async () => {
      handle = await target.open();
      await handle.migrate();
      ({ tourId } = await seedDemoTour(handle.db));
      for (const [key, email] of Object.entries(demoAccounts)) {
        viewers[key] = await viewerOf(handle.db, email);
      }
    });

    afterAll(async () => {
      await handle?.close();
      await target.cleanup();
    });

    const scopeOf = (key: string) => tourScope(viewers[key] as Viewer, tourId) as TourScope;
    const selfOf = (key: string) => selfScope(viewers[key] as Viewer) as SelfScope;

    it('signs in the demo accounts with the demo password, whatever the email case', async () => {
      const result = await signInWithPassword(db(), {
        email: demoAccounts.organizer.toUpperCase(),
        password: demoPassword,
        ip: '10.0.0.1',
      });
      expect(result).toMatchObject({ ok: true, user: { role: 'organizer' } });
      expect(viewers.coordinator?.staffTourIds).toEqual([tourId]);
      expect(viewers.journalist).toMatchObject({ role: 'journalist', tourId });
      expect(viewers.journalist?.delegateId).not.toBe(viewers.journalist2?.delegateId);
    });

    it('locks an account after 10 failures, says until when, and lets it in after the window', async () => {
      const email = demoAccounts.coordinator;
      const start = new Date();
      for (let i = 0; i < lockout.maxAccountFailures; i++) {
        const r = await signInWithPassword(db(), {
          email,
          password: `wrong-${i}`,
          ip: `10.1.0.${i}`,
          now: new Date(start.getTime() + i * 1000),
        });
        expect(r).toEqual({ ok: false, reason: 'invalid' });
      }
      const eleventh = await signInWithPassword(db(), {
        email,
        password: demoPassword,
        ip: '10.1.1.1',
        now: new Date(start.getTime() + 11_000),
      });
      expect(eleventh).toMatchObject({ ok: false, reason: 'locked', lock: { locked: 'account' } });
      if (eleventh.ok || eleventh.reason !== 'locked') throw new Error('not locked');
      expect(eleventh.lock.retryAt.getTime()).toBe(
        start.getTime() + lockout.windowMinutes * 60_000,
      );
      const later = new Date(start.getTime() + (lockout.windowMinutes * 60 + 15) * 1000);
      expect(
        await signInWithPassword(db(), {
          email,
          password: demoPassword,
          ip: '10.1.1.1',
          now: later,
        }),
      ).toMatchObject({ ok: true });
      const [refusals] = await db()
        .select({ n: count() })
        .from(s.auditLog)
        .where(and(eq(s.auditLog.action, 'login.refused'), eq(s.auditLog.actorEmail, email)));
      expect(refusals?.n).toBe(1);
    });

    it("does not lock a hotel's network for one person's typos", async () => {
      const now = new Date();
      const ip = '10.7.7.7';
      for (let i = 0; i < lockout.maxAccountFailures; i++) {
        await signInWithPassword(db(), { email: 'typo@example.com', password: 'x', ip, now });
      }
      // Everyone else on that network still gets in with the right password.
      for (const email of [demoAccounts.organizer, demoAccounts.journalist]) {
        expect(
          await signInWithPassword(db(), { email, password: demoPassword, ip, now }),
        ).toMatchObject({ ok: true });
      }
      // The one who mistyped is told their account is locked.
      expect(
        await signInWithPassword(db(), { email: 'typo@example.com', password: 'x', ip, now }),
      ).toMatchObject({ ok: false, reason: 'locked', lock: { locked: 'account' } });
    });

    it('blocks an address that sprays passwords over many accounts', async () => {
      const now = new Date();
      for (let i = 0; i < lockout.maxAddressAccounts; i++) {
        await signInWithPassword(db(), {
          email: `nobody${i}@example.com`,
          password: 'Summer2025!',
          ip: '10.9.9.9',
          now,
        });
      }
      expect(
        await signInWithPassword(db(), {
          email: demoAccounts.organizer,
          password: demoPassword,
          ip: '10.9.9.9',
          now,
        }),
      ).toMatchObject({ ok: false, reason: 'locked', lock: { locked: 'address' } });
      expect(
        await signInWithPassword(db(), {
          email: demoAccounts.organizer,
          password: demoPassword,
          ip: '10.9.9.10',
          now,
        }),
      ).toMatchObject({ ok: true });
    });

    it('counts wrong current passwords against the account and audits them', async () => {
      const viewer = await viewerOf(db(), demoAccounts.organizer);
      const start = new Date(Date.now() + 3_600_000);
      for (let i = 0; i < lockout.maxAccountFailures; i++) {
        expect(
          await changeOwnPassword(db(), viewer, {
            current: `guess-${i}`,
            next: 'whatever-123',
            ip: '10.3.0.1',
            now: new Date(start.getTime() + i),
          }),
        ).toBe('wrongCurrent');
      }
      // The eleventh guess is refused before the password is even checked, right or wrong.
      expect(
        await changeOwnPassword(db(), viewer, {
          current: demoPassword,
          next: 'whatever-123',
          ip: '10.3.0.1',
          now: new Date(start.getTime() + 20),
        }),
      ).toBe('locked');
      const [audited] = await db()
        .select({ n: count() })
        .from(s.auditLog)
        .where(
          and(
            eq(s.auditLog.action, 'user.password_change_failed'),
            eq(s.auditLog.userId, viewer.userId),
          ),
        );
      expect(audited?.n).toBe(lockout.maxAccountFailures);
      // And the same lock holds at the sign-in form.
      expect(
        await signInWithPassword(db(), {
          email: demoAccounts.organizer,
          password: demoPassword,
          ip: '10.3.0.2',
          now: new Date(start.getTime() + 30),
        }),
      ).toMatchObject({ ok: false, reason: 'locked' });
    });

    it('ends the session that signs out, and only that one', async () => {
      const a = await viewerOf(db(), demoAccounts.journalist);
      const b = await viewerOf(db(), demoAccounts.journalist);
      await revokeSession(db(), a.sessionId);
      expect(await loadViewer(db(), { userId: a.userId, sessionId: a.sessionId })).toBeNull();
      expect(await loadViewer(db(), { userId: b.userId, sessionId: b.sessionId })).not.toBeNull();
    });

    it('ends every session when the password changes', async () => {
      const before = await viewerOf(db(), demoAccounts.journalist2);
      expect(
        await changeOwnPassword(db(), before, {
          current: demoPassword,
          next: '新的密码新的密码新的密码',
          ip: '::1',
        }),
      ).toBe('changed');
      expect(
        await loadViewer(db(), { userId: before.userId, sessionId: before.sessionId }),
      ).toBeNull();
      expect(
        await signInWithPassword(db(), {
          email: demoAccounts.journalist2,
          password: '新的密码新的密码新的密码',
          ip: '10.2.0.1',
        }),
      ).toMatchObject({ ok: true });
    });

    it('refuses a session of a disabled account', async () => {
      const viewer = await viewerOf(db(), demoAccounts.journalist);
      await db().update(s.users).set({ disabled: true }).where(eq(s.users.id, viewer.userId));
      expect(
        await loadViewer(db(), { userId: viewer.userId, sessionId: viewer.sessionId }),
      ).toBeNull();
      await db().update(s.users).set({ disabled: false }).where(eq(s.users.id, viewer.userId));
    });

    it('stores passport numbers encrypted: the raw table never holds the plain number', async () => {
      const raw = await db().execute(sql`select passport_number_enc from delegates`);
      const text = JSON.stringify(raw);
      for (const p of passports) expect(text).not.toContain(p);
      expect(text).toContain('v1.');
    });

    it('shows a whole passport number to the organizer only, and audits that read', async () => {
      const sample = demoData.outlets[0]?.delegates[0];
      const [row] = await db()
        .select({ id: s.delegates.id })
        .from(s.delegates)
        .where(
          and(
            eq(s.delegates.tourId, tourId),
            eq(s.delegates.passportName, sample?.passportName ?? ''),
          ),
        );
      const delegateId = row?.id ?? '';
      const asOrganizer = await queryDelegate(db(), scopeOf('organizer'), delegateId);
      expect(asOrganizer?.passport).toEqual({ whole: sample?.passportNumber });
      const asCoordinator = await queryDelegate(db(), scopeOf('coordinator'), delegateId);
      expect(asCoordinator?.passport).toEqual({
        masked: expect.stringMatching(new RegExp(`${sample?.passportNumber.slice(-3)}$`)),
      });
      expect(JSON.stringify(asCoordinator)).not.toContain(sample?.passportNumber);
      expect(asCoordinator && 'dateOfBirth' in asCoordinator).toBe(false);

      const [reads] = await db()
        .select({ n: count() })
        .from(s.auditLog)
        .where(and(eq(s.auditLog.action, 'passport.read'), eq(s.auditLog.target, delegateId)));
      expect(reads?.n).toBe(1);

      const list = await queryDelegates(db(), scopeOf('coordinator'), {});
      const leaked = JSON.stringify(list);
      for (const p of passports) expect(leaked).not.toContain(p);
      expect(list.total).toBe(passports.length);
    });

    it('gives a tour scope to its staff only', () => {
      expect(tourScope(viewers.organizer as Viewer, tourId)).not.toBeNull();
      expect(tourScope(viewers.coordinator as Viewer, tourId)).not.toBeNull();
      expect(tourScope(viewers.journalist as Viewer, tourId)).toBeNull();
      expect(
        tourScope(viewers.coordinator as Viewer, '00000000-0000-4000-8000-000000000000'),
      ).toBeNull();
      expect(tourScope(viewers.organizer as Viewer, 'not-a-uuid')).toBeNull();
      expect(selfScope(viewers.coordinator as Viewer)).toBeNull();
    });

    it('gives a journalist nothing of another delegate, nor of another tour', async () => {
      const other = viewers.journalist2?.delegateId ?? '';
      expect(await queryDelegate(db(), selfOf('journalist'), other)).toBeNull();
      const own = await queryDelegate(
        db(),
        selfOf('journalist'),
        viewers.journalist?.delegateId ?? '',
      );
      expect(own?.phone).toBeTruthy();
      expect(own?.passport).toHaveProperty('masked');
    });

    it("builds a journalist's itinerary from their own group only", async () => {
      const a = await queryOwnItinerary(db(), selfOf('journalist'));
      const b = await queryOwnItinerary(db(), selfOf('journalist2'));
      expect(a?.groups).toHaveLength(1);
      expect(a?.groups[0]?.code).not.toBe(b?.groups[0]?.code);
      const code = a?.groups[0]?.code as 'A';
      expect(a?.visits).toHaveLength(demoData.visits.filter((v) => v.groups.includes(code)).length);
      expect(a?.visits.every((v) => v.groups.includes(code))).toBe(true);
    });

    it('keeps accounts when tours or delegates would be deleted, and their links consistent', async () => {
      const journalist = viewers.journalist as Viewer;
      // A journalist's delegate and tour cannot be deleted from under the account.
      await expect(
        db()
          .delete(s.delegates)
          .where(eq(s.delegates.id, journalist.delegateId ?? '')),
      ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/"users_delegate_fk"/) } });
      await expect(db().delete(s.tours).where(eq(s.tours.id, tourId))).rejects.toMatchObject({
        cause: {
          message: expect.stringMatching(/"users_tour_id_tours_id_fk"|"users_delegate_fk"/),
        },
      });
      // A journalist has a tour and a delegate; nobody else has either (a CHECK in the database).
      await expect(
        db()
          .insert(s.users)
          .values({ email: 'loose@example.com', role: 'journalist', passwordHash: 'x' }),
      ).rejects.toMatchObject({ cause: { code: '23514' } });
      await expect(
        db()
          .insert(s.users)
          .values({
            email: 'linked-coordinator@example.com',
            role: 'coordinator',
            passwordHash: 'x',
            tourId,
            delegateId: viewers.journalist2?.delegateId ?? null,
          }),
      ).rejects.toMatchObject({ cause: { code: '23514' } });
    });
  });
}
