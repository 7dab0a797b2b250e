import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../db/connect';
import * as s from '../../db/schema';
import { seedDemoTour } from '../../db/seed';
import { tourScope } from '../../lib/dal/scope';
import { exportTour, importTour } from '../../lib/dal/tour-transfer';
import { type TourFile, tourFileSchema } from '../../lib/validation/tour-file';
import { testDatabases } from './databases';
import { viewerOf } from './helpers';

/**
 * The file with its ids replaced by labels that depend only on content, so a tour and its
 * import (every id new) compare equal exactly when they hold the same data.
 */
function normalize(file: TourFile) {
  const label = new Map<string, string>();
  const swap = (row: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(row)) {
      if (k === 'id') continue;
      out[k] = typeof v === 'string' && label.has(v) ? label.get(v) : v;
    }
    return out;
  };
  const entities = (kind: string, rows: { id: string }[], extra = (_id: string): unknown => null) =>
    rows
      .map((r) => ({ id: r.id, body: JSON.stringify([swap(r), extra(r.id)]) }))
      .sort((a, b) => a.body.localeCompare(b.body))
      .map(({ id, body }, i) => {
        label.set(id, `${kind}:${i}`);
        return body;
      });
  const links = (rows: object[]) =>
    rows.map((r) => JSON.stringify(swap(r as Record<string, unknown>))).sort();
  return {
    tour: file.tour,
    regions: links(file.regions),
    countries: links(file.countries),
    cities: entities('city', file.cities),
    sites: entities('site', file.sites),
    outlets: entities('outlet', file.outlets),
    themes: entities('theme', file.coverageThemes),
    delegates: entities('delegate', file.delegates),
    groups: entities('group', file.groups),
    // Two visits alike but for their groups (parallel programmes) are told apart by them.
    visits: entities('visit', file.visits, (id) =>
      file.visitGroups
        .filter((x) => x.visitId === id)
        .map((x) => label.get(x.groupId))
        .sort(),
    ),
    outletThemes: links(file.outletThemes),
    groupMembers: links(file.groupMembers),
    visitGroups: links(file.visitGroups),
  };
}

const databases = testDatabases();
afterAll(async () => {
  for (const d of databases) await d.cleanup();
});

describe('a tour exported from one instance and imported into another', () => {
  const handles: DatabaseHandle[] = [];
  afterAll(async () => {
    for (const h of handles) await h.close();
  });

  it.each(databases.map((d) => [d.name, d] as const))(
    'into %s reads the same, with new ids; clashing names and ids are refused whole',
    async (_name, target) => {
      // The source: the demo tour on the embedded database.
      const source = await openDatabase({ driver: 'pglite', dataDir: undefined });
      handles.push(source);
      await source.migrate();
      const { tourId } = await seedDemoTour(source.db);
      const organizer = await viewerOf(source.db, 'organizer@example.com');
      const scope = tourScope(organizer, tourId);
      if (!scope) throw new Error('no scope');
      const file = await exportTour(source.db, scope);
      if (!file) throw new Error('no file');
      expect(file.delegates.length).toBeGreaterThan(20);
      expect(file.visits.length).toBeGreaterThan(20);
      const text = JSON.stringify(file);
      // Passports leave encrypted, never as numbers.
      expect(file.delegates.some((d) => d.passportNumberEnc?.startsWith('v1.'))).toBe(true);
      expect(text).not.toMatch(/"P\d{7}A"/);

      // The other instance: its own empty database, with an organizer of its own.
      const other = await target.open();
      handles.push(other);
      await other.migrate();
      await seedDemoTour(other.db, {
        ...(await import('../../db/seed/demo-data')).demoData,
        tour: {
          ...(await import('../../db/seed/demo-data')).demoData.tour,
          nameEn: 'Another tour',
        },
      });
      const otherOrganizer = await viewerOf(other.db, 'organizer@example.com');
      const parsed = tourFileSchema.parse(JSON.parse(text));
      const result = await importTour(other.db, otherOrganizer, parsed, '127.0.0.1');
      if (!result.ok) throw new Error(`import refused: ${result.detail}`);
      expect(result.tourId).not.toBe(tourId);
      const imported = await exportTour(
        other.db,
        tourScope(otherOrganizer, result.tourId) ?? scope,
      );
      if (!imported) throw new Error('no import');
      expect(normalize(imported)).toEqual(normalize(file));
      const oldIds = new Set(file.delegates.map((d) => d.id));
      expect(imported.delegates.filter((d) => oldIds.has(d.id))).toEqual([]);

      // Refused whole, nothing written: the same tour again (its name is taken), ids that clash.
      const count = async () =>
        (await other.db.select({ n: sql<number>`count(*)::int` }).from(s.delegates))[0]?.n;
      const before = await count();
      const again = await importTour(other.db, otherOrganizer, parsed, null);
      expect(again).toMatchObject({ ok: false, reason: 'nameTaken' });
      const clash = structuredClone(parsed);
      clash.tour.nameEn = 'A clashing tour';
      const [first, second] = clash.delegates;
      if (first && second) second.id = first.id;
      expect(await importTour(other.db, otherOrganizer, clash, null)).toMatchObject({
        ok: false,
        reason: 'inconsistent',
      });
      const dangling = structuredClone(parsed);
      dangling.tour.nameEn = 'A dangling tour';
      dangling.outlets.pop();
      expect(await importTour(other.db, otherOrganizer, dangling, null)).toMatchObject({
        ok: false,
        reason: 'inconsistent',
      });
      expect(await count()).toBe(before);
    },
  );
});
