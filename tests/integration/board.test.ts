import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect';
import { demoAccounts, seedDemoTour } from '../../db/seed';
import { type BoardData, firstPaintOf, queryBoard } from '../../lib/dal/board';
import { type TourScope, tourScope } from '../../lib/dal/scope';
import { dayProblems, planContextFromJson } from '../../lib/schedule/board-plan';
import { datesBetween } from '../../lib/time';
import { testDatabases } from './databases';
import { viewerOf } from './helpers';

for (const target of testDatabases()) {
  describe(`the schedule board's data on ${target.name}`, () => {
    let handle: DatabaseHandle;
    let scope: TourScope;
    let dates: string[] = [];
    const db = () => handle.db;

    beforeAll(async () => {
      handle = await target.open();
      await handle.migrate();
      const { tourId } = await seedDemoTour(db());
      scope = tourScope(await viewerOf(db(), demoAccounts.coordinator), tourId) as TourScope;
      const board = await queryBoard(db(), scope, {});
      dates = board ? datesBetween(board.tour.startDate, board.tour.endDate) : [];
    }, 120_000);

    afterAll(async () => {
      await handle?.close();
      await target.cleanup();
    });

    const boards = async () => {
      const list: BoardData[] = [];
      for (const day of dates) {
        const board = await queryBoard(db(), scope, { day });
        if (board) list.push(board);
      }
      return list;
    };

    it("paints each day with the problems the browser finds, and without the checks' data", async () => {
      const days = await boards();
      expect(days).toHaveLength(14);
      let problemDays = 0;
      for (const full of days) {
        const found = dayProblems(full.visits, planContextFromJson(full.context), full.day);
        if (found.length) problemDays++;
        const first = firstPaintOf(full);
        // The same problems as the browser works out once it has the checks' data.
        expect(first.problems).toEqual(found);
        expect(first.context).toBeNull();
        // Each visit as its block shows it; what only the form edits is read with the rest.
        expect(first.visits.map((v) => v.id)).toEqual(full.visits.map((v) => v.id));
        for (const [i, shown] of first.visits.entries()) {
          expect(full.visits[i]).toMatchObject(shown);
          expect(shown).not.toHaveProperty('notesEn');
          expect(shown).not.toHaveProperty('hostContactPhone');
        }
        // The names the views by site and city show, and no more: every site of the menu is
        // for the form, which reads the board in full.
        const shownSites = new Set(full.visits.map((v) => v.siteId).filter(Boolean));
        expect(new Set(first.sites.map((s) => s.id))).toEqual(shownSites);
        expect(first.sites.length).toBeLessThan(full.sites.length);
        const shownCities = new Set(full.visits.map((v) => v.cityId).filter(Boolean));
        expect(new Set(first.cities.map((c) => c.id))).toEqual(shownCities);
      }
      // The demo tour has days with problems, so the comparison above compares something.
      expect(problemDays).toBeGreaterThan(0);
    });
  });
}
