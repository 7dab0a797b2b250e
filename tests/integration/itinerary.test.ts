import { and, asc, eq, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect';
import * as s from '../../db/schema';
import { demoAccounts, seedDemoTour } from '../../db/seed';
import type { Viewer } from '../../lib/auth/permissions';
import { hashFeedToken, regenerateFeedToken, scopeOfFeedToken } from '../../lib/dal/feeds';
import {
  markItinerarySeen,
  queryAttendingOutlets,
  queryChangesSince,
  queryDelegateItinerary,
  queryGroupHeader,
  queryGroupsProgramme,
  queryOwnItinerary,
  queryOwnOpening,
} from '../../lib/dal/itinerary';
import { type SelfScope, selfScope, type TourScope, tourScope } from '../../lib/dal/scope';
import { loadViewer } from '../../lib/dal/sessions';
import { changeVisit } from '../../lib/dal/visits';
import { programmeCalendar } from '../../lib/exports/programme';
import { testDatabases } from './databases';
import { viewerOf } from './helpers';

const ip = '203.0.113.9';

for (const target of testDatabases()) {
  describe(`the journalist's itinerary on ${target.name}`, () => {
    let handle: DatabaseHandle;
    let journalist: Viewer;
    let own: SelfScope;
    let other: SelfScope;
    let staff: TourScope;
    let coordinator: Viewer;
    const db = () => handle.db;

    beforeAll(async () => {
      handle = await target.open();
      await handle.migrate();
      const { tourId } = await seedDemoTour(db());
      journalist = await viewerOf(db(), demoAccounts.journalist);
      own = selfScope(journalist) as SelfScope;
      other = selfScope(await viewerOf(db(), demoAccounts.journalist2)) as SelfScope;
      coordinator = await viewerOf(db(), demoAccounts.coordinator);
      staff = tourScope(coordinator, tourId) as TourScope;
    }, 120_000);

    afterAll(async () => {
      await handle?.close();
      await target.cleanup();
    });

    /** The page's way of opening: the session's query reads the last look, then it is recorded. */
    const open = async () => {
      const viewer = await loadViewer(db(), {
        userId: journalist.userId,
        sessionId: journalist.sessionId,
      });
      if (!viewer?.itinerary) throw new Error('the session read no itinerary marks');
      return markItinerarySeen(db(), own, viewer.itinerary);
    };

    const seen = async () => {
      const [row] = await db()
        .select({ at: s.users.itinerarySeenAt, prev: s.users.itineraryPrevSeenAt })
        .from(s.users)
        .where(eq(s.users.id, journalist.userId));
      return row;
    };

    it('marks changes made after the last look, and a reload within minutes keeps them', async () => {
      // The first look starts the clock: nothing is marked yet.
      const first = await open();
      expect(first).not.toBeNull();
      const itinerary = await queryOwnItinerary(db(), own);
      const ids = itinerary?.visits.map((v) => v.id) ?? [];
      expect(await queryChangesSince(db(), own, ids, first)).toHaveProperty('size', 0);

      const [target] = itinerary?.visits.filter((v) => !v.cancelled) ?? [];
      if (!target) throw new Error('no visit');
      const startsAt = new Date(target.startsAt.getTime() - 30 * 60_000);
      const moved = await changeVisit(
        db(),
        staff,
        coordinator,
        target.id,
        target.version,
        { startsAt, endsAt: target.endsAt },
        ip,
      );
      expect(moved.ok).toBe(true);

      // Reloaded at once, and again: the same moment is "since", and the move is marked with the
      // old time (the reloads do not count as having seen it).
      await open();
      const again = await open();
      expect(again?.getTime()).toBe(first?.getTime());
      const marks = await queryChangesSince(db(), own, ids, again);
      expect(marks.get(target.id)).toMatchObject({ kind: 'moved', parts: ['time'] });
      expect(new Date(marks.get(target.id)?.before?.startsAt ?? 0).getTime()).toBe(
        target.startsAt.getTime(),
      );

      // Opened again an hour after the move: what was marked then has been seen.
      await db()
        .update(s.auditLog)
        .set({ at: sql`now() - interval '2 hours'` })
        .where(eq(s.auditLog.target, target.id));
      await db()
        .update(s.users)
        .set({ itinerarySeenAt: sql`now() - interval '1 hour'` })
        .where(eq(s.users.id, journalist.userId));
      const later = await open();
      expect((await seen())?.prev?.getTime()).toBe(later?.getTime());
      expect(await queryChangesSince(db(), own, ids, later)).toHaveProperty('size', 0);
    });

    it("reads only the reader's groups, tour and delegates", async () => {
      const mine = await queryOwnItinerary(db(), own);
      const theirs = await queryOwnItinerary(db(), other);
      const mineIds = new Set(mine?.visits.map((v) => v.id));
      const onlyTheirs = theirs?.visits.filter((v) => !mineIds.has(v.id)) ?? [];
      expect(onlyTheirs.length).toBeGreaterThan(0);
      // Another journalist's visits carry no marks and no outlets for this reader's tour scope
      // beyond what the database holds for the tour: asking with another tour's scope gives none.
      const [anotherTour] = await db()
        .insert(s.tours)
        .values({ nameZh: '另', nameEn: 'Other', startDate: '2025-07-18', endDate: '2025-07-31' })
        .returning({ id: s.tours.id });
      const organizer = await viewerOf(db(), demoAccounts.organizer);
      const foreign = tourScope(organizer, anotherTour?.id ?? '') as TourScope;
      expect((await queryAttendingOutlets(db(), foreign, mine?.visits ?? [])).size).toBe(0);
      expect((await queryAttendingOutlets(db(), own, mine?.visits ?? [])).size).toBeGreaterThan(0);
      expect(await queryDelegateItinerary(db(), foreign, own.delegateId)).toBeNull();
      const asStaff = await queryDelegateItinerary(db(), staff, own.delegateId);
      expect(asStaff?.visits.map((v) => v.id)).toEqual(mine?.visits.map((v) => v.id));
      const groupId = mine?.groups[0]?.id ?? '';
      expect(await queryGroupHeader(db(), foreign, groupId)).toBeNull();
      expect((await queryGroupHeader(db(), staff, groupId))?.groups.map((g) => g.id)).toEqual([
        groupId,
      ]);
    });

    it("opens with the reader's tour, groups and last look, and reads their groups' visits", async () => {
      const opening = await queryOwnOpening(db(), own);
      expect(opening?.groups.map((g) => g.code)).toHaveLength(1);
      // The marks of the last look come with a journalist's session, and only with theirs.
      expect(journalist.itinerary).toHaveProperty('hasFeed');
      expect(coordinator.itinerary).toBeUndefined();
      const full = (await queryOwnItinerary(db(), own))?.visits ?? [];
      const programme = await queryGroupsProgramme(db(), own, opening?.groups ?? []);
      expect(programme).toEqual(full);
      expect(programme.every((v) => v.groupIds.includes(opening?.groups[0]?.id ?? ''))).toBe(true);
      // Nobody else's: another journalist's opening has their own group.
      expect((await queryOwnOpening(db(), other))?.groups[0]?.id).not.toBe(opening?.groups[0]?.id);
      // Another tour's scope finds none of these groups' visits.
      const organizer = await viewerOf(db(), demoAccounts.organizer);
      const [elsewhere] = await db()
        .insert(s.tours)
        .values({
          nameZh: '又一',
          nameEn: 'Yet another',
          startDate: '2025-07-18',
          endDate: '2025-07-31',
        })
        .returning({ id: s.tours.id });
      const foreign = tourScope(organizer, elsewhere?.id ?? '') as TourScope;
      expect(await queryGroupsProgramme(db(), foreign, opening?.groups ?? [])).toEqual([]);
    });

    it('stores only the hash of a feed token, and a new token retires the old one', async () => {
      const first = await regenerateFeedToken(db(), own, ip);
      expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const [row] = await db()
        .select({ hash: s.users.feedTokenHash })
        .from(s.users)
        .where(eq(s.users.id, journalist.userId));
      expect(row?.hash).toBe(hashFeedToken(first));
      expect(row?.hash).not.toContain(first);
      expect((await scopeOfFeedToken(db(), first))?.delegateId).toBe(own.delegateId);

      const second = await regenerateFeedToken(db(), own, ip);
      expect(second).not.toBe(first);
      expect(await scopeOfFeedToken(db(), first)).toBeNull();
      expect((await scopeOfFeedToken(db(), second))?.viewer.userId).toBe(journalist.userId);
      // Malformed tokens never reach the database as anything but a miss.
      expect(await scopeOfFeedToken(db(), 'short')).toBeNull();
      expect(await scopeOfFeedToken(db(), `${second.slice(0, 42)}!`)).toBeNull();
      const entries = await db()
        .select({ action: s.auditLog.action })
        .from(s.auditLog)
        .where(
          and(eq(s.auditLog.userId, journalist.userId), sql`${s.auditLog.action} like 'feed.%'`),
        )
        .orderBy(asc(s.auditLog.id));
      expect(entries.map((e) => e.action)).toEqual(['feed.created', 'feed.regenerated']);

      // A disabled account's feed is closed too.
      await db().update(s.users).set({ disabled: true }).where(eq(s.users.id, journalist.userId));
      expect(await scopeOfFeedToken(db(), second)).toBeNull();
      await db().update(s.users).set({ disabled: false }).where(eq(s.users.id, journalist.userId));
    });

    it('the calendar of the itinerary has its visits, times and statuses, and no phone (ical.js)', async () => {
      const itinerary = await queryOwnItinerary(db(), own);
      const visits = itinerary?.visits ?? [];
      const text = programmeCalendar({
        tourName: 'Mine',
        visits,
        locale: 'en',
        timeZone: 'Asia/Shanghai',
        host: 'tourdesk',
      });
      const cal = new ICAL.Component(ICAL.parse(text));
      expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
      const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
      expect(events.map((e) => e.uid)).toEqual(visits.map((v) => `visit-${v.id}@tourdesk`));
      for (const [i, e] of events.entries()) {
        expect(e.startDate.toJSDate().getTime()).toBe(visits[i]?.startsAt.getTime());
        expect(e.sequence).toBe(visits[i]?.version);
      }
      for (const phone of visits.map((v) => v.hostContactPhone).filter(Boolean)) {
        expect(text).not.toContain(phone);
      }
    });
  });
}
