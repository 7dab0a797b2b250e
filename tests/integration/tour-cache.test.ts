import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../db/connect';
import { seedDemoTour } from '../../db/seed';
import { createTourReadCache, type TourReadCache } from '../../lib/dal/tour-cache';
import { testDatabases } from './databases';

// The cache of tour reads (lib/dal/tour-cache.ts) against the real notifications of migration
// 0005: a kept read must never outlive a committed change to its tour.

/** A read that counts how often it really ran. */
function counted() {
  let runs = 0;
  return {
    read: async () => ++runs,
    get runs() {
      return runs;
    },
  };
}

async function eventually(check: () => Promise<boolean>, what: string, ms = 5000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`not within ${ms} ms: ${what}`);
}

for (const target of testDatabases()) {
  describe(`reads of a tour kept until it changes, on ${target.name}`, () => {
    let handle: DatabaseHandle;
    let tourId: string;
    const otherTour = randomUUID();

    beforeAll(async () => {
      handle = await target.open();
      await handle.migrate();
      ({ tourId } = await seedDemoTour(handle.db));
    }, 120_000);

    afterAll(async () => {
      await handle?.close();
      await target.cleanup();
    });

    const cacheOn = (h: DatabaseHandle) => createTourReadCache(async () => h);
    const rename = (db: DatabaseHandle['db'], name: string) =>
      db.execute(
        sql`update outlets set name_en = ${name} where id = (select id from outlets where tour_id = ${tourId} order by id limit 1)`,
      );

    it('keeps a read until a statement outside any transaction changes the tour, and only that tour', async () => {
      const cache = cacheOn(handle);
      const mine = counted();
      const other = counted();
      expect(await cache.read(tourId, ['outlets'], mine.read)).toBe(1);
      expect(await cache.read(tourId, ['outlets'], mine.read)).toBe(1);
      expect(await cache.read(otherTour, ['outlets'], other.read)).toBe(1);
      await rename(handle.db, 'Renamed by a script');
      await eventually(
        async () => (await cache.read(tourId, ['outlets'], mine.read)) === 2,
        'the change is read',
      );
      expect(await cache.read(otherTour, ['outlets'], other.read)).toBe(1);
    });

    it("reads this process's own transaction at once, and keeps a read past a rolled-back one", async () => {
      const cache = cacheOn(handle);
      const mine = counted();
      await cache.read(tourId, ['delegates'], mine.read);
      await handle.db.transaction(async (tx) => {
        await rename(tx as unknown as DatabaseHandle['db'], 'Renamed in a transaction');
      });
      // No wait: the person who saved sees their change on the very next page.
      expect(await cache.read(tourId, ['delegates'], mine.read)).toBe(2);
      // The same change's NOTIFY comes round a moment later (and may drop the read once more).
      await new Promise((r) => setTimeout(r, 300));
      const settled = await cache.read(tourId, ['delegates'], mine.read);
      await expect(
        handle.db.transaction(async (tx) => {
          await rename(tx as unknown as DatabaseHandle['db'], 'Never saved');
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      await new Promise((r) => setTimeout(r, 300));
      expect(await cache.read(tourId, ['delegates'], mine.read)).toBe(settled);
    });

    it('drops every tour when reference data that tours share changes', async () => {
      const cache = cacheOn(handle);
      const mine = counted();
      const other = counted();
      await cache.read(tourId, ['board'], mine.read);
      await cache.read(otherTour, ['board'], other.read);
      await handle.db.execute(
        sql`update sites set capacity = capacity where id = (select id from sites order by id limit 1)`,
      );
      await eventually(
        async () =>
          (await cache.read(tourId, ['board'], mine.read)) >= 2 &&
          (await cache.read(otherTour, ['board'], other.read)) === 2,
        'both tours read again',
      );
    });

    it('keeps separate keys apart and forgets a failed read', async () => {
      const cache: TourReadCache = cacheOn(handle);
      const a = counted();
      await cache.read(tourId, ['delegates', { page: 1 }], a.read);
      await cache.read(tourId, ['delegates', { page: 2 }], a.read);
      expect(a.runs).toBe(2);
      let failures = 0;
      const failing = async () => {
        failures++;
        throw new Error('database away');
      };
      await expect(cache.read(tourId, ['flaky'], failing)).rejects.toThrow('database away');
      await expect(cache.read(tourId, ['flaky'], failing)).rejects.toThrow('database away');
      expect(failures).toBe(2);
    });

    if (target.name === 'postgres') {
      it("another app instance's change arrives by NOTIFY, and a listener that lost its connection starts afresh", async () => {
        const [{ name } = { name: '' }] = (await handle.db.execute(
          sql`select current_database() as name`,
        )) as unknown as { name: string }[];
        const url = new URL(process.env.TEST_DATABASE_URL ?? '');
        url.pathname = `/${name}`;
        const second = await openDatabase({ driver: 'postgres', url: url.toString() });
        try {
          const cache = cacheOn(second);
          const mine = counted();
          await cache.read(tourId, ['overview'], mine.read);
          await rename(handle.db, 'Renamed on the other instance');
          await eventually(
            async () => (await cache.read(tourId, ['overview'], mine.read)) === 2,
            "the other instance's change is read",
          );
          // Every connection of the second instance dropped, its listener's included: whatever
          // was sent meanwhile is lost, so nothing kept before is trusted.
          const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
          try {
            await admin`select pg_terminate_backend(pid) from pg_stat_activity
                        where datname = ${name} and pid <> pg_backend_pid()`;
          } finally {
            await admin.end();
          }
          await eventually(
            async () => (await cache.read(tourId, ['overview'], mine.read)) === 3,
            'a fresh read after the listener reconnected',
            10_000,
          );
        } finally {
          await second.close();
        }
      }, 30_000);
    }
  });
}
