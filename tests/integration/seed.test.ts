import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect';
import * as s from '../../db/schema';
import { SeedConflictError, seedDemoIfEmpty, seedDemoTour } from '../../db/seed';
import { demoData } from '../../db/seed/demo-data';
import type { Viewer } from '../../lib/auth/permissions';
import { queryDelegateFilterOptions } from '../../lib/dal/delegates';
import { queryOutletFilterOptions, queryOutlets } from '../../lib/dal/outlets';
import { queryProgramme } from '../../lib/dal/programme';
import { type TourScope, tourScope } from '../../lib/dal/scope';
import { queryTourCounts, queryTours } from '../../lib/dal/tours';
import { groupByTourDay } from '../../lib/programme';
import { testDatabases } from './databases';
import { viewerOf } from './helpers';

for (const target of testDatabases()) {
  describe(`demo tour on ${target.name}`, () => {
    let handle: DatabaseHandle;
    let tourId: string;
    let organizer: Viewer;
    let scope: TourScope;

    beforeAll(async () => {
      handle = await target.open();
      await handle.migrate();
      await handle.migrate(); // a second run finds nothing to do
      expect(await seedDemoIfEmpty(handle.db)).toEqual({ seeded: true });
      organizer = await viewerOf(handle.db, 'organizer@example.com');
      const [tour] = await queryTours(handle.db, organizer);
      tourId = tour?.id ?? '';
      scope = tourScope(organizer, tourId) as TourScope;
    });

    afterAll(async () => {
      await handle?.close();
      await target.cleanup();
    });

    it('holds 26 outlets with 2-3 delegates each, in three groups', async () => {
      const [tour] = await queryTours(handle.db, organizer);
      expect(tour).toMatchObject({
        startDate: '2025-07-18',
        endDate: '2025-07-31',
        outletCount: 26,
      });
      const counts = await queryTourCounts(handle.db, scope, 'Asia/Shanghai');
      expect(counts.byRegion.reduce((n, r) => n + r.outlets, 0)).toBe(26);
      expect(counts.byGroup.map((g) => g.code)).toEqual(['A', 'B', 'C']);
      const people = demoData.outlets.reduce((n, o) => n + o.delegates.length, 0);
      expect(counts.delegates).toBe(people);
      expect(counts.byGroup.reduce((n, g) => n + g.members, 0)).toBe(people);
    });

    it('stores the programme as instants and reads it back on the tour clock', async () => {
      const programme = await queryProgramme(handle.db, scope);
      expect(programme).toHaveLength(demoData.visits.length);
      const days = groupByTourDay(programme, {
        startDate: '2025-07-18',
        endDate: '2025-07-31',
        timeZone: 'Asia/Shanghai',
      });
      expect(days).toHaveLength(14);
      const firstDemo = demoData.visits
        .filter((v) => v.day === 1)
        .sort((a, b) => a.start.localeCompare(b.start))[0];
      const [hh, mm] = (firstDemo?.start ?? '').split(':').map(Number);
      // 18 July at hh:mm in Shanghai is hh-8 UTC.
      expect(programme[0]?.startsAt.toISOString()).toBe(
        new Date(Date.UTC(2025, 6, 18, (hh ?? 0) - 8, mm)).toISOString(),
      );
      for (const visit of programme) expect(visit.groups.length).toBeGreaterThan(0);
    });

    it("offers the delegates list's menus from one query: outlets, groups, regions, countries", async () => {
      const menus = await queryDelegateFilterOptions(handle.db, scope);
      expect(menus.outlets?.map((o) => o.nameEn).sort()).toEqual(
        demoData.outlets.map((o) => o.nameEn).sort(),
      );
      expect(menus.groups?.map((g) => g.code)).toEqual(['A', 'B', 'C']);
      expect(menus.regions.map((r) => r.code).sort()).toEqual(
        [
          ...new Set(
            demoData.outlets.map(
              (o) => demoData.countries.find((c) => c.code === o.country)?.region,
            ),
          ),
        ].sort(),
      );
      expect(menus.countries.map((c) => c.code).sort()).toEqual(
        [...new Set(demoData.outlets.map((o) => o.country))].sort(),
      );
    });

    it('filters outlets by region and country and finds names in either script', async () => {
      const options = await queryOutletFilterOptions(handle.db, scope);
      const europe = (await queryOutlets(handle.db, scope, { region: 'europe' })).rows;
      expect(europe.length).toBe(
        demoData.outlets.filter(
          (o) => demoData.countries.find((c) => c.code === o.country)?.region === 'europe',
        ).length,
      );
      expect(europe.every((o) => o.regionCode === 'europe')).toBe(true);
      const country = options.countries[0]?.code ?? '';
      const inCountry = (await queryOutlets(handle.db, scope, { country })).rows;
      expect(inCountry.length).toBeGreaterThan(0);
      expect(inCountry.every((o) => o.countryCode === country)).toBe(true);

      const sample = demoData.outlets[0];
      if (!sample) throw new Error('no outlets');
      const byZh = (await queryOutlets(handle.db, scope, { q: sample.nameZh })).rows;
      expect(byZh.map((o) => o.nameEn)).toContain(sample.nameEn);
      const byEn = (await queryOutlets(handle.db, scope, { q: sample.nameEn.toLowerCase() })).rows;
      expect(byEn.map((o) => o.nameEn)).toContain(sample.nameEn);
      expect(byEn[0]?.themes.map((t) => t.nameEn).sort()).toEqual(
        sample.themes.map((k) => demoData.themes.find((t) => t.key === k)?.nameEn).sort(),
      );
      expect(byEn[0]?.delegateCount).toBe(sample.delegates.length);
    });

    it('refuses to load the same tour twice and writes nothing', async () => {
      const before = await handle.db.select({ n: count() }).from(s.visits);
      await expect(seedDemoTour(handle.db)).rejects.toBeInstanceOf(SeedConflictError);
      expect(await seedDemoIfEmpty(handle.db)).toEqual({ seeded: false });
      const after = await handle.db.select({ n: count() }).from(s.visits);
      expect(after).toEqual(before);
      expect(await handle.db.select({ n: count() }).from(s.tours)).toEqual([{ n: 1 }]);
    });

    it('loads a second tour beside the first, reusing the reference data', async () => {
      const renamed = {
        ...demoData,
        tour: { ...demoData.tour, nameEn: `${demoData.tour.nameEn} (copy)` },
      };
      const { tourId: second } = await seedDemoTour(handle.db, renamed);
      const [cities] = await handle.db.select({ n: count() }).from(s.cities);
      expect(cities?.n).toBe(demoData.cities.length);
      const secondOutlets = await handle.db
        .select({ n: count() })
        .from(s.outlets)
        .where(eq(s.outlets.tourId, second));
      expect(secondOutlets).toEqual([{ n: 26 }]);
      // Queries stay inside their tour.
      expect((await queryOutlets(handle.db, scope)).rows).toHaveLength(26);
    });

    it("keeps a visit from pointing at another tour's group", async () => {
      const [other] = await handle.db
        .select({ id: s.tours.id })
        .from(s.tours)
        .where(eq(s.tours.nameEn, `${demoData.tour.nameEn} (copy)`));
      const [foreignGroup] = await handle.db
        .select({ id: s.groups.id })
        .from(s.groups)
        .where(eq(s.groups.tourId, other?.id ?? ''));
      // A visit at an hour when nobody is busy, so only the tour rule can object.
      const [visit] = await handle.db
        .insert(s.visits)
        .values({
          tourId,
          kind: 'other',
          titleZh: '测试',
          titleEn: 'Test',
          startsAt: new Date('2025-07-18T19:00:00Z'),
          endsAt: new Date('2025-07-18T19:30:00Z'),
        })
        .returning({ id: s.visits.id });
      const refused = handle.db
        .insert(s.visitGroups)
        .values({ tourId, visitId: visit?.id ?? '', groupId: foreignGroup?.id ?? '' });
      // Refused by the composite foreign key to (tour, group): that group is not in this tour.
      const err = await refused.then(
        () => null,
        (e: { cause?: { code?: string; constraint?: string; constraint_name?: string } }) => e,
      );
      expect(err?.cause?.code).toBe('23503');
      expect(err?.cause?.constraint ?? err?.cause?.constraint_name).toBe('visit_groups_group_fk');
    });
  });
}
