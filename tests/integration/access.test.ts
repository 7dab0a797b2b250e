import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect';
import * as s from '../../db/schema';
import { demoAccounts, demoPassword, seedDemoTour } from '../../db/seed';
import { demoData } from '../../db/seed/demo-data';
import type { Viewer } from '../../lib/auth/permissions';
import { changeOwnPassword, loadViewer, lockout, signInWithPassword } from '../../lib/dal/accounts';
import { queryDelegate, queryDelegates } from '../../lib/dal/delegates';
import { queryOwnItinerary } from '../../lib/dal/itinerary';
import { testDatabases } from './databases';

const passports = demoData.outlets.flatMap((o) => o.delegates.map((d) => d.passportNumber));

for (const target of testDatabases()) {
  describe(`accounts and access on ${target.name}`, () => {
    let handle: DatabaseHandle;
    let tourId: string;
    const viewers: Record<string, Viewer> = {};

    async function viewerOf(email: string): Promise<Viewer> {
      const [user] = await handle.db
        .select({ id: s.users.id, sv: s.users.sessionVersion })
        .from(s.users)
        .where(eq(s.users.email, email));
      const viewer = await loadViewer(handle.db, {
        userId: user?.id ?? '',
        sessionVersion: user?.sv ?? -1,
      });
      if (!viewer) throw new Error(`no viewer for ${email}`);
      return viewer;
    }

    beforeAll(async () => {
      handle = await target.open();
      await handle.migrate();
      ({ tourId } = await seedDemoTour(handle.db));
      for (const [key, email] of Object.entries(demoAccounts)) viewers[key] = await viewerOf(email);
    });

    afterAll(async () => {
      await handle?.close();
      await target.cleanup();
    });

    it('signs in the demo accounts with the demo password, whatever the email case', async () => {
      const result = await signInWithPassword(handle.db, {
        email: demoAccounts.organizer.toUpperCase(),
        password: demoPassword,
        ip: '10.0.0.1',
      });
      expect(result).toMatchObject({ ok: true, user: { role: 'organizer' } });
      expect(viewers.coordinator?.staffTourIds).toEqual([tourId]);
      expect(viewers.journalist).toMatchObject({ role: 'journalist', tourId });
      expect(viewers.journalist?.delegateId).not.toBe(viewers.journalist2?.delegateId);
    });

    it('refuses the 11th attempt after 10 failures, even with the right password, until the window passes', async () => {
      const email = demoAccounts.coordinator;
      const start = new Date();
      for (let i = 0; i < lockout.maxFailures; i++) {
        const at = new Date(start.getTime() + i * 1000);
        const r = await signInWithPassword(handle.db, {
          email,
          password: `wrong-${i}`,
          ip: `10.1.0.${i}`,
          now: at,
        });
        expect(r).toEqual({ ok: false, reason: 'invalid' });
      }
      const eleventh = new Date(start.getTime() + 11_000);
      expect(
        await signInWithPassword(handle.db, {
          email,
          password: demoPassword,
          ip: '10.1.1.1',
          now: eleventh,
        }),
      ).toEqual({ ok: false, reason: 'locked' });
      const later = new Date(start.getTime() + (lockout.windowMinutes * 60 + 15) * 1000);
      expect(
        await signInWithPassword(handle.db, {
          email,
          password: demoPassword,
          ip: '10.1.1.1',
          now: later,
        }),
      ).toMatchObject({ ok: true });
      const [refusals] = await handle.db
        .select({ n: count() })
        .from(s.auditLog)
        .where(and(eq(s.auditLog.action, 'login.refused'), eq(s.auditLog.actorEmail, email)));
      expect(refusals?.n).toBe(1);
    });

    it('counts failures per client address across accounts too', async () => {
      const now = new Date();
      for (let i = 0; i < lockout.maxFailures; i++) {
        await signInWithPassword(handle.db, {
          email: `nobody${i}@example.com`,
          password: 'x',
          ip: '10.9.9.9',
          now,
        });
      }
      expect(
        await signInWithPassword(handle.db, {
          email: demoAccounts.organizer,
          password: demoPassword,
          ip: '10.9.9.9',
          now,
        }),
      ).toEqual({ ok: false, reason: 'locked' });
      expect(
        await signInWithPassword(handle.db, {
          email: demoAccounts.organizer,
          password: demoPassword,
          ip: '10.9.9.10',
          now,
        }),
      ).toMatchObject({ ok: true });
    });

    it('ends every session when the password changes', async () => {
      const before = await viewerOf(demoAccounts.journalist2);
      const [row] = await handle.db
        .select({ sv: s.users.sessionVersion })
        .from(s.users)
        .where(eq(s.users.id, before.userId));
      expect(
        await changeOwnPassword(handle.db, before, {
          current: 'wrong',
          next: 'whatever-123',
          ip: '::1',
        }),
      ).toBe(false);
      expect(
        await changeOwnPassword(handle.db, before, {
          current: demoPassword,
          next: '新的密码新的密码新的密码',
          ip: '::1',
        }),
      ).toBe(true);
      expect(
        await loadViewer(handle.db, { userId: before.userId, sessionVersion: row?.sv ?? 0 }),
      ).toBeNull();
      expect(
        await signInWithPassword(handle.db, {
          email: demoAccounts.journalist2,
          password: '新的密码新的密码新的密码',
          ip: '10.2.0.1',
        }),
      ).toMatchObject({ ok: true });
    });

    it('ends every session when the account is disabled', async () => {
      const viewer = await viewerOf(demoAccounts.journalist);
      await handle.db.update(s.users).set({ disabled: true }).where(eq(s.users.id, viewer.userId));
      expect(await loadViewer(handle.db, { userId: viewer.userId, sessionVersion: 0 })).toBeNull();
      await handle.db.update(s.users).set({ disabled: false }).where(eq(s.users.id, viewer.userId));
    });

    it('shows passport numbers to the organizer and to nobody else', async () => {
      const { organizer, coordinator, journalist } = viewers as Record<string, Viewer>;
      const asOrganizer = await queryDelegates(handle.db, organizer as Viewer, { tourId });
      expect(asOrganizer?.filter((d) => d.passportNumber).length).toBe(passports.length);
      const asCoordinator = await queryDelegates(handle.db, coordinator as Viewer, { tourId });
      expect(asCoordinator).toHaveLength(passports.length);
      const leaked = JSON.stringify(asCoordinator);
      for (const p of passports) expect(leaked).not.toContain(p);
      expect(await queryDelegates(handle.db, journalist as Viewer, { tourId })).toBeNull();

      const own = await queryDelegate(handle.db, journalist as Viewer, {
        tourId,
        delegateId: journalist?.delegateId ?? '',
      });
      expect(own?.phone).toBeTruthy();
      expect(own && 'passportNumber' in own).toBe(false);
    });

    it('gives a journalist nothing of another delegate, nor of another tour', async () => {
      const { journalist, journalist2 } = viewers as Record<string, Viewer>;
      expect(
        await queryDelegate(handle.db, journalist as Viewer, {
          tourId,
          delegateId: journalist2?.delegateId ?? '',
        }),
      ).toBeNull();
      const otherTour = await seedDemoTour(handle.db, {
        ...demoData,
        tour: { ...demoData.tour, nameEn: 'Another tour' },
      });
      const coordinator = await viewerOf(demoAccounts.coordinator);
      expect(await queryDelegates(handle.db, coordinator, { tourId: otherTour.tourId })).toBeNull();
      expect(
        await queryDelegate(handle.db, journalist as Viewer, {
          tourId: otherTour.tourId,
          delegateId: journalist?.delegateId ?? '',
        }),
      ).toBeNull();
    });

    it("builds a journalist's itinerary from their own group only", async () => {
      const { journalist, journalist2, coordinator } = viewers as Record<string, Viewer>;
      const a = await queryOwnItinerary(handle.db, journalist as Viewer);
      const b = await queryOwnItinerary(handle.db, journalist2 as Viewer);
      expect(a?.groups).toHaveLength(1);
      expect(a?.groups[0]?.code).not.toBe(b?.groups[0]?.code);
      const code = a?.groups[0]?.code as 'A';
      expect(a?.visits).toHaveLength(demoData.visits.filter((v) => v.groups.includes(code)).length);
      expect(a?.visits.every((v) => v.groups.includes(code))).toBe(true);
      expect(await queryOwnItinerary(handle.db, coordinator as Viewer)).toBeNull();
    });
  });
}
