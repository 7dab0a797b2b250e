import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect';
import * as s from '../../db/schema';
import { demoAccounts, seedDemoTour } from '../../db/seed';
import type { Viewer } from '../../lib/auth/permissions';
import { type TourScope, tourScope } from '../../lib/dal/scope';
import { changeVisit, createVisit, type VisitFields } from '../../lib/dal/visits';
import { zonedInstant } from '../../lib/time';
import { testDatabases } from './databases';
import { viewerOf } from './helpers';

const tz = 'Asia/Shanghai';
const ip = '203.0.113.7';

for (const target of testDatabases()) {
  describe(`the schedule's writes on ${target.name}`, () => {
    let handle: DatabaseHandle;
    let scope: TourScope;
    let coordinator: Viewer;
    let organizer: Viewer;
    const city: Record<string, string> = {};
    let groupZ = '';
    let groupY = '';
    let otherTourGroup = '';
    const db = () => handle.db;

    /** A visit for the empty test groups, at local times of a tour day. */
    const fields = (
      day: string,
      start: string,
      end: string,
      more: Partial<VisitFields> = {},
    ): VisitFields => ({
      kind: 'site_visit',
      titleZh: `测试 ${day} ${start}`,
      titleEn: `Test ${day} ${start}`,
      siteId: null,
      cityId: city.yuzhong ?? null,
      fromCityId: null,
      startsAt: zonedInstant(day, start, tz),
      endsAt: zonedInstant(day, end, tz),
      groupIds: [groupZ],
      notesZh: null,
      notesEn: null,
      transportMode: null,
      vehicle: null,
      hostContactName: null,
      hostContactPhone: null,
      escortName: null,
      escortPhone: null,
      ...more,
    });

    beforeAll(async () => {
      handle = await target.open();
      await handle.migrate();
      const { tourId } = await seedDemoTour(db());
      coordinator = await viewerOf(db(), demoAccounts.coordinator);
      organizer = await viewerOf(db(), demoAccounts.organizer);
      scope = tourScope(organizer, tourId) as TourScope;
      for (const c of await db().select().from(s.cities)) city[c.code] = c.id;
      // Groups of their own, so that the demo programme never gets in the way.
      const made = await db()
        .insert(s.groups)
        .values([
          { tourId, code: 'Z', nameZh: 'Z组', nameEn: 'Group Z' },
          { tourId, code: 'Y', nameZh: 'Y组', nameEn: 'Group Y' },
        ])
        .returning({ id: s.groups.id });
      groupZ = made[0]?.id ?? '';
      groupY = made[1]?.id ?? '';
      const [other] = await db()
        .insert(s.tours)
        .values({
          nameZh: '另一团',
          nameEn: 'Another tour',
          startDate: '2025-07-18',
          endDate: '2025-07-31',
        })
        .returning({ id: s.tours.id });
      const [og] = await db()
        .insert(s.groups)
        .values({ tourId: other?.id ?? '', code: 'A', nameZh: 'A组', nameEn: 'Group A' })
        .returning({ id: s.groups.id });
      otherTourGroup = og?.id ?? '';
    }, 120_000);

    afterAll(async () => {
      await handle?.close();
      await target.cleanup();
    });

    it('creates a visit with its groups, version 1 and an audit entry of what it is', async () => {
      const saved = await createVisit(
        db(),
        scope,
        coordinator,
        fields('2025-07-20', '09:00', '10:00'),
        ip,
      );
      if (!saved.ok) throw new Error(saved.reason);
      expect(saved.visit.version).toBe(1);
      const groups = await db()
        .select()
        .from(s.visitGroups)
        .where(eq(s.visitGroups.visitId, saved.visit.id));
      expect(groups.map((g) => g.groupId)).toEqual([groupZ]);
      const [entry] = await db()
        .select()
        .from(s.auditLog)
        .where(and(eq(s.auditLog.action, 'visit.created'), eq(s.auditLog.target, saved.visit.id)));
      expect(entry?.tourId).toBe(scope.tourId);
      expect(entry?.detail).toMatchObject({
        version: 1,
        before: null,
        after: { titleEn: 'Test 2025-07-20 09:00', groupIds: [groupZ], cancelled: false },
      });
    });

    it('refuses to put a group in two places at once, naming the other visit, and changes nothing', async () => {
      const busy = await createVisit(
        db(),
        scope,
        coordinator,
        fields('2025-07-21', '09:00', '11:00'),
        ip,
      );
      const later = await createVisit(
        db(),
        scope,
        coordinator,
        fields('2025-07-21', '14:00', '15:00'),
        ip,
      );
      if (!busy.ok || !later.ok) throw new Error('setup');
      const moved = await changeVisit(
        db(),
        scope,
        coordinator,
        later.visit.id,
        later.visit.version,
        {
          startsAt: zonedInstant('2025-07-21', '10:30', tz),
          endsAt: zonedInstant('2025-07-21', '11:30', tz),
        },
        ip,
      );
      expect(moved).toMatchObject({
        ok: false,
        reason: 'overlap',
        other: { id: busy.visit.id, titleEn: 'Test 2025-07-21 09:00', groupCode: 'Z' },
      });
      const [row] = await db().select().from(s.visits).where(eq(s.visits.id, later.visit.id));
      expect(row?.version).toBe(1);
      expect(row?.startsAt.toISOString()).toBe(
        zonedInstant('2025-07-21', '14:00', tz).toISOString(),
      );
      // Another group may be there at that time; a cancelled visit holds nobody.
      const other = await createVisit(
        db(),
        scope,
        coordinator,
        fields('2025-07-21', '10:30', '11:30', { groupIds: [groupY] }),
        ip,
      );
      expect(other.ok).toBe(true);
      const cancelled = await changeVisit(
        db(),
        scope,
        coordinator,
        busy.visit.id,
        1,
        { cancelled: true },
        ip,
      );
      expect(cancelled.ok).toBe(true);
      const retried = await changeVisit(
        db(),
        scope,
        coordinator,
        later.visit.id,
        1,
        {
          startsAt: zonedInstant('2025-07-21', '10:30', tz),
          endsAt: zonedInstant('2025-07-21', '11:30', tz),
        },
        ip,
      );
      expect(retried).toMatchObject({ ok: true, visit: { version: 2 } });
      const restore = await changeVisit(
        db(),
        scope,
        coordinator,
        busy.visit.id,
        2,
        { cancelled: false },
        ip,
      );
      expect(restore).toMatchObject({
        ok: false,
        reason: 'overlap',
        other: { id: later.visit.id },
      });
      const actions = await db()
        .select({ action: s.auditLog.action })
        .from(s.auditLog)
        .where(eq(s.auditLog.target, busy.visit.id));
      expect(actions.map((a) => a.action).sort()).toEqual(['visit.cancelled', 'visit.created']);
    });

    it('refuses a save from a stale version with who changed it, when, and the current values', async () => {
      const saved = await createVisit(
        db(),
        scope,
        coordinator,
        fields('2025-07-22', '09:00', '10:00'),
        ip,
      );
      if (!saved.ok) throw new Error('setup');
      const first = await changeVisit(
        db(),
        scope,
        organizer,
        saved.visit.id,
        1,
        { titleEn: 'First edit' },
        ip,
      );
      expect(first.ok).toBe(true);
      const second = await changeVisit(
        db(),
        scope,
        coordinator,
        saved.visit.id,
        1,
        { titleEn: 'Second edit' },
        ip,
      );
      expect(second).toMatchObject({
        ok: false,
        reason: 'stale',
        current: { version: 2, titleEn: 'First edit', updatedBy: demoAccounts.organizer },
      });
      const [row] = await db().select().from(s.visits).where(eq(s.visits.id, saved.visit.id));
      expect(row?.titleEn).toBe('First edit');
    });

    it('answers a save with the transfer it leaves too short, with the time needed', async () => {
      const morning = await createVisit(
        db(),
        scope,
        coordinator,
        fields('2025-07-23', '07:00', '09:00'),
        ip,
      );
      const chengdu = await createVisit(
        db(),
        scope,
        coordinator,
        fields('2025-07-23', '09:30', '10:30', { cityId: city.chengdu ?? null }),
        ip,
      );
      if (!morning.ok || !chengdu.ok) throw new Error('setup');
      const transfer = chengdu.problems.find((p) => p.kind === 'transfer');
      // 150 minutes from Yuzhong to Chengdu, plus the tour's 30-minute buffer.
      expect(transfer).toMatchObject({
        groupId: groupZ,
        visitIds: [chengdu.visit.id, morning.visit.id],
        params: { needed: 180, gap: 30 },
      });
    });

    it("reads hours, closures, capacity, group sizes and members' stays from the database", async () => {
      const [outlet] = await db()
        .select({ id: s.outlets.id })
        .from(s.outlets)
        .where(eq(s.outlets.tourId, scope.tourId))
        .limit(1);
      const [late] = await db()
        .insert(s.delegates)
        .values({
          tourId: scope.tourId,
          outletId: outlet?.id ?? '',
          passportName: 'LATE/ARRIVAL',
          arrivesAt: zonedInstant('2025-07-25', '12:00', tz),
        })
        .returning({ id: s.delegates.id });
      const [early] = await db()
        .insert(s.delegates)
        .values({ tourId: scope.tourId, outletId: outlet?.id ?? '', passportName: 'ON/TIME' })
        .returning({ id: s.delegates.id });
      await db()
        .insert(s.groupMembers)
        .values(
          [late, early].map((d) => ({
            tourId: scope.tourId,
            groupId: groupY,
            delegateId: d?.id ?? '',
          })),
        );
      const [site] = await db()
        .insert(s.sites)
        .values({
          cityId: city.yuzhong ?? '',
          nameZh: '小馆',
          nameEn: 'Small museum',
          capacity: 1,
          opensAt: '09:00',
          closesAt: '17:00',
        })
        .returning({ id: s.sites.id });
      await db()
        .insert(s.siteClosures)
        .values({ siteId: site?.id ?? '', date: '2025-07-25' });
      const saved = await createVisit(
        db(),
        scope,
        coordinator,
        fields('2025-07-25', '08:00', '10:00', { groupIds: [groupY], siteId: site?.id ?? null }),
        ip,
      );
      if (!saved.ok) throw new Error(saved.reason);
      const kinds = Object.fromEntries(saved.problems.map((p) => [p.kind, p.params]));
      expect(kinds.capacity).toEqual({ people: 2, capacity: 1 });
      expect(kinds.siteClosed).toEqual({ opens: '09:00', closes: '17:00', closedDay: 1 });
      expect(kinds.outsideStay).toEqual({ people: 1 });
    });

    it('refuses a visit outside the tour, a group of another tour, and an unknown visit', async () => {
      expect(
        await createVisit(db(), scope, coordinator, fields('2025-08-02', '09:00', '10:00'), ip),
      ).toEqual({ ok: false, reason: 'outsideTour' });
      expect(
        await createVisit(
          db(),
          scope,
          coordinator,
          fields('2025-07-24', '09:00', '10:00', { groupIds: [otherTourGroup] }),
          ip,
        ),
      ).toEqual({ ok: false, reason: 'invalidRef', field: 'groupIds' });
      expect(
        await changeVisit(
          db(),
          scope,
          coordinator,
          '00000000-0000-4000-8000-000000000000',
          1,
          { titleEn: 'x' },
          ip,
        ),
      ).toEqual({ ok: false, reason: 'notFound' });
      const written = await db()
        .select({ id: s.visits.id })
        .from(s.visits)
        .innerJoin(s.visitGroups, eq(s.visitGroups.visitId, s.visits.id))
        .where(eq(s.visitGroups.groupId, otherTourGroup));
      expect(written).toEqual([]);
    });

    it.runIf(target.name === 'postgres')(
      'lets exactly one of 20 simultaneous bookings of one group at one time through',
      async () => {
        const attempts = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            createVisit(
              db(),
              scope,
              coordinator,
              fields('2025-07-25', '10:00', `11:${String(i).padStart(2, '0')}`, {
                titleEn: `Race ${i}`,
              }),
              ip,
            ),
          ),
        );
        const winners = attempts.filter((a) => a.ok);
        expect(winners).toHaveLength(1);
        const refused = attempts.filter((a) => !a.ok);
        expect(refused).toHaveLength(19);
        const winner = winners[0] as { visit: { id: string } };
        for (const r of refused) {
          expect(r).toMatchObject({ ok: false, reason: 'overlap', other: { id: winner.visit.id } });
        }
      },
    );
  });
}
